import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseAccount, RegistrationForm } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { activatedSession, STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import type { Harness } from '../../tests/fixtures/server/harness';
import { handlerSession } from '../../tests/fixtures/server/subsidy';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';

// accounts.* behind window.tongban against the real portal (SQLite) and a SoftHSM key: the enterprise of
// JSCA-RSA-0001 registers with its key, its admin lists the accounts, creates a handler with the subsidy
// permission (initial password by SMS), revokes it; a handler may do none of this.
let keys: TokenSandbox;
let portal: Portal;
let tokens: TokenClient;
let dir: string;
const stores: LocalStore[] = [];
const ADMIN_MOBILE = '13912340001';

let h: Harness;
let enterprise: { enterpriseId: string; uscc: string };

function services(): ClientServices {
  const store = new LocalStore(path.join(dir, `client-${stores.length}.db`));
  stores.push(store);
  return new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]) });
}
async function call<T = unknown>(s: ClientServices, method: string, input: unknown = {}): Promise<Result<T>> {
  return (await s.dispatch(method, input)) as Result<T>;
}
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`).toString('base64');

async function signIn(s: ClientServices, username: string) {
  const c = value(await call<{ captchaId: string }>(s, 'auth.captcha'));
  value(await call(s, 'auth.login', { enterprise: enterprise.uscc, username, password: STRONG_PASSWORD, captchaId: c.captchaId, captchaAnswer: await portal.captchaAnswer(c.captchaId) }));
}

let admin: ClientServices;
let handler: ClientServices;

beforeAll(async () => {
  keys = await createTokenSandbox({ only: ['JSCA-RSA-0001'] });
  portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
  const inject: Harness['call'] = ({ token, headers, ...rest }) => portal.app.inject({ ...rest, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  h = { app: portal.app, clock: { now: () => new Date(), advance: () => undefined }, call: inject } as unknown as Harness;
  const t = keys.issued('JSCA-RSA-0001');
  await portal.importRegistry([{ uscc: t.uscc!, name: t.enterpriseName, legalRepresentative: '张伟', address: '江苏省苏州市工业园区星湖街328号' }]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-account-services-'));
  tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });

  const registrar = services();
  const refs = [];
  for (const requirement of ['businessLicence', 'adminIdFront', 'adminIdBack', 'adminFilingSheet', 'registrationTable', 'agreement']) {
    refs.push(value(await call<object>(registrar, 'registration.upload', { requirement, fileName: `${requirement}.pdf`, content: pdf(), uploadId: requirement })));
  }
  const form: RegistrationForm = {
    caProfile: t.profile,
    enterprise: { uscc: t.uscc!, name: t.enterpriseName, address: '江苏省苏州市工业园区星湖街328号', legalRepresentative: '张伟' },
    administrator: { name: '王喆', idNumber: '11010519491231002X', mobile: ADMIN_MOBILE },
  };
  const submitted = value(await call<{ registrationId: string }>(registrar, 'registration.submit', { fingerprint: t.certSha256, pin: t.userPin, form, attachments: refs, idempotencyKey: randomUUID() }));
  const code = /(\d{6})/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;
  const done = value(await call<{ enterpriseId: string; uscc: string }>(registrar, 'registration.confirm', { registrationId: submitted.registrationId, code }));
  enterprise = { enterpriseId: done.enterpriseId, uscc: done.uscc };
  const initial = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;
  const adminSession = await activatedSession(h, enterprise.uscc, 'admin', initial);
  await handlerSession(h, { ...enterprise } as Parameters<typeof handlerSession>[1], adminSession.token, 'plain', '13900003333', []);
  admin = services();
  handler = services();
  await signIn(admin, 'admin');
  await signIn(handler, 'plain');
}, 120_000);

afterAll(async () => {
  await tokens?.stop();
  for (const s of stores) s.close();
  await portal?.close();
  await keys?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('accounts and permissions through the client services', () => {
  it('lets the admin list the accounts, create a handler with the subsidy permission and revoke it', async () => {
    const before = value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list'));
    expect(before.accounts.map((a) => [a.username, a.role])).toEqual(expect.arrayContaining([['admin', 'admin'], ['plain', 'handler']]));
    for (const a of before.accounts) if (a.mobile) expect(a.mobile).toMatch(/\*{4}/);

    const created = value(await call<EnterpriseAccount>(admin, 'accounts.create', { username: 'clerk2', role: 'handler', displayName: '李四', mobile: '139 0000 4444', permissions: ['subsidy'] }));
    expect(created).toMatchObject({ username: 'clerk2', role: 'handler', displayName: '李四', permissions: ['subsidy'] });
    expect(created.mobile).not.toContain('13900004444');
    expect(await portal.lastSms('13900004444')).toMatch(/初始密码/);
    expect(value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list')).accounts.find((a) => a.id === created.id)).toMatchObject({ permissions: ['subsidy'] });

    const revoked = value(await call<EnterpriseAccount>(admin, 'accounts.setPermissions', { accountId: created.id, permissions: [] }));
    expect(revoked).toMatchObject({ id: created.id, permissions: [] });
    expect(value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list')).accounts.find((a) => a.id === created.id)).toMatchObject({ permissions: [] });
    const granted = value(await call<EnterpriseAccount>(admin, 'accounts.setPermissions', { accountId: created.id, permissions: ['subsidy'] }));
    expect(granted.permissions).toEqual(['subsidy']);
  });

  it('refuses an admin creating an admin, and malformed input before anything is sent', async () => {
    expect(await call(admin, 'accounts.create', { username: 'boss2', role: 'admin', displayName: '赵', mobile: '13900005555', permissions: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(admin, 'accounts.create', { username: 'x', role: 'handler', displayName: '赵', mobile: '123', permissions: [] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await call(admin, 'accounts.setPermissions', { accountId: 'nope', permissions: ['subsidy'] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await call(admin, 'accounts.setPermissions', { accountId: randomUUID(), permissions: ['bogus'] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('refuses a handler and a client that is not signed in', async () => {
    const list = value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list'));
    const plain = list.accounts.find((a) => a.username === 'plain')!;
    const denied = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await call(handler, 'accounts.list')).toMatchObject(denied);
    expect(await call(handler, 'accounts.create', { username: 'sneaky', role: 'handler', displayName: '钱', mobile: '13900006666', permissions: ['subsidy'] })).toMatchObject(denied);
    expect(await call(handler, 'accounts.setPermissions', { accountId: plain.id, permissions: ['subsidy'] })).toMatchObject(denied);
    expect(value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list')).accounts.find((a) => a.id === plain.id)!.permissions).toEqual([]);
    expect(await call(services(), 'accounts.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});
