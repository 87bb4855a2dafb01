import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { pkiKey, STRONG_PASSWORD, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { login, staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { decodeMime, startSmtp } from '../../tests/fixtures/server/smtp';
import type {} from '../db/schema-recovery';
import { runHousekeeping } from '../domain/housekeeping';
import { RECOVERY_STARTS_PER_HOUR } from './recovery';

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const NEW_PASSWORD = 'Recovered#Pass-2026';
let mobiles = 0;
const newMobile = () => `139${String(process.pid % 1000).padStart(3, '0')}${String(++mobiles).padStart(5, '0')}`;
let addresses = 0;
/** Each test its own caller address: the per-address limit is tested on its own. */
const newAddress = () => `10.13.${Math.floor(++addresses / 250)}.${addresses % 250}`;

describeEachDatabase('password recovery and own contacts', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let e: PkiEnterprise;
  let superToken: string;
  let superMobile: string;
  /** A second enterprise whose super has bound nothing yet, with a handler. */
  let other: PkiEnterprise;
  let otherAdminMobile: string;
  let handler: { mobile: string };

  const smsTo = async (mobile: string) =>
    (await h.app.services.db.selectFrom('sms_outbox').select(['text', 'created_at']).where('mobile', '=', mobile).orderBy('created_at').execute()).map((r) => r.text);
  /** The code of the next SMS to `mobile` after `before` texts (sends leave after the answer: wait for it). */
  const nextCode = async (mobile: string, before: number) =>
    vi.waitFor(async () => {
      const texts = await smsTo(mobile);
      expect(texts.length).toBeGreaterThan(before);
      return /验证码 (\d{6})/.exec(texts.at(-1)!)![1]!;
    });
  const call = (method: 'GET' | 'POST', url: string, payload?: object, token?: string, remoteAddress = '10.99.0.1') =>
    h.call({ method, url, ...(payload ? { payload } : {}), ...(token ? { token } : {}), remoteAddress });
  const start = (body: object, ip = newAddress()) => call('POST', '/api/auth/recovery', body, undefined, ip);

  async function bindMobile(token: string, mobile: string) {
    const before = (await smsTo(mobile)).length;
    const started = await call('POST', '/api/account/contacts', { channel: 'sms', destination: mobile }, token, newAddress());
    expect(started.statusCode, started.body).toBe(200);
    const { challengeId } = started.json() as { challengeId: string };
    const code = await nextCode(mobile, before);
    const done = await call('POST', `/api/account/contacts/${challengeId}/confirm`, { code }, token);
    expect(done.statusCode, done.body).toBe(200);
    return done.json() as { mobile: string };
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    h = await createHarness(engine, { config: { smtpUrl: smtp.url, mailFrom: 'Tongban <noreply@tongban.test>' } });
    e = await h.scene.enterprise(await pkiKey(h.pki));
    superToken = (await h.scene.signIn(e.uscc, 'super', e.superPassword)).token;
    e.superPassword = STRONG_PASSWORD;
    superMobile = newMobile();
    otherAdminMobile = newMobile();
    other = await h.scene.enterprise(await pkiKey(h.pki), { adminMobile: otherAdminMobile });
    handler = await other.handlerAccount('clerk', { permissions: ['subsidy'], mobile: newMobile() });
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('lets super bind its mobile with a code sent to it; a wrong or reused code binds nothing', async () => {
    const profile = await call('GET', '/api/account/profile', undefined, superToken);
    expect(profile.json()).toMatchObject({ username: 'super', role: 'super', mobile: null, mayBindMobile: true });
    const started = await call('POST', '/api/account/contacts', { channel: 'sms', destination: `+86 ${superMobile}` }, superToken);
    expect(started.json()).toMatchObject({ channel: 'sms', destination: `${superMobile.slice(0, 3)}****${superMobile.slice(7)}` });
    const { challengeId } = started.json() as { challengeId: string };
    const code = await nextCode(superMobile, 0);
    const wrong = await call('POST', `/api/account/contacts/${challengeId}/confirm`, { code: code === '000000' ? '000001' : '000000' }, superToken);
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([400, 'VERIFICATION_CODE_INVALID']);
    expect((await call('GET', '/api/account/profile', undefined, superToken)).json()).toMatchObject({ mobile: null });
    const done = await call('POST', `/api/account/contacts/${challengeId}/confirm`, { code }, superToken);
    expect(done.json()).toMatchObject({ mobile: `${superMobile.slice(0, 3)}****${superMobile.slice(7)}` });
    expect(codeOf(await call('POST', `/api/account/contacts/${challengeId}/confirm`, { code }, superToken))).toBe('VERIFICATION_CODE_INVALID');
    // Another account's challenge is not this one's to confirm.
    const admin = await h.scene.signIn(e.uscc, 'admin', e.adminPassword);
    e.adminPassword = STRONG_PASSWORD;
    expect(codeOf(await call('POST', `/api/account/contacts/${challengeId}/confirm`, { code }, admin.token))).toBe('VERIFICATION_CODE_INVALID');
    const audit = await h.app.services.db.selectFrom('audit_log').selectAll().where('action', '=', 'account.contact').where('enterprise_id', '=', e.enterpriseId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).not.toContain(superMobile);
  });

  it('refuses a mobile binding to admin, takes an admin\u2019s new e-mail and tells the old one', async () => {
    const admin = await h.scene.signIn(e.uscc, 'admin', e.adminPassword);
    const mobile = await call('POST', '/api/account/contacts', { channel: 'sms', destination: newMobile() }, admin.token);
    expect([mobile.statusCode, codeOf(mobile)]).toEqual([403, 'MOBILE_BINDING_SUPER_ONLY']);
    const same = await call('POST', '/api/account/contacts', { channel: 'email', destination: 'ADMIN@example.com' }, admin.token);
    expect(codeOf(same)).toBe('CONTACT_UNCHANGED');
    const started = await call('POST', '/api/account/contacts', { channel: 'email', destination: 'wang.zhe@example.cn' }, admin.token, newAddress());
    expect(started.json()).toMatchObject({ destination: 'w***@example.cn' });
    const mail = await vi.waitFor(() => {
      const m = smtp.mails.find((x) => x.to.includes('wang.zhe@example.cn'));
      expect(m).toBeDefined();
      return decodeMime(m!.raw);
    });
    const code = /验证码 (\d{6})/.exec(mail)![1]!;
    const done = await call('POST', `/api/account/contacts/${(started.json() as { challengeId: string }).challengeId}/confirm`, { code }, admin.token);
    expect(done.json()).toMatchObject({ email: 'w***@example.cn', mayBindMobile: false });
    await vi.waitFor(() => expect(smtp.mails.some((m) => m.to.includes('admin@example.com') && decodeMime(m.raw).includes('w***@example.cn'))).toBe(true));
  });

  it('answers alike for an unknown enterprise, an unknown user, a wrong mobile and the right one; only the right one gets a code', async () => {
    const inputs = [
      { enterprise: '不存在的公司', username: 'super', channel: 'sms', destination: superMobile },
      { enterprise: e.uscc, username: 'nobody', channel: 'sms', destination: superMobile },
      { enterprise: e.uscc, username: 'super', channel: 'sms', destination: '13900000000' },
      { enterprise: e.name, username: 'super', channel: 'sms', destination: superMobile },
    ];
    h.clock.advance(61);
    const before = (await smsTo(superMobile)).length;
    const answers = [];
    for (const input of inputs) {
      const res = await start(input);
      expect(res.statusCode, res.body).toBe(200);
      answers.push(res.json() as Record<string, string>);
    }
    const shape = (a: Record<string, string>) => ({ keys: Object.keys(a).sort(), channel: a.channel, expiresIn: Date.parse(a.expiresAt!) - h.clock.now().getTime() });
    for (const a of answers) {
      expect(a.recoveryId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Math.abs(shape(a).expiresIn - 600_000)).toBeLessThan(5_000);
      expect(shape(a).keys).toEqual(shape(answers[3]!).keys);
    }
    // The destination echoes what was typed, masked: nothing the caller did not know.
    expect(answers.map((a) => a.destination)).toEqual([superMobile, superMobile, '13900000000', superMobile].map((m) => `${m.slice(0, 3)}****${m.slice(7)}`));
    const code = await nextCode(superMobile, before);
    await new Promise((r) => setTimeout(r, 50));
    expect((await smsTo(superMobile)).length).toBe(before + 1);
    expect(await smsTo('13900000000')).toEqual([]);
    // A request that matched nothing fails verification exactly like a wrong code.
    for (const a of answers.slice(0, 3)) {
      const res = await call('POST', `/api/auth/recovery/${a.recoveryId}/verify`, { code }, undefined, newAddress());
      expect([res.statusCode, codeOf(res)]).toEqual([400, 'VERIFICATION_CODE_INVALID']);
    }
    // The code is stored hashed only.
    const rows = await h.app.services.db.selectFrom('account_codes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('lets super set a new password after the code: other sessions end, no forced change, the token works once', async () => {
    const other = (await login(h, e.uscc, 'super', e.superPassword)).json() as { token: string };
    h.clock.advance(61);
    const before = (await smsTo(superMobile)).length;
    const { recoveryId } = (await start({ enterprise: e.uscc, username: 'super', channel: 'sms', destination: superMobile })).json() as { recoveryId: string };
    const code = await nextCode(superMobile, before);
    const verified = await call('POST', `/api/auth/recovery/${recoveryId}/verify`, { code }, undefined, newAddress());
    expect(verified.json()).toMatchObject({ role: 'super', username: 'super' });
    const { resetToken } = verified.json() as { resetToken: string };
    expect(codeOf(await call('POST', `/api/auth/recovery/${recoveryId}/verify`, { code }, undefined, newAddress()))).toBe('VERIFICATION_CODE_INVALID');
    const weak = await call('POST', `/api/auth/recovery/${recoveryId}/password`, { resetToken, newPassword: 'short' });
    expect(codeOf(weak)).toBe('PASSWORD_POLICY');
    const reused = await call('POST', `/api/auth/recovery/${recoveryId}/password`, { resetToken, newPassword: e.superPassword });
    expect(codeOf(reused)).toBe('PASSWORD_REUSED');
    expect(codeOf(await call('POST', `/api/auth/recovery/${recoveryId}/password`, { resetToken: `${resetToken}x`, newPassword: NEW_PASSWORD }))).toBe('RECOVERY_EXPIRED');
    const done = await call('POST', `/api/auth/recovery/${recoveryId}/password`, { resetToken, newPassword: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ mustChangePassword: false, account: { username: 'super', role: 'super' } });
    for (const old of [superToken, other.token]) expect(codeOf(await call('GET', `/api/enterprises/${e.enterpriseId}`, undefined, old))).toBe('SESSION_EXPIRED');
    superToken = (done.json() as { token: string }).token;
    expect((await call('GET', `/api/enterprises/${e.enterpriseId}`, undefined, superToken)).statusCode).toBe(200);
    expect(codeOf(await call('POST', `/api/auth/recovery/${recoveryId}/password`, { resetToken, newPassword: 'Another#Pass-2026' }))).toBe('RECOVERY_EXPIRED');
    expect(codeOf(await login(h, e.uscc, 'super', e.superPassword))).toBe('LOGIN_FAILED');
    e.superPassword = NEW_PASSWORD;
    expect((await login(h, e.uscc, 'super', NEW_PASSWORD)).json()).toMatchObject({ mustChangePassword: false });
    await vi.waitFor(async () => expect((await smsTo(superMobile)).at(-1)).toContain('忘记密码'));
  });

  it('spends a code after five wrong tries and after ten minutes', async () => {
    h.clock.advance(61);
    let before = (await smsTo(superMobile)).length;
    const first = (await start({ enterprise: e.uscc, username: 'super', channel: 'sms', destination: superMobile })).json() as { recoveryId: string };
    const code = await nextCode(superMobile, before);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) expect(codeOf(await call('POST', `/api/auth/recovery/${first.recoveryId}/verify`, { code: wrong }, undefined, newAddress()))).toBe('VERIFICATION_CODE_INVALID');
    expect(codeOf(await call('POST', `/api/auth/recovery/${first.recoveryId}/verify`, { code }, undefined, newAddress()))).toBe('VERIFICATION_CODE_INVALID');
    h.clock.advance(61);
    before = (await smsTo(superMobile)).length;
    const second = (await start({ enterprise: e.uscc, username: 'super', channel: 'sms', destination: superMobile })).json() as { recoveryId: string };
    const code2 = await nextCode(superMobile, before);
    h.clock.advance(601);
    expect(codeOf(await call('POST', `/api/auth/recovery/${second.recoveryId}/verify`, { code: code2 }, undefined, newAddress()))).toBe('VERIFICATION_CODE_INVALID');
  });

  it('sends at most one code a minute and five an hour to an account, silently; an address gets RATE_LIMITED', async () => {
    h.clock.advance(3601);
    const input = { enterprise: e.uscc, username: 'super', channel: 'sms', destination: superMobile };
    const before = (await smsTo(superMobile)).length;
    await start(input);
    await nextCode(superMobile, before);
    const again = await start(input);
    expect(again.statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      h.clock.advance(61);
      expect((await start(input)).statusCode).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect((await smsTo(superMobile)).length).toBe(before + 5);
    const ip = newAddress();
    for (let i = 0; i < RECOVERY_STARTS_PER_HOUR; i++) expect((await start({ ...input, username: `u${i}` }, ip)).statusCode).toBe(200);
    const limited = await start(input, ip);
    expect([limited.statusCode, codeOf(limited)]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('tells admin to ask super (or the staff when super is unreachable) and a handler to ask its admin, only after the code', async () => {
    const adminMobile = otherAdminMobile;
    const proven = async (username: string, mobile: string) => {
      const before = (await smsTo(mobile)).length;
      const { recoveryId } = (await start({ enterprise: other.uscc, username, channel: 'sms', destination: mobile })).json() as { recoveryId: string };
      const code = await nextCode(mobile, before);
      return (await call('POST', `/api/auth/recovery/${recoveryId}/verify`, { code }, undefined, newAddress())).json();
    };
    expect(await proven('admin', adminMobile)).toEqual({ role: 'admin', username: 'admin', superReachable: false });
    expect(await proven('clerk', handler.mobile)).toEqual({ role: 'handler', username: 'clerk' });
    const superOf = await h.scene.signIn(other.uscc, 'super', other.superPassword);
    await bindMobile(superOf.token, newMobile());
    h.clock.advance(61);
    expect(await proven('admin', adminMobile)).toEqual({ role: 'admin', username: 'admin', superReachable: true });
  });

  it('recovers by e-mail too', async () => {
    superToken = (await h.scene.signIn(e.uscc, 'super', e.superPassword)).token;
    const started = await call('POST', '/api/account/contacts', { channel: 'email', destination: 'legal.rep@example.cn' }, superToken, newAddress());
    const mailCode = async (to: string, n: number) =>
      vi.waitFor(() => {
        const got = smtp.mails.filter((m) => m.to.includes(to));
        expect(got.length).toBeGreaterThan(n);
        return /验证码 (\d{6})/.exec(decodeMime(got.at(-1)!.raw))![1]!;
      });
    const bindCode = await mailCode('legal.rep@example.cn', 0);
    await call('POST', `/api/account/contacts/${(started.json() as { challengeId: string }).challengeId}/confirm`, { code: bindCode }, superToken);
    h.clock.advance(3601);
    const res = await start({ enterprise: e.uscc, username: 'super', channel: 'email', destination: 'Legal.Rep@example.cn' });
    expect(res.json()).toMatchObject({ channel: 'email', destination: 'L***@example.cn' });
    const code = await mailCode('legal.rep@example.cn', 1);
    const verified = await call('POST', `/api/auth/recovery/${(res.json() as { recoveryId: string }).recoveryId}/verify`, { code }, undefined, newAddress());
    expect(verified.json()).toMatchObject({ role: 'super' });
  });

  it('forces a change at next login and ends sessions when staff reset an admin', async () => {
    const admin = (await login(h, e.uscc, 'admin', e.adminPassword)).json() as { token: string };
    const reset = await h.call({ method: 'POST', url: `/api/staff/enterprises/${e.enterpriseId}/admin-password-reset`, token: await staffToken(h, 'support') });
    expect(reset.statusCode).toBe(200);
    expect(codeOf(await call('GET', `/api/enterprises/${e.enterpriseId}`, undefined, admin.token))).toBe('SESSION_EXPIRED');
    const row = await h.app.services.db.selectFrom('accounts').select('must_change_password').where('enterprise_id', '=', e.enterpriseId).where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
  });

  it('housekeeping removes codes a day past expiry', async () => {
    const db = h.app.services.db;
    expect((await db.selectFrom('account_codes').select('id').execute()).length).toBeGreaterThan(0);
    h.clock.advance(2 * 86_400);
    const run = await runHousekeeping(h.app.services);
    expect(run.counts.accountCodes).toBeGreaterThan(0);
    expect(await db.selectFrom('account_codes').select('id').execute()).toEqual([]);
  });
});
