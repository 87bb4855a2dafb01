/**
 * Two server processes on one database and one data directory (issue 20 part 4), as two `buildServer` instances:
 * the same housekeeping run started on both at once cleans once; an initial-password SMS both try to send goes
 * once; a limit that guards a secret counts the hits of both; a phone's one-time link raced on both is used once.
 * PostgreSQL is what deployments of several servers run; housekeeping's lock also on SQLite (a lease row).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Engine } from '../../tests/fixtures/server/databases';
import { pdfBytes } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { tusUpload } from '../../tests/fixtures/server/uploads';
import { pkiKey } from '../../tests/fixtures/scenario';
import { buildServer } from '../app';
import type {} from '../db/schema-disbursement';
import type {} from '../db/schema-ops';
import type {} from '../db/schema-trust-care';
import { createEnterpriseWithAccounts } from '../domain/enterprise-create';
import { runHousekeepingExclusively } from '../domain/housekeeping';
import { initialPasswordKey, sendDueInitialPasswords } from '../domain/initial-password-outbox';
import type { SmsGateway } from '../notifications/sms';

const LOOKUPS_PER_HOUR = 4;

/** Server A (the harness) and server B: the same configuration, so the same database and data directory. */
async function twoServers(engine: Engine): Promise<{ a: Harness; b: FastifyInstance }> {
  const config = { phoneLimits: { lookupsPerHour: LOOKUPS_PER_HOUR, uploadsPerHour: 30 } };
  const a = await createHarness(engine, { config });
  const b = await buildServer({ env: {}, clock: a.clock, config: { ...a.app.services.config } });
  return { a, b };
}

/** Both servers run housekeeping together while the first is held inside its run: exactly one run, one audit row. */
async function housekeepingOnBoth(a: Harness, b: FastifyInstance) {
  const files = a.app.services.files;
  let entered!: () => void;
  let release!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const held = new Promise<void>((r) => (release = r));
  a.app.services.files = {
    ...files,
    async sweepTemporary(before) {
      entered();
      await held;
      return files.sweepTemporary(before);
    },
  };
  try {
    const first = runHousekeepingExclusively(a.app.services);
    await inside;
    const second = await runHousekeepingExclusively(b.services);
    release();
    return { first: await first, second };
  } finally {
    a.app.services.files = files;
  }
}

const runsAudited = async (a: Harness) => (await a.app.services.db.selectFrom('audit_log').select('id').where('action', '=', 'housekeeping.run').execute()).length;

describeEachDatabase('two servers on one database', (engine) => {
  let a: Harness;
  let b: FastifyInstance;
  beforeAll(async () => {
    ({ a, b } = await twoServers(engine));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('runs housekeeping started on both at once once; the other skips, and runs again once the first is done', async () => {
    const stale = new Date(a.clock.now().getTime() - 2 * 86_400_000);
    await a.app.services.db.insertInto('captchas').values({ id: randomUUID(), answer: 'OLD', expires_at: stale.toISOString(), used_at: null }).execute();
    const runsBefore = await runsAudited(a);
    const { first, second } = await housekeepingOnBoth(a, b);
    expect(second).toBeNull();
    expect(first?.counts.captchas).toBe(1);
    expect(await runsAudited(a)).toBe(runsBefore + 1);
    // The lock went with the run: the next round runs (and finds nothing left).
    expect((await runHousekeepingExclusively(b.services))?.counts.captchas).toBe(0);
  });

  if (engine === 'sqlite') {
    it('takes over the lease of a process that died mid-run once it expired, not before', async () => {
      const lease = (until: number) =>
        a.app.services.db.insertInto('job_leases').values({ job: 'housekeeping', holder: 'crashed', until }).onConflict((oc) => oc.column('job').doUpdateSet({ holder: 'crashed', until })).execute();
      await lease(Date.now() + 60_000);
      expect(await runHousekeepingExclusively(b.services)).toBeNull();
      await lease(Date.now() - 1);
      expect(await runHousekeepingExclusively(b.services)).not.toBeNull();
    });
    return;
  }

  it('sends an initial-password SMS that both servers find due once', async () => {
    const sent: string[] = [];
    const carrier = (): SmsGateway => ({
      kind: 'http',
      async send(mobile) {
        // Both inside send() at once would mean both had claimed the row.
        await new Promise((r) => setImmediate(r));
        sent.push(mobile);
      },
    });
    const services = a.app.services;
    const uscc = `91320594MA${randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}X`;
    await services.db.transaction().execute(async (tx) =>
      createEnterpriseWithAccounts(
        tx,
        { uscc, name: `两台服务器测试${uscc.slice(-4)}有限公司`, address: '苏州工业园区星湖街328号', legalRepresentative: '张三', administrator: { name: '李四', mobile: '13900009999' } },
        { actor: { type: 'system', id: null }, now: services.clock.now(), requestId: 'test', outboxKey: await initialPasswordKey(services.config) },
      ),
    );
    const [onA, onB] = await Promise.all([
      sendDueInitialPasswords({ ...services, sms: carrier() }, a.app.log),
      sendDueInitialPasswords({ ...b.services, sms: carrier() }, b.log),
    ]);
    expect(sent).toEqual(['13900009999']);
    expect(onA.sent + onB.sent).toBe(1);
    expect(await services.db.selectFrom('initial_password_outbox').select('id').execute()).toEqual([]);
  });

  it('counts a phone link’s lookups from one address on both servers against one limit', async () => {
    const lookup = (server: FastifyInstance) =>
      server.inject({ method: 'GET', url: `/api/phone/receipt-links/${randomBytes(32).toString('base64url')}`, remoteAddress: '198.51.100.20' }).then((r) => r.statusCode);
    const answers = [];
    for (let i = 0; i < LOOKUPS_PER_HOUR; i++) answers.push(await lookup(i % 2 ? b : a.app));
    expect(answers).toEqual(Array(LOOKUPS_PER_HOUR).fill(404));
    expect([await lookup(a.app), await lookup(b)]).toEqual([429, 429]);
  });

  it('lets one of two phones racing one receipt link on the two servers upload, the other gets RECEIPT_LINK_USED', async () => {
    const e = await a.scene.enterprise(await pkiKey(a.pki));
    const admin = await e.admin();
    const { applicationId } = await (await e.subsidyApplication(admin, { talents: 1 })).disbursementOpened();
    const q = '?item=disbursement';
    const base = `/api/enterprises/${e.enterpriseId}`;
    const disb = `${base}/disbursements/${applicationId}`;
    const send = (method: 'POST' | 'PUT', url: string, payload: object) => a.call({ method, url, payload, token: admin.token });
    const cert = (await tusUpload(a, { token: admin.token, item: 'disbursement' }, pdfBytes('certificate'))).sha256;
    expect((await send('PUT', `${disb}/talents/0/employment-certificate${q}`, { sha256: cert })).statusCode).toBe(200);
    const bank = (await send('POST', `${base}/bank-accounts${q}`, { bankName: '中国工商银行', accountName: e.name, accountNumber: '1102 0205 0900 0012 3456', branchName: '苏州工业园区支行', cnapsCode: '102305002056' })).json() as { id: string };
    const contact = (await send('POST', `${base}/finance-contacts${q}`, { name: '钱八', mobile: '13600001111', phone: '0512-66881234', email: 'finance@example.com' })).json() as { id: string };
    expect((await send('PUT', `${disb}/payee${q}`, { bankAccountId: bank.id, contactId: contact.id })).statusCode).toBe(200);
    const created = await send('POST', `${disb}/receipt-links${q}`, {});
    expect(created.statusCode, created.body).toBe(200);
    const link = created.json() as { url: string };
    const token = link.url.split('#')[1]!;
    const photo = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${n} ${randomUUID()}`)]);
    const upload = (server: FastifyInstance, n: number) =>
      server.inject({ method: 'POST', url: `/api/phone/receipt-links/${token}/photo`, headers: { 'content-type': 'image/png' }, payload: photo(n) });
    const answers = await Promise.all([upload(a.app, 1), upload(b, 2)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect(answers.find((r) => r.statusCode === 410)!.json()).toMatchObject({ error: { code: 'RECEIPT_LINK_USED' } });
    // The setup (registration, a signed application, approval, publicity, disbursement) takes ~14 s on a quiet
    // machine and twice that on a loaded one: a limit, not a wait.
  }, 90_000);
});

