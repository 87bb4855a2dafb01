import { describe, expect, it } from 'vitest';
import { checkForm } from '../forms';
import { serverUrlAllowed, serverUrlSchema } from './server-url';
import { authOrigin } from './signing';

describe('which server a client may talk to', () => {
  it('allows https anywhere and http only on this machine', () => {
    for (const url of ['https://one.sipac.gov.cn', 'https://10.0.0.5:8443/portal/', 'http://127.0.0.1:8787', 'http://127.8.0.1/', 'http://localhost:8787', 'http://[::1]:8787/']) {
      expect(serverUrlAllowed(url), url).toBe(true);
    }
    for (const url of ['http://one.sipac.gov.cn', 'http://10.0.0.5:8787', 'http://127.0.0.1.evil.example/', 'http://localhost.evil.example', 'ftp://one.sipac.gov.cn', 'file:///C:/x', 'not a url']) {
      expect(serverUrlAllowed(url), url).toBe(false);
    }
  });

  it('is a field issue with its own code, and CA-login origins follow it', () => {
    expect(checkForm(serverUrlSchema, 'http://one.sipac.gov.cn').issues).toEqual([{ path: '', code: 'SERVER_URL_NOT_HTTPS' }]);
    expect(checkForm(serverUrlSchema, 'https://one.sipac.gov.cn').ok).toBe(true);
    expect(() => authOrigin('http://one.sipac.gov.cn')).toThrow(/https/);
    expect(authOrigin('http://[::1]:8787/x')).toBe('http://[::1]:8787');
  });
});
