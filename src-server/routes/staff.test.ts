import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { newEnterprise, registryCsv, solveCaptcha, staffToken, STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describeEachDatabase('staff console', (engine) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness(engine, { config: { bootstrapStaffPassword: 'Bootstrap#Pass-1' } });
    admin = await staffToken(h, 'admin');
  });
  afterAll(() => h?.close());

  const importCsv = (csv: string, token = admin) => h.call({ method: 'POST', url: '/api/staff/registry/import', token, payload: { csv } });

  it('imports the registry from CSV (BOM, quotes, CRLF) and updates rows on re-import', async () => {
    const [x, y] = [newEnterprise(), newEnterprise()];
    const csv = `\uFEFF${registryCsv([x, y]).replace(/\n/g, '\r\n')}\r\n`.replace(`"${x.name}"`, `"${x.name}（苏州）, ""分公司"""`);
    const first = await importCsv(csv);
    expect(first.json()).toEqual({ imported: 2, updated: 0 });
    const row = await h.app.services.db.selectFrom('registry_entries').selectAll().where('uscc', '=', x.uscc).executeTakeFirstOrThrow();
    expect(row.name).toBe(`${x.name}（苏州）, "分公司"`);
    expect((await importCsv(registryCsv([y], 'revoked'))).json()).toEqual({ imported: 0, updated: 1 });
  });

  it('refuses a CSV with a bad USCC or missing columns, importing nothing', async () => {
    const e = newEnterprise();
    const bad = registryCsv([e, { ...newEnterprise(), uscc: e.uscc.slice(0, 17) + (e.uscc.endsWith('0') ? '1' : '0') }]);
    const res = await importCsv(bad);
    expect([res.statusCode, codeOf(res)]).toEqual([400, 'REGISTRY_CSV_INVALID']);
    expect(res.json().error.issues[0]).toEqual({ path: 'csv.line3', code: 'USCC_CHECK_DIGIT' });
    expect(await h.app.services.db.selectFrom('registry_entries').select('uscc').where('uscc', '=', e.uscc).executeTakeFirst()).toBeUndefined();
    expect(codeOf(await importCsv('uscc,name\n91320594MA1MXK3R3C,x'))).toBe('REGISTRY_CSV_INVALID');
  });

  it('shows the development SMS outbox to staff admins only, passwords and codes masked', async () => {
    await h.app.services.sms.send('13600000000', '测试短信');
    await h.app.services.sms.send('13600000000', '企业管理员账号(admin)，密码(Xy7#kP2q)。验证码：123456');
    const res = await h.call({ method: 'GET', url: '/api/staff/sms-outbox?mobile=13600000000', token: admin });
    // Both sent in the same millisecond maybe: their order is not what this test is about.
    expect((res.json() as { messages: { mobile: string; text: string }[] }).messages.map((m) => [m.mobile, m.text]).sort()).toEqual([
      ['13600000000', '【园区一网通办】企业管理员账号(admin)，密码(******)。验证码：******'],
      ['13600000000', '【园区一网通办】测试短信'],
    ]);
    expect(res.body).not.toContain('Xy7#kP2q');
    expect(res.body).not.toContain('123456');
    for (const role of ['support', 'reviewer', 'finance', 'counter'] as const) {
      const refused = await h.call({ method: 'GET', url: '/api/staff/sms-outbox', token: await staffToken(h, role) });
      expect([refused.statusCode, codeOf(refused)], role).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('bootstraps staff admin from the environment with a forced password change', async () => {
    const login = await h.call({ method: 'POST', url: '/api/staff/login', payload: { username: 'admin', password: 'Bootstrap#Pass-1', captcha: await solveCaptcha(h) } });
    expect(login.json()).toMatchObject({ mustChangePassword: true, staff: { role: 'admin' } });
    const token = (login.json() as { token: string }).token;
    expect(codeOf(await importCsv(registryCsv([newEnterprise()]), token))).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await h.call({ method: 'POST', url: '/api/staff/password', token, payload: { currentPassword: 'Bootstrap#Pass-1', newPassword: STRONG_PASSWORD } });
    expect(changed.statusCode).toBe(200);
    expect((await importCsv(registryCsv([newEnterprise()]), (changed.json() as { token: string }).token)).statusCode).toBe(200);
  });

  it('creates staff accounts that must change their initial password', async () => {
    const res = await h.call({ method: 'POST', url: '/api/staff/accounts', token: admin, payload: { username: 'reviewer7', role: 'reviewer', initialPassword: 'Initial#Pass-77' } });
    expect(res.json()).toMatchObject({ username: 'reviewer7', role: 'reviewer' });
    const login = await h.call({ method: 'POST', url: '/api/staff/login', payload: { username: 'reviewer7', password: 'Initial#Pass-77', captcha: await solveCaptcha(h) } });
    expect(login.json()).toMatchObject({ mustChangePassword: true });
  });
});
