import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { pdfBytes, staffToken } from '../../tests/fixtures/server/flows';
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
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h);
    const ea = await h.scene.enterprise(await pkiKey(h.pki));
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
});
