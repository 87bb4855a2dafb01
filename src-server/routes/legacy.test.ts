/**
 * Legacy hub accounts (manual 000): import and its refusals, sign-in before and after the cut-off, the restricted
 * legacy session, the upgrade with and without the enterprise's one-stop account, role mapping, once only, the
 * carried history and the audit trail — on both databases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '@shared/contract/http';
import { chinaDay, LEGACY_PASSWORD, legacyAccountsCsv, legacyHistoryCsv, newIdentity, pkiKey, type LegacyRow, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { lastSms, solveCaptcha, staffToken, STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
// Brings the legacy tables into the store's type.
import type {} from '../db/schema-legacy';

type Answer = { statusCode: number; json(): unknown };
const errorOf = (res: Answer) => (res.json() as { error: { code: string; hint?: { 'zh-CN': string }; issues?: { path: string; code: string; params?: Record<string, string> }[] } }).error;
const refusal = (res: Answer) => [res.statusCode, errorOf(res).code];

describeEachDatabase('legacy hub accounts', (engine) => {
  let h: Harness;
  let staffAdmin: string;
  const cutoff = chinaDay(2);
  let n = 0;
  const row = (over: Partial<LegacyRow> & Pick<LegacyRow, 'uscc' | 'enterpriseName'>): LegacyRow => ({ username: `qifu-${engine}-${n++}`, role: '经办人', password: LEGACY_PASSWORD, ...over });

  beforeAll(async () => {
    h = await createHarness(engine, { config: { legacyCutoff: cutoff } });
    staffAdmin = await staffToken(h, 'admin');
  });
  afterAll(() => h?.close());

  const importCsv = (body: { accounts: string; history?: string }, token = staffAdmin) => h.call({ method: 'POST', url: '/api/staff/legacy-accounts/import', token, payload: body });
  const legacyLogin = async (username: string, password = LEGACY_PASSWORD) =>
    h.call({ method: 'POST', url: '/api/legacy/login', payload: { username, password, captcha: await solveCaptcha(h) } });
  const legacyToken = async (username: string) => {
    const res = await legacyLogin(username);
    expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
    return (res.json() as { token: string }).token;
  };
  const upgrade = (token: string, username: string, password: string) => h.call({ method: 'POST', url: '/api/legacy/upgrade', token, payload: { username, password } });

  describe('import', () => {
    it('imports accounts and history (BOM, CRLF, quotes), keeps only the salted hash, updates on re-import, and audits', async () => {
      const e = newIdentity();
      const [a, b] = [row({ ...e, enterpriseName: `${e.name}, "旧称"`, role: '法定代表人' }), row({ ...e, enterpriseName: e.name, items: ['subsidy'] })];
      const history = legacyHistoryCsv([{ username: a.username, item: '人才招聘补贴', title: '2020年度申报, 第一批', date: '2020-05-01', status: '已办结' }]);
      const res = await importCsv({ accounts: `\uFEFF${legacyAccountsCsv([a, b]).replace(/\n/g, '\r\n')}\r\n`, history });
      expect(res.json()).toEqual({ imported: 2, updated: 0, skipped: 0, historyRows: 1 });
      const stored = await h.app.services.db.selectFrom('legacy_accounts').selectAll().where('username', '=', a.username).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ enterprise_name: `${e.name}, "旧称"`, legacy_role: 'legalRepresentative', uscc: e.uscc });
      expect(stored.password_hash).toMatch(/^pbkdf2_sha256\$10000\$/);
      expect(JSON.parse((await importCsv({ accounts: legacyAccountsCsv([b]) })).body)).toEqual({ imported: 0, updated: 1, skipped: 0, historyRows: 0 });
      const audit = await h.app.services.db.selectFrom('audit_log').selectAll().where('subject_id', '=', stored.id).where('action', '=', 'legacy_account.import').executeTakeFirstOrThrow();
      expect(audit.actor_type).toBe('staff');
      expect(audit.after_json).not.toContain('pbkdf2');
    });

    it('refuses the whole file on a bad row, naming the line: a plain password, an unknown role, history of nobody, a missing column', async () => {
      const e = newIdentity();
      const good = row({ ...e, enterpriseName: e.name });
      const plain = legacyAccountsCsv([good, row({ ...e, enterpriseName: e.name })]).replace(/pbkdf2_sha256\$[^,]+,(?=[^\n]*$)/, 'Secret123,');
      const res = await importCsv({ accounts: plain });
      expect(refusal(res)).toEqual([400, 'LEGACY_CSV_INVALID']);
      expect(errorOf(res).issues).toEqual([{ path: 'accounts.line3', code: 'hash_format' }]);
      expect(await h.app.services.db.selectFrom('legacy_accounts').select('id').where('username', '=', good.username).executeTakeFirst()).toBeUndefined();

      expect(errorOf(await importCsv({ accounts: legacyAccountsCsv([row({ ...e, enterpriseName: e.name, role: '超级管理员' })]) })).issues).toEqual([{ path: 'accounts.line2', code: 'role_unknown' }]);
      const orphan = await importCsv({ accounts: legacyAccountsCsv([good]), history: legacyHistoryCsv([{ username: 'nobody-here', item: 'x', title: 'y', date: '2020-01-01', status: '已办结' }]) });
      expect(errorOf(orphan).issues).toEqual([{ path: 'history.line2', code: 'account_unknown' }]);
      expect(await h.app.services.db.selectFrom('legacy_accounts').select('id').where('username', '=', good.username).executeTakeFirst()).toBeUndefined();
      expect(errorOf(await importCsv({ accounts: 'uscc,username\n1,2' })).issues?.[0]?.path).toBe('accounts.header');
    });

    it('is for staff admins only', async () => {
      const body = { accounts: legacyAccountsCsv([]) };
      expect(refusal(await importCsv(body, await staffToken(h, 'reviewer')))).toEqual([403, 'FORBIDDEN']);
      expect((await h.call({ method: 'POST', url: '/api/staff/legacy-accounts/import', payload: body })).statusCode).toBe(401);
    });
  });

  describe('sign-in, the restricted session and the upgrade', () => {
    let e: PkiEnterprise;
    let superToken: string;
    const identity = newIdentity();
    const rows = {
      legal: row({ ...identity, enterpriseName: identity.name, role: '法定代表人' }),
      admin: row({ ...identity, enterpriseName: identity.name, role: '管理员' }),
      handler: row({ ...identity, enterpriseName: identity.name, role: '经办人', mobile: '13700009876', items: ['subsidy', 'disbursement'], displayName: '赵敏' }),
    };
    const history = [
      { username: rows.handler.username, item: '人才招聘补贴', title: '2019年度人才招聘补贴', date: '2019-09-02', status: '已拨付' },
      { username: rows.handler.username, item: '小型建设工程开工备案', title: '厂房装修备案', date: '2020-11-20', status: '已办结' },
    ];

    beforeAll(async () => {
      expect((await importCsv({ accounts: legacyAccountsCsv(Object.values(rows)), history: legacyHistoryCsv(history) })).statusCode).toBe(200);
    });

    it('signs in before the cut-off with the days left and the history, and refuses a wrong password like any login', async () => {
      const res = await legacyLogin(rows.handler.username);
      expect(res.json()).toMatchObject({
        cutoff,
        daysLeft: 2,
        enterpriseRegistered: false,
        account: { username: rows.handler.username, role: 'handler', targetRole: 'handler', uscc: identity.uscc, displayName: '赵敏' },
        history: [{ title: '厂房装修备案', date: '2020-11-20' }, { title: '2019年度人才招聘补贴' }],
      });
      expect(refusal(await legacyLogin(rows.handler.username, 'wrong-password'))).toEqual([401, 'LOGIN_FAILED']);
      expect(refusal(await legacyLogin('no-such-legacy-user'))).toEqual([401, 'LOGIN_FAILED']);
    });

    it('keeps a legacy session to its history and the upgrade: every other route refuses it', async () => {
      const token = await legacyToken(rows.admin.username);
      expect((await h.call({ method: 'GET', url: '/api/legacy/me', token })).statusCode).toBe(200);
      const elsewhere = [
        ['GET', '/api/auth/session'],
        ['GET', `/api/enterprises/00000000-0000-4000-8000-000000000000`],
        ['POST', '/api/auth/password'],
        ['GET', '/api/staff/sms-outbox'],
        ['POST', '/api/uploads/'],
      ] as const;
      for (const [method, url] of elsewhere) {
        const res = await h.call({ method, url, token, payload: method === 'POST' ? {} : undefined });
        expect([url, res.statusCode, errorOf(res).code]).toEqual([url, 403, 'LEGACY_SESSION_RESTRICTED']);
      }
      // Every route of the contract that is not the legacy account's own, nor public, nor logout.
      const others = httpRoutes.filter((r) => !['public', 'legacy', 'session'].includes(r.access.kind));
      expect(others.length).toBeGreaterThan(40);
      for (const r of others) {
        const url = r.path.replace(/:sha256/g, 'a'.repeat(64)).replace(/:[A-Za-z]+/g, () => randomUUID());
        const res = await h.call({ method: r.method, url, token, ...(r.body ? { payload: {} } : {}) });
        expect([r.operationId, res.statusCode], res.body).toEqual([r.operationId, 403]);
        if (r.method !== 'HEAD') expect(errorOf(res).code, r.operationId).toBe('LEGACY_SESSION_RESTRICTED');
      }
      expect(refusal(await h.call({ method: 'GET', url: '/api/legacy/me', token: staffAdmin }))).toEqual([403, 'FORBIDDEN']);
      expect((await h.call({ method: 'POST', url: '/api/auth/logout', token })).statusCode).toBe(200);
      expect((await h.call({ method: 'GET', url: '/api/legacy/me', token })).statusCode).toBe(401);
    });

    it('without the enterprise on the portal, sends the user to register first; afterwards the upgrade goes through', async () => {
      const token = await legacyToken(rows.legal.username);
      expect(refusal(await upgrade(token, 'super', 'whatever'))).toEqual([409, 'LEGACY_ENTERPRISE_NOT_REGISTERED']);
      e = (await h.scene.enterprise(await pkiKey(h.pki, { identity }))) as PkiEnterprise;
      superToken = (await h.scene.signIn(identity.uscc, 'super', e.superPassword)).token;
      const me = await h.call({ method: 'GET', url: '/api/legacy/me', token });
      expect(me.json()).toMatchObject({ enterpriseRegistered: true });
      // 法定代表人 proves with super, not with admin.
      const admin = await e.admin();
      expect(refusal(await upgrade(token, 'admin', admin.password))).toEqual([403, 'LEGACY_PROOF_ROLE']);
      expect(refusal(await upgrade(token, 'super', 'not-the-password'))).toEqual([401, 'LOGIN_FAILED']);
      const done = await upgrade(token, 'super', STRONG_PASSWORD);
      expect(done.json()).toEqual({ enterpriseId: e.enterpriseId, username: 'super', role: 'super', created: false, historyRows: 0 });
      // The legacy session ended with the upgrade, and the account signs in no more: it names the one-stop account.
      expect((await h.call({ method: 'GET', url: '/api/legacy/me', token })).statusCode).toBe(401);
      const again = await legacyLogin(rows.legal.username);
      expect(refusal(again)).toEqual([409, 'LEGACY_ALREADY_UPGRADED']);
      expect(errorOf(again).issues).toEqual([{ path: 'username', code: 'upgraded_to', params: { username: 'super' } }]);
    });

    it('maps 管理员 to admin, and opens a handler account for 经办人 with the administrator\u2019s consent, its items and history', async () => {
      const admin = await e.admin();
      const adminLegacy = await legacyToken(rows.admin.username);
      expect(refusal(await upgrade(adminLegacy, 'super', STRONG_PASSWORD))).toEqual([403, 'LEGACY_PROOF_ROLE']);
      expect((await upgrade(adminLegacy, 'admin', admin.password)).json()).toMatchObject({ username: 'admin', role: 'admin', created: false });

      const handlerLegacy = await legacyToken(rows.handler.username);
      const done = await upgrade(handlerLegacy, 'admin', admin.password);
      expect(done.json()).toEqual({ enterpriseId: e.enterpriseId, username: rows.handler.username, role: 'handler', created: true, historyRows: 2 });
      const initial = /初始密码\(([^)]+)\)/.exec(await lastSms(h, '13700009876'))![1]!;
      const handler = await h.scene.signIn(identity.uscc, rows.handler.username, initial);
      const accounts = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}/accounts`, token: admin.token });
      expect((accounts.json() as { accounts: { username: string; role: string; permissions: string[] }[] }).accounts).toContainEqual(
        expect.objectContaining({ username: rows.handler.username, role: 'handler', displayName: '赵敏', permissions: ['disbursement', 'subsidy'] }),
      );

      // The history is the enterprise's now: every account of it reads it, no other enterprise does.
      const carried = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}/legacy-history`, token: handler.token });
      expect(carried.json()).toEqual({
        rows: [
          { item: '小型建设工程开工备案', title: '厂房装修备案', date: '2020-11-20', status: '已办结', legacyUsername: rows.handler.username },
          { item: '人才招聘补贴', title: '2019年度人才招聘补贴', date: '2019-09-02', status: '已拨付', legacyUsername: rows.handler.username },
        ],
      });
      expect((await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}/legacy-history`, token: superToken })).json()).toMatchObject({ rows: [{}, {}] });

      const audit = await h.app.services.db.selectFrom('audit_log').selectAll().where('action', '=', 'legacy_account.upgrade').where('enterprise_id', '=', e.enterpriseId).execute();
      expect(audit).toHaveLength(3);
      const handlerRow = audit.find((a) => a.after_json?.includes(rows.handler.username))!;
      expect(handlerRow).toMatchObject({ actor_type: 'legacy', subject_type: 'legacy_account' });
      expect(JSON.parse(handlerRow.after_json!)).toMatchObject({ role: 'handler', created: true, historyRows: 2 });
      expect(handlerRow.before_json).not.toContain('pbkdf2');
      // Re-importing an upgraded account changes nothing.
      expect((await importCsv({ accounts: legacyAccountsCsv([rows.handler]) })).json()).toMatchObject({ skipped: 1, updated: 0 });
    });

    it('upgrades once even when two sessions try at the same time', async () => {
      const id = newIdentity();
      const legacy = row({ ...id, enterpriseName: id.name, role: '管理员' });
      await importCsv({ accounts: legacyAccountsCsv([legacy]) });
      const other = await h.scene.enterprise(await pkiKey(h.pki, { identity: id }));
      const admin = await other.admin();
      const [t1, t2] = [await legacyToken(legacy.username), await legacyToken(legacy.username)];
      const answers = await Promise.all([upgrade(t1, 'admin', admin.password), upgrade(t2, 'admin', admin.password)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, expect.any(Number)].sort());
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
      const failed = answers.find((a) => a.statusCode !== 200)!;
      expect(['LEGACY_ALREADY_UPGRADED', 'SESSION_EXPIRED']).toContain(errorOf(failed).code);
      expect(refusal(await upgrade(t1, 'admin', admin.password))).toEqual([401, 'SESSION_EXPIRED']);
    });

    it('closes sign-in after the cut-off day, with the way to upgrade, even for an account that signed in before it', async () => {
      const id = newIdentity();
      const late = row({ ...id, enterpriseName: id.name });
      await importCsv({ accounts: legacyAccountsCsv([late]) });
      await legacyToken(late.username);
      h.clock.advance(3 * 86_400);
      try {
        const res = await legacyLogin(late.username);
        expect(refusal(res)).toEqual([403, 'LEGACY_LOGIN_CLOSED']);
        expect(errorOf(res).hint?.['zh-CN']).toContain('一网通办账号');
        // An upgraded account still hears where to go instead.
        expect(refusal(await legacyLogin(rows.legal.username))).toEqual([409, 'LEGACY_ALREADY_UPGRADED']);
      } finally {
        h.clock.advance(-3 * 86_400);
      }
    });
  });
});
