/**
 * The server's limits under concurrency and hostile input (issue 17 items 7, 8, 10, 13), on both databases:
 * attempts counted before they are checked (passwords, SMS codes), the same answer for accounts that do not
 * exist, throttled captchas / CA challenges / password changes, unique-key collisions as 409, text no database or
 * hash can take as a clear 400, and the yearly subsidy cap held by concurrent submissions.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADDRESS, LEGAL_REPRESENTATIVE, pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { importRegistry, registrationPayload, signedRegistration, solveCaptcha, staffToken, STRONG_PASSWORD, uploadRegistrationScans } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { createUpload, newUploadToken } from '../../tests/fixtures/server/uploads';
import { signedSubsidy, subsidyApplicationRequirements, subsidyPayload, subsidyTalentRequirements, talent, uploadRequired } from '../../tests/fixtures/server/subsidy';
import { insertCode, proveCode } from '../domain/account-codes';
import { ApiError } from '../http/api-error';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
/** A different caller address per request, so the per-address limit stays out of a per-account test. */
const someAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describeEachDatabase('limits and hostile input', (engine) => {
  let h: Harness;
  let e: PkiEnterprise;
  beforeAll(async () => {
    // Many captchas from the one test address: the per-minute limit has its own test below, with its own server.
    h = await createHarness(engine, { config: { challengesPerMinute: 10_000 } });
    e = await h.scene.enterprise(await pkiKey(h.pki));
  });
  afterAll(() => h?.close());

  const loginFrom = async (enterprise: string, username: string, password: string, remoteAddress = someAddress()) =>
    h.call({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { enterprise, username, password, captcha: await solveCaptcha(h) } });

  it('checks only five of 30 wrong passwords sent at once; the rest wait (429 with Retry-After)', async () => {
    const victim = await h.scene.enterprise(await pkiKey(h.pki));
    const bodies = await Promise.all(Array.from({ length: 30 }, async (_, i) => ({ enterprise: victim.uscc, username: 'admin', password: `Wrong-password-${i}`, captcha: await solveCaptcha(h) })));
    const answers = await Promise.all(bodies.map((payload) => h.call({ method: 'POST', url: '/api/auth/login', remoteAddress: someAddress(), payload })));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(25);
    expect(answers.every((r) => r.statusCode === 401 || (r.statusCode === 429 && Number(r.headers['retry-after']) > 0))).toBe(true);
  });

  it('delays instead of locking: after the wait the right password opens a session, and the waits grow', async () => {
    const victim = await h.scene.enterprise(await pkiKey(h.pki));
    for (let i = 0; i < 5; i++) expect(codeOf(await loginFrom(victim.uscc, 'super', `Wrong-password-${i}`))).toBe('LOGIN_FAILED');
    const waiting = await loginFrom(victim.uscc, 'super', victim.superPassword);
    expect([waiting.statusCode, codeOf(waiting)]).toEqual([429, 'LOGIN_THROTTLED']);
    const first = Number(waiting.headers['retry-after']);
    expect(first).toBeGreaterThan(0);
    h.clock.advance(first);
    expect(codeOf(await loginFrom(victim.uscc, 'super', 'Wrong-password-x'))).toBe('LOGIN_FAILED');
    const second = Number((await loginFrom(victim.uscc, 'super', victim.superPassword)).headers['retry-after']);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(60); // never a lock: at most a minute, however many guesses came before
    h.clock.advance(second);
    expect((await loginFrom(victim.uscc, 'super', victim.superPassword)).statusCode).toBe(200);
  });

  it('answers an account that does not exist exactly like one that does (no oracle)', async () => {
    const victim = await h.scene.enterprise(await pkiKey(h.pki));
    const run = async (enterprise: string, username: string) => {
      const seen: [number, string | undefined][] = [];
      for (let i = 0; i < 6; i++) {
        const res = await loginFrom(enterprise, username, `Wrong-password-${i}`);
        seen.push([res.statusCode, codeOf(res)]);
      }
      return seen;
    };
    const known = await run(victim.uscc, 'admin');
    expect(await run(victim.uscc, 'nobody-here')).toEqual(known);
    expect(await run('不存在的企业有限公司', 'admin')).toEqual(known);
    expect(known.map(([, c]) => c)).not.toContain('LOGIN_LOCKED');
  });

  it('counts 40 wrong SMS codes sent at once: five are compared, and the right code is refused after them', async () => {
    const account = await h.app.services.db.selectFrom('accounts').select('id').where('enterprise_id', '=', e.enterpriseId).where('username', '=', 'admin').executeTakeFirstOrThrow();
    const { id, code } = await insertCode(h.app.services.db, { purpose: 'bind_mobile', accountId: account.id, destination: '13900001111' }, h.clock.now());
    const wrong = code === '000000' ? '000001' : '000000';
    const tries = await Promise.allSettled(
      Array.from({ length: 40 }, () => proveCode(h.app.services.db, { id, purposes: ['bind_mobile'], code: wrong }, h.clock.now())),
    );
    expect(tries.every((t) => t.status === 'rejected' && t.reason instanceof ApiError && t.reason.code === 'VERIFICATION_CODE_INVALID')).toBe(true);
    const row = await h.app.services.db.selectFrom('account_codes').select('attempts').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(row.attempts)).toBe(5);
    await expect(proveCode(h.app.services.db, { id, purposes: ['bind_mobile'], code }, h.clock.now())).rejects.toMatchObject({ code: 'VERIFICATION_CODE_INVALID' });
  });

  it('throttles a wrong current password on password change like a login', async () => {
    const other = await h.scene.enterprise(await pkiKey(h.pki));
    const token = ((await loginFrom(other.uscc, 'admin', other.adminPassword)).json() as { token: string }).token;
    const change = (currentPassword: string) => h.call({ method: 'POST', url: '/api/auth/password', token, payload: { currentPassword, newPassword: STRONG_PASSWORD } });
    const codes = (await Promise.all(Array.from({ length: 12 }, (_, i) => change(`Not-it-${i}`)))).map(codeOf);
    expect(codes.filter((c) => c === 'PASSWORD_CURRENT_WRONG')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('answers 409 USERNAME_TAKEN, never 500, when one username is added eight times at once', async () => {
    const admin = await e.admin();
    const username = `clerk${randomUUID().slice(0, 6)}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.call({
          method: 'POST',
          url: `/api/enterprises/${e.enterpriseId}/accounts`,
          token: admin.token,
          payload: { username, role: 'handler', displayName: '经办人', mobile: `1370000${String(1000 + i)}`, permissions: [] },
        }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode !== 200).map((r) => [r.statusCode, codeOf(r)])).toEqual(Array.from({ length: 7 }, () => [409, 'USERNAME_TAKEN']));
  });

  it('gives one winner and clear 4xx, never a 5xx, to a staff username, a registration and a permission change each sent eight times at once', async () => {
    const eight = (send: (i: number) => Promise<{ statusCode: number; json(): unknown }>) => Promise.all(Array.from({ length: 8 }, (_, i) => send(i)));
    const noServerError = (answers: Array<{ statusCode: number }>) => expect(answers.map((r) => r.statusCode).filter((s) => s >= 500)).toEqual([]);
    const staff = await staffToken(h);
    const username = `desk${randomUUID().slice(0, 6)}`;
    const staffAnswers = await eight(() => h.call({ method: 'POST', url: '/api/staff/accounts', token: staff, payload: { username, role: 'support', initialPassword: STRONG_PASSWORD } }));
    expect(staffAnswers.map((r) => (r.statusCode === 200 ? 'ok' : `${r.statusCode} ${codeOf(r)}`)).sort()).toEqual([...Array.from({ length: 7 }, () => '409 USERNAME_TAKEN'), 'ok']);

    const key = await pkiKey(h.pki);
    const enterprise = { uscc: key.uscc, name: key.name, legalRepresentative: LEGAL_REPRESENTATIVE, address: ADDRESS };
    await importRegistry(h, staff, [enterprise]);
    const body = await signedRegistration(key.signer, registrationPayload(enterprise, await uploadRegistrationScans(h)));
    const registrations = await eight(() => h.call({ method: 'POST', url: '/api/registrations', remoteAddress: someAddress(), payload: body }));
    noServerError(registrations);
    expect(registrations.filter((r) => r.statusCode < 300)).toHaveLength(1);
    expect(registrations.every((r) => r.statusCode < 300 || (r.statusCode >= 400 && typeof codeOf(r) === 'string'))).toBe(true);

    const admin = await e.admin();
    const handler = await e.handler(`perm${randomUUID().slice(0, 6)}`, { mobile: '13700005555', permissions: [] });
    const permissions = await eight((i) =>
      h.call({ method: 'PUT', url: `/api/enterprises/${e.enterpriseId}/accounts/${handler.accountId}/permissions`, token: admin.token, payload: { permissions: i % 2 ? ['subsidy'] : ['subsidy', 'disbursement'] } }),
    );
    noServerError(permissions);
    expect(permissions.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(1);
    expect(permissions.filter((r) => r.statusCode !== 200).map((r) => codeOf(r)).every((c) => c === 'WRITE_CONFLICT')).toBe(true);
  }, 60_000);

  it('refuses NUL, a lone surrogate and a 5,000-deep unknown field with a clear 400, on a public route too', async () => {
    const captcha = await solveCaptcha(h);
    const nul = await h.call({ method: 'POST', url: '/api/auth/login', payload: { enterprise: e.uscc, username: 'ad\u0000min', password: 'x', captcha } });
    expect([nul.statusCode, codeOf(nul)]).toEqual([400, 'TEXT_INVALID']);
    expect((nul.json() as { error: { issues: unknown[] } }).error.issues).toEqual([{ path: 'body.username', code: 'TEXT_INVALID' }]);
    // A lone surrogate cannot be written by JSON.stringify's caller by accident; it arrives as an escape.
    const surrogate = await h.call({ method: 'POST', url: '/api/registrations', headers: { 'content-type': 'application/json' }, payload: '{"payload":{"enterprise":{"name":"\\ud800"}}}' });
    expect([surrogate.statusCode, codeOf(surrogate)]).toEqual([400, 'TEXT_INVALID']);
    const deep = `{"payload":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const tooDeep = await h.call({ method: 'POST', url: '/api/registrations', headers: { 'content-type': 'application/json' }, payload: deep });
    expect([tooDeep.statusCode, codeOf(tooDeep)]).toEqual([400, 'BODY_TOO_DEEP']);
    const query = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}/account-history?page=1%00`, token: (await e.admin()).token });
    expect([query.statusCode, codeOf(query)]).toEqual([400, 'TEXT_INVALID']);
  });

  it('holds the yearly cap against two submissions sent at once', async () => {
    const corp = await h.scene.enterprise(await pkiKey(h.pki));
    const clerk = (await corp.handler('clerk', { mobile: '13900007777', permissions: ['subsidy'] })).token;
    const base = `/api/enterprises/${corp.enterpriseId}/subsidy-applications`;
    const attachments = await uploadRequired(h, corp.enterpriseId, clerk, subsidyApplicationRequirements);
    const files = await uploadRequired(h, corp.enterpriseId, clerk, subsidyTalentRequirements);
    // Four talents at the per-talent cap: ¥200,000 each application, ¥400,000 together, over the ¥300,000 a year.
    const envelopes = await Promise.all(
      ['A', 'B'].map(async (tag) => {
        const draft = await h.call({ method: 'POST', url: `${base}?item=subsidy`, token: clerk, payload: { form: {} } });
        const id = (draft.json() as { id: string }).id;
        const talents = [0, 1, 2, 3].map((i) =>
          talent({ name: `John Smith ${tag}${i}`, idType: 'passport', idNumber: `E${tag === 'A' ? 1 : 2}234567${i}`, nationality: '英国', feePaidFen: 20_000_000, invoiceNumber: `320026000${tag === 'A' ? 1 : 2}${i}`, attachments: files }),
        );
        return { id, envelope: await signedSubsidy(corp.signer, subsidyPayload(corp, id, { attachments, talents })) };
      }),
    );
    expect(envelopes.map((x) => x.envelope.payload.amountRequestedFen)).toEqual([20_000_000, 20_000_000]);
    const answers = await Promise.all(envelopes.map(({ id, envelope }) => h.call({ method: 'POST', url: `${base}/${id}/submit?item=subsidy`, token: clerk, payload: envelope })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const refused = answers.find((r) => r.statusCode === 400)!;
    expect((refused.json() as { error: { issues: { code: string }[] } }).error.issues.map((i) => i.code)).toEqual(['AMOUNT_MISMATCH']);
    const live = await h.app.services.db.selectFrom('subsidy_applications').select('amount_requested_fen').where('enterprise_id', '=', corp.enterpriseId).where('status', '=', 'submitted').execute();
    expect(live.reduce((sum, r) => sum + Number(r.amount_requested_fen), 0)).toBeLessThanOrEqual(30_000_000);
  });
});

describeEachDatabase('throttled challenges', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { config: { challengesPerMinute: 5 } });
  });
  afterAll(() => h?.close());

  it('answers 429 with Retry-After to the sixth captcha or CA challenge in a minute from one address, not to another address', async () => {
    for (const url of ['/api/captcha', '/api/auth/ca/challenge']) {
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await h.call({ method: 'POST', url, remoteAddress: '192.0.2.7' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await h.call({ method: 'POST', url, remoteAddress: '192.0.2.7' });
      expect([codeOf(limited), Number(limited.headers['retry-after']) > 0]).toEqual(['RATE_LIMITED', true]);
      expect((await h.call({ method: 'POST', url, remoteAddress: '192.0.2.8' })).statusCode).toBe(200);
    }
    const rows = await h.app.services.db.selectFrom('captchas').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(6);
  });
});

describeEachDatabase('upload quotas', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { config: { uploadQuota: { enterpriseBytes: 3000, totalBytes: 6000 } } });
  });
  afterAll(() => h?.close());

  it('refuses an upload past the enterprise quota or the store quota (507), counting uploads still receiving', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const admin = { token: (await e.admin()).token, item: 'subsidy' };
    // The store already holds the scans of the enterprise's registration: the store's quota is 6,000 bytes more.
    const stored = await h.app.services.db.selectFrom('files').select((eb) => eb.fn.sum<number | string>('size').as('n')).executeTakeFirstOrThrow();
    h.app.services.config.uploadQuota.totalBytes = Number(stored.n ?? 0) + 6000;
    expect((await createUpload(h, admin, 2000)).statusCode).toBe(201);
    const over = await createUpload(h, admin, 1500);
    expect([over.statusCode, codeOf(over)]).toEqual([507, 'UPLOAD_QUOTA_EXCEEDED']);
    // Anonymous registration scans count to the store's quota.
    expect((await createUpload(h, { uploadToken: await newUploadToken(h) }, 3500)).statusCode).toBe(201);
    const full = await createUpload(h, { uploadToken: await newUploadToken(h) }, 1000);
    expect([full.statusCode, codeOf(full)]).toEqual([507, 'UPLOAD_QUOTA_EXCEEDED']);
  });
});
