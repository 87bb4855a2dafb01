import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { pdfBytes, solveCaptcha, staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { newUploadToken, tusUploadResponse } from '../../tests/fixtures/server/uploads';

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);

describeEachDatabase('files', (engine) => {
  let h: Harness;
  let staff: string;
  let a: { id: string; token: string };
  let b: { id: string; token: string };
  let ea: PkiEnterprise;
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h);
    ea = await h.scene.enterprise(await pkiKey(h.pki));
    const eb = await h.scene.enterprise(await pkiKey(h.pki));
    a = { id: ea.enterpriseId, token: (await h.scene.signIn(ea.uscc, 'super', ea.superPassword)).token };
    b = { id: eb.enterpriseId, token: (await h.scene.signIn(eb.uscc, 'super', eb.superPassword)).token };
  });
  afterAll(() => h?.close());

  // Over tus (the one way to upload); the enterprise is the session's, the declared type is ignored by design.
  const upload = (_enterpriseId: string, token: string, bytes: Buffer, _type = 'application/octet-stream') =>
    tusUploadResponse(h, { token, item: 'subsidy' }, bytes);

  it('decides the type by content, not by the declared type, and addresses files by SHA-256', async () => {
    for (const [bytes, mediaType] of [[pdfBytes(), 'application/pdf'], [PNG, 'image/png'], [JPEG, 'image/jpeg']] as const) {
      // Declared as PDF whatever it is: the bytes decide.
      const res = await upload(a.id, a.token, bytes, 'application/pdf');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType });
    }
    const exe = await upload(a.id, a.token, Buffer.from('MZ\x90\x00 this is not a document'), 'application/pdf');
    expect([exe.statusCode, codeOf(exe)]).toEqual([415, 'FILE_TYPE_UNSUPPORTED']);
    const empty = await upload(a.id, a.token, Buffer.alloc(0));
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    expect(empty.statusCode).toBeLessThan(500);
  });

  it('refuses files over 25 MB before any byte is sent', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(25 * 1024 * 1024)]);
    const res = await upload(a.id, a.token, big, 'application/pdf');
    expect([res.statusCode, codeOf(res)]).toEqual([413, 'FILE_TOO_LARGE']);
  });

  it('serves a file to its enterprise and to staff, never to another enterprise', async () => {
    const bytes = pdfBytes('owned');
    const { sha256 } = (await upload(a.id, a.token, bytes)).json() as { sha256: string };
    const own = await h.call({ method: 'GET', url: `/api/enterprises/${a.id}/files/${sha256}`, token: a.token });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.equals(bytes)).toBe(true);
    expect((await h.call({ method: 'GET', url: `/api/enterprises/${a.id}/files/${sha256}`, token: staff })).statusCode).toBe(200);
    expect((await h.call({ method: 'GET', url: `/api/enterprises/${a.id}/files/${sha256}`, token: await staffToken(h, 'reviewer') })).statusCode).toBe(200);
    // B knows the hash but does not own the file: asking under its own id finds nothing.
    const other = await h.call({ method: 'GET', url: `/api/enterprises/${b.id}/files/${sha256}`, token: b.token });
    expect([other.statusCode, codeOf(other)]).toEqual([404, 'NOT_FOUND']);
  });

  it('keeps anonymously uploaded registration scans readable only once a registration makes them an enterprise\u2019s', async () => {
    const bytes = pdfBytes('orphan');
    const up = await tusUploadResponse(h, { uploadToken: await newUploadToken(h) }, bytes);
    const { sha256 } = up.json() as { sha256: string };
    expect((await h.call({ method: 'GET', url: `/api/enterprises/${a.id}/files/${sha256}`, token: a.token })).statusCode).toBe(404);
  });

  it('records every upload in the audit trail', async () => {
    const { sha256 } = (await upload(a.id, a.token, pdfBytes('audited'))).json() as { sha256: string };
    const row = await h.app.services.db.selectFrom('audit_log').selectAll().where('subject_id', '=', sha256).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'file.upload', actor_type: 'account', enterprise_id: a.id });
  });

  it('serves a service item\u2019s files only to accounts holding the item: a handler without subsidy cannot fetch them by hash', async () => {
    const { sha256 } = (await upload(a.id, a.token, pdfBytes('subsidy attachment'))).json() as { sha256: string };
    const url = `/api/enterprises/${a.id}/files/${sha256}`;
    const payer = await ea.handler('payer', { permissions: ['disbursement'] });
    const refused = await h.call({ method: 'GET', url, token: payer.token });
    expect([refused.statusCode, codeOf(refused)]).toEqual([404, 'NOT_FOUND']);
    const clerk = await ea.handler('clerk', { permissions: ['subsidy'] });
    expect((await h.call({ method: 'GET', url, token: clerk.token })).statusCode).toBe(200);
    // Registration scans (ID cards, licences): super and admin, no handler.
    const scan = await h.app.services.db.selectFrom('file_owners').select('sha256').where('enterprise_id', '=', a.id).where('item', '=', 'registration').executeTakeFirstOrThrow();
    const scanUrl = `/api/enterprises/${a.id}/files/${scan.sha256}`;
    expect((await h.call({ method: 'GET', url: scanUrl, token: clerk.token })).statusCode).toBe(404);
    expect((await h.call({ method: 'GET', url: scanUrl, token: (await ea.admin()).token })).statusCode).toBe(200);
  });

  it('serves enterprise files to staff by duty: subsidy attachments to reviewers and finance, ID cards and licences to the counter and support', async () => {
    const { sha256 } = (await upload(a.id, a.token, pdfBytes('reviewed'))).json() as { sha256: string };
    const scan = await h.app.services.db.selectFrom('file_owners').select('sha256').where('enterprise_id', '=', a.id).where('item', '=', 'registration').executeTakeFirstOrThrow();
    const status = async (hash: string, role: Parameters<typeof staffToken>[1]) =>
      (await h.call({ method: 'GET', url: `/api/enterprises/${a.id}/files/${hash}`, token: await staffToken(h, role) })).statusCode;
    expect(await Promise.all((['reviewer', 'finance', 'counter', 'support', 'admin'] as const).map((r) => status(sha256, r)))).toEqual([200, 200, 404, 404, 200]);
    expect(await Promise.all((['reviewer', 'finance', 'counter', 'support', 'admin'] as const).map((r) => status(scan.sha256, r)))).toEqual([404, 404, 200, 200, 200]);
  });

  it('lets a staff member on an initial password do nothing but change it, enterprise files and records included', async () => {
    const { sha256 } = (await upload(a.id, a.token, pdfBytes('initial'))).json() as { sha256: string };
    await h.call({ method: 'POST', url: '/api/staff/accounts', token: staff, payload: { username: 'fresh-reviewer', role: 'reviewer', initialPassword: 'Initial#Pass-77' } });
    const login = await h.call({ method: 'POST', url: '/api/staff/login', payload: { username: 'fresh-reviewer', password: 'Initial#Pass-77', captcha: await solveCaptcha(h) } });
    const token = (login.json() as { token: string }).token;
    for (const url of [`/api/enterprises/${a.id}/files/${sha256}`, `/api/enterprises/${a.id}`]) {
      const res = await h.call({ method: 'GET', url, token });
      expect([res.statusCode, codeOf(res)], url).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    }
  });
});
