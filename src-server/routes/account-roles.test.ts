import { afterAll, beforeAll, expect, it } from 'vitest';
import { serviceItemSchema } from '@shared/contract/http/route';
import { pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { lastSms, login, STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { webEidToken, type TestSigner } from '../../tests/fixtures/server/pki';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describeEachDatabase('roles, deactivation and certificate bindings (issue 13)', (engine) => {
  let h: Harness;
  let e: PkiEnterprise;
  let other: PkiEnterprise;
  let superToken: string;
  let adminToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness(engine);
    e = await h.scene.enterprise(await pkiKey(h.pki));
    other = await h.scene.enterprise(await pkiKey(h.pki));
    superToken = (await h.scene.signIn(e.uscc, 'super', e.superPassword)).token;
    const admin = await e.admin();
    adminToken = admin.token;
    ids.admin = admin.accountId;
    const accounts = (await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}/accounts`, token: superToken })).json() as { accounts: { id: string; username: string }[] };
    ids.super = accounts.accounts.find((a) => a.username === 'super')!.id;
    ids.otherAdmin = (await other.admin()).accountId;
  });
  afterAll(() => h?.close());

  const url = (path: string, enterpriseId = e.enterpriseId) => `/api/enterprises/${enterpriseId}${path}`;
  const setStatus = (token: string, accountId: string, status: string) => h.call({ method: 'PUT', url: url(`/accounts/${accountId}/status`), token, payload: { status } });
  const grant = (token: string, accountId: string, permissions: string[]) => h.call({ method: 'PUT', url: url(`/accounts/${accountId}/permissions`), token, payload: { permissions } });
  const remove = (token: string, accountId: string) => h.call({ method: 'DELETE', url: url(`/accounts/${accountId}`), token });
  const readEnterprise = (token: string) => h.call({ method: 'GET', url: url(''), token });
  async function caLogin(signer: TestSigner, account?: { username: string; password?: string }) {
    const { nonce } = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json() as { nonce: string };
    const token = await webEidToken(signer, TEST_ORIGIN, nonce);
    return h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token, ...(account ? { account } : {}) } });
  }
  async function bindKey(token: string, accountId: string, signer: TestSigner) {
    const { nonce } = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json() as { nonce: string };
    return h.call({ method: 'POST', url: url(`/accounts/${accountId}/certificates`), token, payload: { nonce, token: await webEidToken(signer, TEST_ORIGIN, nonce) } });
  }

  it('lets super create an administrator who adds a handler and grants it every item of the contract', async () => {
    const admin2 = await h.call({ method: 'POST', url: url('/accounts'), token: superToken, payload: { username: 'admin2', role: 'admin', displayName: '赵六', mobile: '13700000011' } });
    expect(admin2.json()).toMatchObject({ role: 'admin', status: 'active' });
    const initial = /初始密码\(([^)]+)\)/.exec(await lastSms(h, '13700000011'))![1]!;
    const admin2Session = await h.scene.signIn(e.uscc, 'admin2', initial);
    ids.admin2 = admin2Session.accountId;
    const handler = await h.call({ method: 'POST', url: url('/accounts'), token: admin2Session.token, payload: { username: 'clerk', role: 'handler', displayName: '钱七', mobile: '13700000012' } });
    ids.clerk = (handler.json() as { id: string }).id;
    // An admin does not create admins.
    const byAdmin = await h.call({ method: 'POST', url: url('/accounts'), token: admin2Session.token, payload: { username: 'admin3', role: 'admin', displayName: 'x', mobile: '13700000013' } });
    expect(codeOf(byAdmin)).toBe('FORBIDDEN');
    for (const item of serviceItemSchema.options) {
      expect((await grant(admin2Session.token, ids.clerk, [item])).json()).toMatchObject({ permissions: [item] });
    }
    expect((await grant(adminToken, ids.clerk, [...serviceItemSchema.options])).json()).toMatchObject({ permissions: [...serviceItemSchema.options].sort() });
    expect((await grant(superToken, ids.clerk, [])).json()).toMatchObject({ permissions: [] });
    // super and admin hold every item: nothing to grant them.
    expect(codeOf(await grant(superToken, ids.admin2, ['subsidy']))).toBe('PERMISSIONS_NOT_GRANTABLE');
  });

  it('stops an admin at super, at other admins, at itself, and at another enterprise\u2019s accounts by id', async () => {
    for (const target of [ids.super!, ids.admin2!]) {
      expect(codeOf(await setStatus(adminToken, target, 'deactivated'))).toBe('ACCOUNT_ABOVE_YOU');
      expect(codeOf(await grant(adminToken, target, ['subsidy']))).toBe('ACCOUNT_ABOVE_YOU');
      expect(codeOf(await remove(adminToken, target))).toBe('ACCOUNT_ABOVE_YOU');
      expect(codeOf(await h.call({ method: 'GET', url: url(`/accounts/${target}/certificates`), token: adminToken }))).toBe('ACCOUNT_ABOVE_YOU');
    }
    expect(codeOf(await setStatus(adminToken, ids.admin!, 'deactivated'))).toBe('ACCOUNT_SELF');
    expect(codeOf(await setStatus(superToken, ids.super!, 'deactivated'))).toBe('ACCOUNT_SELF');
    expect(codeOf(await remove(superToken, ids.super!))).toBe('ACCOUNT_SELF');
    // Another enterprise's admin, through our enterprise's path or its own: not found either way.
    expect([(await setStatus(adminToken, ids.otherAdmin!, 'deactivated')).statusCode, codeOf(await grant(adminToken, ids.otherAdmin!, []))]).toEqual([404, 'NOT_FOUND']);
    const foreignPath = await h.call({ method: 'PUT', url: url(`/accounts/${ids.otherAdmin}/status`, other.enterpriseId), token: adminToken, payload: { status: 'deactivated' } });
    expect(codeOf(foreignPath)).toBe('NOT_FOUND');
    const otherAccounts = await h.call({ method: 'GET', url: url('/accounts', other.enterpriseId), token: adminToken });
    expect(codeOf(otherAccounts)).toBe('NOT_FOUND');
  });

  it('ends a deactivated handler\u2019s sessions at once and refuses its logins, until reactivated', async () => {
    const clerk = await h.scene.signIn(e.uscc, 'clerk', /初始密码\(([^)]+)\)/.exec(await lastSms(h, '13700000012'))![1]!);
    expect((await readEnterprise(clerk.token)).statusCode).toBe(200);
    // A handler manages nobody.
    expect(codeOf(await setStatus(clerk.token, ids.admin!, 'deactivated'))).toBe('FORBIDDEN');
    expect((await setStatus(adminToken, ids.clerk!, 'deactivated')).json()).toEqual({ id: ids.clerk, status: 'deactivated' });
    const refused = await readEnterprise(clerk.token);
    expect([refused.statusCode, codeOf(refused)]).toEqual([403, 'ACCOUNT_DEACTIVATED']);
    expect(codeOf(await login(h, e.uscc, 'clerk', STRONG_PASSWORD))).toBe('ACCOUNT_DEACTIVATED');
    expect(codeOf(await caLogin(e.signer, { username: 'clerk', password: STRONG_PASSWORD }))).toBe('ACCOUNT_DEACTIVATED');
    expect(codeOf(await setStatus(adminToken, ids.clerk!, 'deactivated'))).toBe('ACCOUNT_STATUS_CONFLICT');
    const listed = (await h.call({ method: 'GET', url: url('/accounts'), token: adminToken })).json() as { accounts: { username: string; status: string }[] };
    expect(listed.accounts.find((a) => a.username === 'clerk')).toMatchObject({ status: 'deactivated' });

    expect((await setStatus(adminToken, ids.clerk!, 'active')).statusCode).toBe(200);
    // The sessions it had stay ended; a new login works.
    expect(codeOf(await readEnterprise(clerk.token))).toBe('SESSION_EXPIRED');
    expect((await login(h, e.uscc, 'clerk', STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it('lands a CA login on the account the key is bound to; the company key asks a handler\u2019s password once', async () => {
    expect((await caLogin(e.signer)).json()).toMatchObject({ account: { username: 'admin' } });
    // Named but not bound: the password is asked for, whether the account exists or not.
    expect(codeOf(await caLogin(e.signer, { username: 'clerk' }))).toBe('CA_ACCOUNT_PASSWORD_REQUIRED');
    expect(codeOf(await caLogin(e.signer, { username: 'nobody' }))).toBe('CA_ACCOUNT_PASSWORD_REQUIRED');
    expect(codeOf(await caLogin(e.signer, { username: 'clerk', password: 'Wrong#Password-1' }))).toBe('LOGIN_FAILED');
    expect(codeOf(await caLogin(e.signer, { username: 'nobody', password: 'Wrong#Password-1' }))).toBe('LOGIN_FAILED');
    const first = await caLogin(e.signer, { username: 'clerk', password: STRONG_PASSWORD });
    expect(first.json()).toMatchObject({ account: { username: 'clerk', role: 'handler' } });
    // Once: bound now, the password is no longer needed, and the key still serves admin by name.
    expect((await caLogin(e.signer, { username: 'clerk' })).json()).toMatchObject({ account: { username: 'clerk' } });
    expect((await caLogin(e.signer, { username: 'admin' })).json()).toMatchObject({ account: { username: 'admin' } });
    // Unnamed, a key serving several accounts does not guess.
    expect(codeOf(await caLogin(e.signer))).toBe('CA_ACCOUNT_CHOICE_REQUIRED');
    const bind = await h.app.services.db.selectFrom('audit_log').selectAll().where('action', '=', 'certificate.bind').where('actor_id', '=', ids.clerk!).executeTakeFirstOrThrow();
    expect(JSON.parse(bind.after_json!)).toMatchObject({ account_id: ids.clerk, how: 'ca-login-password' });
    // Another enterprise's key cannot be bound to one of our accounts by password.
    expect(codeOf(await caLogin(other.signer, { username: 'clerk', password: STRONG_PASSWORD }))).toBe('LOGIN_FAILED');
  });

  it('lets an account bind a key it proves it holds, and unbind it; admin binds for a handler, not for super', async () => {
    // A key of the handler's own (another subject, not a renewal of the company key).
    const own = await h.pki.issue({ uscc: e.uscc, name: `${e.name}经办人钱七`, newKey: true, notAfter: new Date(Date.now() + 30 * DAY) });
    const clerk = await h.scene.signIn(e.uscc, 'clerk', STRONG_PASSWORD);
    expect(codeOf(await caLogin(own))).toBe('CA_CERT_NOT_BOUND');
    const bound = await bindKey(clerk.token, ids.clerk!, own);
    expect(bound.statusCode, bound.body).toBe(200);
    const { fingerprint } = bound.json() as { fingerprint: string };
    expect((await caLogin(own)).json()).toMatchObject({ account: { username: 'clerk' } });
    expect(codeOf(await bindKey(clerk.token, ids.clerk!, own))).toBe('CERT_ALREADY_BOUND');
    // A handler may not bind for someone else; an admin may for a handler, not for super.
    expect(codeOf(await bindKey(clerk.token, ids.admin!, own))).toBe('ACCOUNT_ABOVE_YOU');
    expect(codeOf(await bindKey(adminToken, ids.super!, own))).toBe('ACCOUNT_ABOVE_YOU');
    const foreignKey = await h.pki.issue({ uscc: other.uscc, name: other.name, newKey: true });
    expect(codeOf(await bindKey(adminToken, ids.clerk!, foreignKey))).toBe('CERT_NOT_ENTERPRISE');
    const list = await h.call({ method: 'GET', url: url(`/accounts/${ids.clerk}/certificates`), token: adminToken });
    expect((list.json() as { certificates: { fingerprint: string }[] }).certificates.map((c) => c.fingerprint)).toContain(fingerprint);
    const unbound = await h.call({ method: 'DELETE', url: url(`/accounts/${ids.clerk}/certificates/${fingerprint}`), token: clerk.token });
    expect(unbound.statusCode).toBe(200);
    expect(codeOf(await caLogin(own))).toBe('CA_CERT_NOT_BOUND');
  });

  it('binds a renewed company key, once the administrator confirms it, to each account the old one served', async () => {
    const renewed = await h.pki.issue({
      uscc: e.uscc,
      name: e.name,
      newKey: true,
      notBefore: new Date(e.signer.certificate.notBefore.getTime() + HOUR),
      notAfter: new Date(e.signer.certificate.notAfter.getTime() + 365 * DAY),
    });
    const asked = await caLogin(renewed, { username: 'clerk' });
    expect(codeOf(asked)).toBe('RENEWAL_NEEDS_CONFIRMATION');
    const { confirmationId } = (asked.json() as { error: { issues: { params: { confirmationId: string } }[] } }).error.issues[0]!.params;
    const code = /验证码(\d{6})/.exec(await lastSms(h))![1]!;
    const confirmed = await h.call({ method: 'POST', url: `/api/auth/ca/renewals/${confirmationId}/confirm`, payload: { code } });
    expect(confirmed.json()).toMatchObject({ account: { username: 'clerk' } });
    expect((await caLogin(renewed, { username: 'admin' })).json()).toMatchObject({ account: { username: 'admin' } });
  });

  it('lets super remove an administrator: its sessions and logins end, the history keeps it', async () => {
    const admin2 = await h.scene.signIn(e.uscc, 'admin2', STRONG_PASSWORD);
    expect((await remove(superToken, ids.admin2!)).statusCode).toBe(200);
    expect(codeOf(await readEnterprise(admin2.token))).toBe('SESSION_EXPIRED');
    expect(codeOf(await login(h, e.uscc, 'admin2', STRONG_PASSWORD))).toBe('LOGIN_FAILED');
    expect(codeOf(await setStatus(superToken, ids.admin2!, 'active'))).toBe('NOT_FOUND');
    const listed = (await h.call({ method: 'GET', url: url('/accounts'), token: superToken })).json() as { accounts: { username: string }[] };
    expect(listed.accounts.map((a) => a.username)).not.toContain('admin2');
  });

  it('shows super and admin who did what to which account, newest first and paged; not handlers', async () => {
    const page = await h.call({ method: 'GET', url: url('/account-history?page=1&pageSize=50'), token: adminToken });
    const { entries, total } = page.json() as { entries: { action: string; actor: { username: string | null }; account: { username: string } | null; before: unknown; after: unknown }[]; total: number };
    expect(entries.find((x) => x.action === 'account.remove')).toMatchObject({ actor: { username: 'super' }, account: { username: 'admin2' }, after: { status: 'removed' } });
    expect(entries.find((x) => x.action === 'account.status')).toMatchObject({ actor: { username: 'admin' }, account: { username: 'clerk' } });
    expect(entries.find((x) => x.action === 'account.permissions' && x.actor.username === 'super')).toMatchObject({ before: { permissions: [...serviceItemSchema.options].sort() }, after: { permissions: [] } });
    expect(entries.some((x) => x.action === 'certificate.unbind')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/password_hash|scrypt|1370000/);
    const small = (await h.call({ method: 'GET', url: url('/account-history?page=2&pageSize=3'), token: superToken })).json() as { entries: unknown[]; total: number };
    expect([small.entries.length, small.total]).toEqual([3, total]);
    const clerk = await h.scene.signIn(e.uscc, 'clerk', STRONG_PASSWORD);
    expect(codeOf(await h.call({ method: 'GET', url: url('/account-history'), token: clerk.token }))).toBe('FORBIDDEN');
  });
});
