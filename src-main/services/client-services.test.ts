import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationForm } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';
import { uploadThroughClient } from '../../tests/fixtures/client-uploads';

// The services behind window.tongban against the real portal (SQLite) and SoftHSM keys, without a UI.
let keys: TokenSandbox;
let portal: Portal;
let tokens: TokenClient;
let store: LocalStore;
let services: ClientServices;
let dir: string;
const ADMIN_MOBILE = '13912345678';

beforeAll(async () => {
  keys = await createTokenSandbox({ only: ['JSCA-RSA-0001', 'SZCA-EC-0004'] });
  portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
  const t = keys.issued('JSCA-RSA-0001');
  await portal.importRegistry([{ uscc: t.uscc!, name: t.enterpriseName, legalRepresentative: '张伟', address: '江苏省苏州市工业园区星湖街328号' }]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-services-'));
  store = new LocalStore(path.join(dir, 'client.db'));
  tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
  services = new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]) });
}, 60_000);
afterAll(async () => {
  await tokens?.stop();
  store?.close();
  await portal?.close();
  await keys?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function call<T = unknown>(method: string, input: unknown = {}): Promise<Result<T>> {
  return (await services.dispatch(method, input)) as Result<T>;
}
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A one-page PDF, different each time (the server stores files by content). */
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`).toString('base64');

function formFor(label: string): RegistrationForm {
  const t = keys.issued(label);
  return {
    caProfile: t.profile,
    enterprise: { uscc: t.uscc!, name: t.enterpriseName, address: '江苏省苏州市工业园区星湖街328号', legalRepresentative: '张伟' },
    administrator: { name: '王喆', idNumber: '11010519491231002X', mobile: ADMIN_MOBILE },
  };
}

async function uploadAll() {
  const refs = [];
  for (const requirement of ['businessLicence', 'adminIdFront', 'adminIdBack', 'adminFilingSheet', 'registrationTable', 'agreement']) {
    refs.push(value(await uploadThroughClient((m, i) => services.dispatch(m, i), { purpose: 'registration', requirement, fileName: `${requirement}.pdf`, bytes: Buffer.from(pdf(), 'base64') })));
  }
  return refs;
}

describe('client services against the portal', () => {
  it('refuses unknown methods and invalid input before any service runs', async () => {
    expect(await call('tokens.steal')).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    // Every broken rule comes back by its contract path, not just the first.
    const login = await call('auth.login', { enterprise: 1 });
    expect(login).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', retriable: false } });
    const paths = !login.ok ? (login.error.issues ?? []).map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['enterprise', 'username', 'password']));
  });

  it('gets a captcha image from the server', async () => {
    const c = value(await call<{ image: string }>('auth.captcha'));
    expect(c.image).toMatch(/^data:image\/png;base64,/);
  });

  let usernames: string[] = [];
  it('registers an enterprise with the Jiangsu CA key: signed submission, SMS code, confirmation', async () => {
    const t = keys.issued('JSCA-RSA-0001');
    const progress: unknown[] = [];
    const off = services.subscribe((event, payload) => event === 'upload.progress' && progress.push(payload));
    const attachments = await uploadAll();
    off();
    expect(progress.length).toBeGreaterThan(0);
    const submitted = value(
      await call<{ registrationId: string; mobile: string }>('registration.submit', {
        fingerprint: t.certSha256,
        pin: t.userPin,
        form: formFor('JSCA-RSA-0001'),
        attachments: attachments.map((a, i) => ({ ...a, fileName: `${i}.pdf` })),
        idempotencyKey: randomUUID(),
      }),
    );
    expect(submitted.mobile).toBe('139****5678');
    const code = /(\d{6})/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;
    expect(await call('registration.confirm', { registrationId: submitted.registrationId, code: code === '000000' ? '111111' : '000000' })).toMatchObject({ ok: false });
    const done = value(await call<{ usernames: string[]; name: string }>('registration.confirm', { registrationId: submitted.registrationId, code }));
    expect(done.name).toBe(t.enterpriseName);
    usernames = done.usernames;
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'super']));
  });

  it('refuses to register the same enterprise again, with its stable code', async () => {
    const t = keys.issued('JSCA-RSA-0001');
    const r = await call('registration.submit', { fingerprint: t.certSha256, pin: t.userPin, form: formFor('JSCA-RSA-0001'), attachments: (await uploadAll()).map((a) => ({ ...a, fileName: 'x.pdf' })), idempotencyKey: randomUUID() });
    expect(r).toMatchObject({ ok: false, error: { code: 'ENTERPRISE_ALREADY_REGISTERED' } });
  });

  it('refuses an enterprise the registry does not know', async () => {
    const t = keys.issued('SZCA-EC-0004');
    const r = await call('registration.submit', { fingerprint: t.certSha256, pin: t.userPin, form: formFor('SZCA-EC-0004'), attachments: (await uploadAll()).map((a) => ({ ...a, fileName: 'x.pdf' })), idempotencyKey: randomUUID() });
    expect(r).toMatchObject({ ok: false, error: { code: 'REGISTRY_NO_MATCH' } });
  });

  it('signs in with password and captcha, must change the initial password, then can', async () => {
    const t = keys.issued('JSCA-RSA-0001');
    const sms = await portal.lastSms(ADMIN_MOBILE);
    const initial = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(sms)![1]!;
    const captcha = value(await call<{ captchaId: string }>('auth.captcha'));
    const wrong = await call('auth.login', { enterprise: t.uscc, username: 'admin', password: initial, captchaId: captcha.captchaId, captchaAnswer: 'zzzz' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CAPTCHA_INVALID' } });
    // A refused sign-in is not remembered.
    expect(value(await call('rememberedSignIn.get'))).toBeNull();
    const c2 = value(await call<{ captchaId: string }>('auth.captcha'));
    const session = value(await call<{ mustChangePassword: boolean; username: string }>('auth.login', { enterprise: t.enterpriseName, username: 'admin', password: initial, captchaId: c2.captchaId, captchaAnswer: await portal.captchaAnswer(c2.captchaId) }));
    // The forced password change's header names the company (issue 21 item 15).
    expect(session).toMatchObject({ mustChangePassword: true, username: 'admin', enterpriseName: t.enterpriseName, uscc: t.uscc });
    // This PC remembers the enterprise and username as typed, never the password.
    expect(value(await call('rememberedSignIn.get'))).toStrictEqual({ enterprise: t.enterpriseName, username: 'admin' });
    const changed = value(await call<{ mustChangePassword: boolean; enterpriseName: string; uscc: string }>('auth.changePassword', { currentPassword: initial, newPassword: 'Tongban#2026-ok' }));
    expect(changed).toMatchObject({ mustChangePassword: false, enterpriseName: t.enterpriseName, uscc: t.uscc });
    expect(value(await call('auth.logout'))).toEqual({ loggedOut: true });
    expect(value(await call('auth.session'))).toBeNull();
    expect(value(await call('rememberedSignIn.get'))).toStrictEqual({ enterprise: t.enterpriseName, username: 'admin' });
    expect(value(await call('rememberedSignIn.forget'))).toEqual({ forgotten: true });
    expect(value(await call('rememberedSignIn.get'))).toBeNull();
  });

  it('signs in with the CA key bound at registration (Web eID over the server origin)', async () => {
    const t = keys.issued('JSCA-RSA-0001');
    const session = value(await call<{ via: string; enterpriseName: string }>('auth.loginWithKey', { fingerprint: t.certSha256, pin: t.userPin }));
    expect(session).toMatchObject({ via: 'ca-key', enterpriseName: t.enterpriseName });
    expect(await call('auth.loginWithKey', { fingerprint: t.certSha256, pin: '00000000' })).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
  });

  it('keeps drafts in the local store', async () => {
    value(await call('drafts.save', { key: 'registration', data: { step: 2 } }));
    expect(value(await call<{ data: unknown }>('drafts.load', { key: 'registration' }))?.data).toEqual({ step: 2 });
  });

  it('answers SERVER_UNREACHABLE (retriable) when the server is gone, and keeps working after', async () => {
    const settings = value(await call<{ serverUrl: string }>('settings.get'));
    value(await call('settings.update', { serverUrl: 'http://127.0.0.1:9' }));
    expect(await call('auth.captcha')).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE', retriable: true } });
    value(await call('settings.update', { serverUrl: settings.serverUrl }));
    expect((await call('auth.captcha')).ok).toBe(true);
  });
});

describe('settings', () => {
  it('adds a driver only through main\'s picker and the driver rules; the keys appear without a restart', async () => {
    const dir2 = await mkdtemp(path.join(os.tmpdir(), 'tongban-settings-'));
    const store2 = new LocalStore(path.join(dir2, 'client.db'));
    const planted = path.join(dir2, 'evil-pkcs11.so');
    await writeFile(planted, 'ELF', { mode: 0o755 });
    let picked: string | null = planted;
    // No TONGBAN_PKCS11_MODULES: only the settings can bring SoftHSM in.
    const tokens2 = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: '', TONGBAN_TOKEN_LOG: 'silent' } });
    const s2 = new ClientServices({ shell: 'electron', store: store2, tokens: tokens2, defaultServerUrl: portal.url, seed: { language: 'en' }, printRegistrationForms: async () => new Uint8Array(), pickDriver: async () => picked });
    try {
      const before = (await s2.dispatch('tokens.list', {})) as Result<unknown[]>;
      expect(before.ok && before.value).toEqual([]);
      // The renderer cannot name native code.
      expect(await s2.dispatch('settings.update', { pkcs11Modules: [keys.modulePath] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
      expect(await s2.dispatch('settings.addDriver', {})).toMatchObject({ ok: false, error: { code: 'DRIVER_NOT_ALLOWED' } });
      picked = path.join(dir2, 'missing.so');
      expect(await s2.dispatch('settings.addDriver', {})).toMatchObject({ ok: false, error: { code: 'DRIVER_NOT_FOUND' } });
      picked = null; // the clerk cancelled the dialog
      expect(value((await s2.dispatch('settings.addDriver', {})) as Result<{ pkcs11Modules: string[] }>).pkcs11Modules).toEqual([]);
      picked = keys.modulePath;
      const updated = value((await s2.dispatch('settings.addDriver', {})) as Result<{ pkcs11Modules: string[]; language: string }>);
      expect(updated).toMatchObject({ pkcs11Modules: [keys.modulePath], language: 'en' });
      const after = (await s2.dispatch('tokens.list', {})) as Result<Array<{ tokenLabel: string }>>;
      expect(after.ok && after.value.map((c) => c.tokenLabel).sort()).toEqual(['JSCA-RSA-0001', 'SZCA-EC-0004']);
      expect(value((await s2.dispatch('settings.removeDriver', { path: keys.modulePath })) as Result<{ pkcs11Modules: string[] }>).pkcs11Modules).toEqual([]);
    } finally {
      await tokens2.stop();
      store2.close();
      await rm(dir2, { recursive: true, force: true });
    }
  });

  it('has no driver picker in browser mode: the host\'s configuration brings drivers', async () => {
    expect(await services.dispatch('settings.addDriver', {})).toMatchObject({ ok: false, error: { code: 'DRIVER_PICKER_UNAVAILABLE' } });
  });

  it('takes https or loopback server URLs only, and sends nothing to an http one an older version stored', async () => {
    const refused = await services.dispatch('settings.update', { serverUrl: 'http://portal.example' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', issues: [{ path: 'serverUrl', code: 'SERVER_URL_NOT_HTTPS' }] } });
    const check = value((await services.dispatch('app.checkServer', {})) as Result<{ reachable: boolean; allowed: boolean; version?: string }>);
    expect(check).toMatchObject({ allowed: true, reachable: true, version: expect.any(String) });

    const dir2 = await mkdtemp(path.join(os.tmpdir(), 'tongban-settings-'));
    const store2 = new LocalStore(path.join(dir2, 'client.db'));
    store2.setSetting('serverUrl', 'http://portal.example');
    const s2 = new ClientServices({ shell: 'browser', store: store2, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array() });
    try {
      expect(await s2.dispatch('auth.captcha', {})).toMatchObject({ ok: false, error: { code: 'SERVER_URL_NOT_HTTPS' } });
      expect(value(await s2.dispatch('app.checkServer', {}))).toEqual({ serverUrl: 'http://portal.example', allowed: false, reachable: false, error: 'SERVER_URL_NOT_HTTPS' });
      expect(value((await s2.dispatch('app.checkServer', {})) as Result<unknown>)).toMatchObject({ reachable: false });
      value(await s2.dispatch('settings.update', { serverUrl: 'http://127.0.0.1:9' }));
      expect(value(await s2.dispatch('app.checkServer', {}))).toMatchObject({ allowed: true, reachable: false, error: 'SERVER_UNREACHABLE' });
    } finally {
      s2.detach();
      store2.close();
      await rm(dir2, { recursive: true, force: true });
    }
  });
});
