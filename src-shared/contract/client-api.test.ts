import { describe, expect, it } from 'vitest';
import { clientMethods, methodSchema } from './client-api';
import { buildClientApi, CLIENT_METHOD_NAMES } from './client-api-build';

describe('client API shape', () => {
  it('names exactly the methods the contract declares', () => {
    const declared = Object.fromEntries(Object.entries(clientMethods).map(([f, m]) => [f, Object.keys(m)]));
    expect(CLIENT_METHOD_NAMES).toEqual(declared);
  });

  it('builds window.tongban that forwards feature.method and input to the transport', async () => {
    const seen: Array<[string, unknown]> = [];
    const api = buildClientApi({
      invoke: async (method, input) => {
        seen.push([method, input]);
        return { ok: true, value: null };
      },
      subscribe: () => () => {},
    });
    await api.auth.login({ enterprise: 'e', username: 'u', password: 'p', captchaId: 'c', captchaAnswer: 'a' });
    await api.app.info();
    expect(seen).toEqual([
      ['auth.login', { enterprise: 'e', username: 'u', password: 'p', captchaId: 'c', captchaAnswer: 'a' }],
      ['app.info', {}],
    ]);
    expect(Object.isFrozen(api) && Object.isFrozen(api.auth)).toBe(true);
  });

  it('knows no method outside the contract, including prototype names', () => {
    expect(methodSchema('auth.login')).toBeDefined();
    expect(methodSchema('auth.toString')).toBeUndefined();
    expect(methodSchema('constructor.name')).toBeUndefined();
    expect(methodSchema('auth')).toBeUndefined();
    expect(methodSchema('auth.login.x')).toBeUndefined();
  });
});
