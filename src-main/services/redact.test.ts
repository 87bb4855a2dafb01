import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactText } from './redact';

describe('redact', () => {
  it('strips secrets by key, at any depth, and everything under such a key', () => {
    const out = redact({
      method: 'auth.login',
      input: { enterprise: '苏州测试', password: 'Tongban#2026', captchaAnswer: 'x7k2', captchaId: 'c1' },
      nested: [{ pin: '123456', newPin: '654321', code: '482913', smsCode: '111222' }],
      headers: { Authorization: 'Bearer abc', cookie: 's=1' },
      token: { value: 'tok', expires: 1 },
      cms: 'MIIB',
      content: 'JVBERi0x',
      outcome: 'PIN_INCORRECT',
      requestId: 'req-1',
    });
    expect(out).toEqual({
      method: 'auth.login',
      input: { enterprise: '苏州测试', password: REDACTED, captchaAnswer: REDACTED, captchaId: REDACTED },
      nested: [{ pin: REDACTED, newPin: REDACTED, code: REDACTED, smsCode: REDACTED }],
      headers: { Authorization: REDACTED, cookie: REDACTED },
      token: REDACTED,
      cms: REDACTED,
      content: REDACTED,
      outcome: 'PIN_INCORRECT',
      requestId: 'req-1',
    });
  });

  it('strips bearer tokens and base64 runs inside any text, keeping the words around them', () => {
    const token = 'Zk3_aB9-QwErTyUiOpAsDfGhJkLzXcVbNm1234567890abcdEFGH';
    expect(redactText(`sent Authorization: Bearer ${token} to the portal`)).toBe(`sent Authorization: Bearer ${REDACTED} to the portal`);
    expect(redact({ error: `failed on ${'QUJD'.repeat(40)}==` })).toEqual({ error: 'failed on [162 chars]' });
    expect(redactText('SERVER_UNREACHABLE after 30000 ms, request 5f1d3c2a')).toBe('SERVER_UNREACHABLE after 30000 ms, request 5f1d3c2a');
  });

  it('logs bytes and errors by their shape, never their content', () => {
    expect(redact({ file: new Uint8Array([1, 2, 3]) })).toEqual({ file: '[3 bytes]' });
    expect(redact(new Error(`boom Bearer ${'x'.repeat(30)}`))).toEqual({ name: 'Error', message: `boom Bearer ${REDACTED}` });
  });
});
