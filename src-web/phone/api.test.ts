import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES, phoneReceiptInfoRoute, phoneUploadReceiptRoute, PHOTO_MEDIA_TYPES } from '@shared/contract/http/disbursement';
import { serverErrors } from '@shared/errors/server';
import { INFO_ROUTE, infoPath, PHOTO_LIMIT_BYTES, PHOTO_ROUTE, PhoneError, photoPath, readErrorBody, TERMINAL_CODES } from './api';

const token = 'A'.repeat(21) + '-_' + 'b'.repeat(20);

describe('the phone page against the contract', () => {
  it('calls the contract’s paths', () => {
    expect(INFO_ROUTE.path).toBe(phoneReceiptInfoRoute.path);
    expect(PHOTO_ROUTE.path).toBe(phoneUploadReceiptRoute.path);
    expect(infoPath(token)).toBe(phoneReceiptInfoRoute.path.replace(':token', token));
    expect(photoPath(token)).toBe(phoneUploadReceiptRoute.path.replace(':token', token));
    expect(phoneUploadReceiptRoute.method).toBe('POST');
    expect(PHOTO_MEDIA_TYPES).toContain('image/jpeg');
  });

  it('keeps the contract’s size limit', () => {
    expect(PHOTO_LIMIT_BYTES).toBe(PHOTO_MAX_BYTES);
  });

  it('treats exactly the link errors as the end of the link', () => {
    for (const code of TERMINAL_CODES) {
      expect(serverErrors).toHaveProperty(code);
      expect(new PhoneError({ code, message: { 'zh-CN': 'x', en: 'x' } }).terminal).toBe(true);
    }
    expect(new PhoneError({ code: 'RATE_LIMITED', message: { 'zh-CN': 'x', en: 'x' } }).terminal).toBe(false);
  });
});

describe('readErrorBody', () => {
  it('reads the server’s message and hint', () => {
    const body = { error: { code: 'RECEIPT_LINK_USED', message: { 'zh-CN': '已使用', en: 'used' }, hint: { 'zh-CN': '重新生成', en: 'new one' }, retriable: false, requestId: 'r1' } };
    expect(readErrorBody(body)).toEqual({ code: 'RECEIPT_LINK_USED', message: body.error.message, hint: body.error.hint, requestId: 'r1' });
  });

  it('refuses what is not an error body', () => {
    expect(readErrorBody(null)).toBeNull();
    expect(readErrorBody({ error: { code: 'X', message: 'plain' } })).toBeNull();
    expect(readErrorBody('<html>')).toBeNull();
  });
});
