import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Result } from '@shared/contract/result';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import { ADMIN_MOBILE, portalLink, scenario, softHsmKey } from '../../tests/fixtures/scenario';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';

// Issue 21 items 1 and 5 through window.tongban's services: the real portal, SoftHSM keys, the local store.
let keys: TokenSandbox;
let portal: Portal;
let tokens: TokenClient;
let store: LocalStore;
let dir: string;
let services: ClientServices;

beforeAll(async () => {
  keys = await createTokenSandbox({ only: ['JSCA-RSA-0001', 'SZCA-EC-0004', 'JSCA-RSA-0001-NEW'] });
  portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-keys-'));
  store = new LocalStore(path.join(dir, 'client.db'));
  tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
  services = new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array() });
}, 60_000);
afterAll(async () => {
  await tokens?.stop();
  store?.close();
  await portal?.close();
  await keys?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const call = async <T = unknown>(method: string, input: unknown = {}) => (await services.dispatch(method, input)) as Result<T>;

it('tells the key’s holder at step 2 whether its enterprise is registered, and remembers that key (never the PIN)', async () => {
  const jiangsu = keys.issued('JSCA-RSA-0001');
  const suzhou = keys.issued('SZCA-EC-0004');
  expect(await call('tokens.lastUsed')).toEqual({ ok: true, value: { fingerprint: null } });

  expect(await call('registration.checkKey', { fingerprint: jiangsu.certSha256, pin: jiangsu.userPin })).toEqual({ ok: true, value: { uscc: jiangsu.uscc, registered: false } });
  expect(await call('tokens.lastUsed')).toEqual({ ok: true, value: { fingerprint: jiangsu.certSha256 } });

  // A wrong PIN proves nothing and uses no key: the remembered one stays.
  expect(await call('registration.checkKey', { fingerprint: suzhou.certSha256, pin: '00000000' })).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
  expect(await call('tokens.lastUsed')).toEqual({ ok: true, value: { fingerprint: jiangsu.certSha256 } });

  await scenario(portalLink(portal)).enterprise(softHsmKey(tokens, jiangsu));
  expect(await call('registration.checkKey', { fingerprint: jiangsu.certSha256, pin: jiangsu.userPin })).toEqual({ ok: true, value: { uscc: jiangsu.uscc, registered: true } });

  // The store holds the fingerprint and nothing of the PIN.
  expect(store.getSetting('lastKey')).toBe(jiangsu.certSha256);
  const raw = (store as unknown as { db: { prepare(sql: string): { all(): unknown[] } } }).db.prepare('SELECT * FROM setting').all();
  expect(JSON.stringify(raw)).not.toContain(jiangsu.userPin);
}, 60_000);

// Issue 17 item 3 on the desktop: the CA's renewal of the registered key (JSCA-RSA-0001-NEW: same subject and USCC,
// a key of its own) signs in only after the administrator's SMS code — what RenewalConfirm.tsx drives.
it('signs in with a renewed key after the administrator confirms it by SMS code; a wrong code binds nothing', async () => {
  const renewed = keys.issued('JSCA-RSA-0001-NEW');
  const loginWithRenewed = () => call('auth.loginWithKey', { fingerprint: renewed.certSha256, pin: renewed.userPin });
  const pending = await loginWithRenewed();
  expect(pending).toMatchObject({ ok: false, error: { code: 'RENEWAL_NEEDS_CONFIRMATION', issues: [{ path: 'renewal', params: { mobile: '138****5678' } }] } });
  const { confirmationId } = (pending as unknown as { error: { issues: [{ params: { confirmationId: string } }] } }).error.issues[0].params;
  const code = /(\d{6})/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;

  const wrong = code === '000000' ? '111111' : '000000';
  expect(await call('auth.confirmRenewal', { confirmationId, code: wrong })).toMatchObject({ ok: false, error: { code: 'RENEWAL_CODE_INVALID' } });
  expect(await call('auth.session')).toEqual({ ok: true, value: null });
  expect(await call('auth.confirmRenewal', { confirmationId, code })).toMatchObject({ ok: true, value: { role: 'admin', uscc: renewed.uscc, via: 'ca-key' } });
  // Bound now: the next login with the renewed key needs no code, and the code cannot be used again.
  await call('auth.logout');
  expect(await loginWithRenewed()).toMatchObject({ ok: true, value: { role: 'admin', uscc: renewed.uscc, via: 'ca-key' } });
  expect(await call('auth.confirmRenewal', { confirmationId, code })).toMatchObject({ ok: false, error: { code: 'RENEWAL_CODE_INVALID' } });
}, 60_000);
