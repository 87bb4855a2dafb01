import { describe, expect, it } from 'vitest';
import { RESIDENT_ID_ERROR_CODES } from '@shared/validation/resident-id';
import { USCC_ERROR_CODES } from '@shared/validation/uscc';
import { MOBILE_ERROR_CODES } from '@shared/validation/mobile';
import { describeError, validationMessage } from './describe';

describe('describeError', () => {
  it('shows a key error with its hint, and tries left for a wrong PIN', () => {
    const d = describeError({ code: 'PIN_INCORRECT', retriable: false, details: { triesLeft: 2 } }, 'zh-CN');
    expect(d.message).toBe('PIN 码错误。还可尝试 2 次。');
    expect(d.hint).toContain('锁定');
    expect(d.retriable).toBe(false);
  });

  it('says of a wrong PIN what the key reported and no more (issue 21 item 8)', () => {
    const wrong = (details: Record<string, boolean | number>, locale: 'zh-CN' | 'en' = 'zh-CN') =>
      describeError({ code: 'PIN_INCORRECT', retriable: false, details }, locale).message;
    expect(wrong({ countLow: false, finalTry: false })).toBe('PIN 码错误。');
    // Count low only means a PIN was wrong since the last success: no "many times", no count.
    expect(wrong({ countLow: true, finalTry: false })).toBe('PIN 码错误。');
    expect(wrong({ countLow: true, finalTry: true, triesLeft: 1 })).toBe('PIN 码错误。这是最后一次尝试，再输错将锁定 USB Key。');
    expect(wrong({ countLow: true, finalTry: true, triesLeft: 1 }, 'en')).toBe('Incorrect PIN. This is the last try: a wrong PIN now locks the USB key.');
    const locked = describeError({ code: 'PIN_LOCKED', retriable: false }, 'zh-CN');
    expect(locked.hint).toContain('CA 机构');
  });

  it('shows a server refusal with its recovery paths', () => {
    const d = describeError({ code: 'ENTERPRISE_ALREADY_REGISTERED', retriable: false }, 'zh-CN');
    expect(d.message).toBe('该企业已注册。');
    expect(d.hint).toContain('忘记密码');
    expect(describeError({ code: 'ENTERPRISE_ALREADY_REGISTERED', retriable: false }, 'en').message).toBe(
      'This enterprise is already registered.',
    );
  });

  it('carries the server’s request id for support, and gives the client’s codes their one text', () => {
    expect(describeError({ code: 'INTERNAL', retriable: true, requestId: 'req-42' }, 'zh-CN')).toMatchObject({ requestId: 'req-42', hint: expect.stringContaining('请求编号') });
    expect(describeError({ code: 'SERVER_UNREACHABLE', retriable: true }, 'zh-CN').message).toBe('无法连接一网通办服务器。');
    expect(describeError({ code: 'SERVER_ANSWER_UNREADABLE', retriable: true }, 'en').retriable).toBe(true);
  });

  it('says why a key of another enterprise cannot sign, in words, not as a bare code', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const d = describeError({ code: 'CERT_OTHER_ENTERPRISE', retriable: false }, locale);
      expect(d.message).not.toContain('CERT_OTHER_ENTERPRISE');
      expect(d.hint).toBeTruthy();
    }
  });

  it('takes retriable from the error itself', () => {
    expect(describeError({ code: 'TOKEN_REMOVED', retriable: true }, 'zh-CN').retriable).toBe(true);
  });

  it('knows the renderer’s own codes and names an unknown one', () => {
    expect(describeError({ code: 'CLIENT_UNAVAILABLE', retriable: true }, 'zh-CN').hint).toBeTruthy();
    const d = describeError({ code: 'SOMETHING_NEW', retriable: false }, 'zh-CN');
    expect(d.message).toContain('SOMETHING_NEW');
  });
});

describe('validationMessage', () => {
  it('has a message for every validator code in both languages', () => {
    for (const code of [...USCC_ERROR_CODES, ...RESIDENT_ID_ERROR_CODES, ...MOBILE_ERROR_CODES]) {
      expect(validationMessage(code, 'zh-CN')).not.toContain(code);
      expect(validationMessage(code, 'en')).not.toContain(code);
    }
  });
});
