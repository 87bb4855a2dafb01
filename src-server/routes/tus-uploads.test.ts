/**
 * The tus routes as clients rely on them: who may create, resume, read or cancel an upload, what the last byte
 * turns it into (type by content, the SHA-256 of the stored bytes), and that a registration can only list scans
 * uploaded under its own token.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { pkiKey } from '../../tests/fixtures/scenario';
import { importRegistry, newEnterprise, pdfBytes, registrationPayload, signedRegistration, staffToken, uploadRegistrationScans } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import type {} from '../db/schema-uploads';
import { runHousekeeping } from '../domain/housekeeping';
import { createUpload, newUploadToken, patchUpload, tusUploadResponse } from '../../tests/fixtures/server/uploads';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeEachDatabase('tus uploads', (engine) => {
  let h: Harness;
  let staff: string;
  let a: string;
  let b: string;
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h);
    const ea = await h.scene.enterprise(await pkiKey(h.pki));
    const eb = await h.scene.enterprise(await pkiKey(h.pki));
    a = (await h.scene.signIn(ea.uscc, 'super', ea.superPassword)).token;
    b = (await h.scene.signIn(eb.uscc, 'super', eb.superPassword)).token;
  });
  afterAll(() => h?.close());

  it('refuses anonymous creation, a forged session and staff', async () => {
    const anonymous = await h.call({ method: 'POST', url: '/api/uploads', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect([anonymous.statusCode, codeOf(anonymous)]).toEqual([401, 'AUTH_REQUIRED']);
    const forgedToken = await h.call({ method: 'POST', url: '/api/uploads', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-token': 'A'.repeat(43) } });
    expect([forgedToken.statusCode, codeOf(forgedToken)]).toEqual([401, 'UPLOAD_TOKEN_INVALID']);
    const byStaff = await createUpload(h, { token: staff, item: 'subsidy' }, 10);
    expect([byStaff.statusCode, codeOf(byStaff)]).toEqual([403, 'FORBIDDEN']);
    const noItem = await h.call({ method: 'POST', url: '/api/uploads', token: a, headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect([noItem.statusCode, codeOf(noItem)]).toEqual([400, 'BODY_INVALID']);
  });

  it('resumes from the offset the server has, and the result is the SHA-256 of all the bytes', async () => {
    const bytes = Buffer.concat([pdfBytes('resumed'), Buffer.alloc(200_000, 1)]);
    const auth = { token: a, item: 'subsidy' };
    const created = await createUpload(h, auth, bytes.length);
    expect(created.statusCode, created.body).toBe(201);
    const location = String(created.headers.location);
    expect((await patchUpload(h, auth, location, 0, bytes.subarray(0, 70_000))).statusCode).toBe(204);
    const head = await h.call({ method: 'HEAD', url: location, token: a, headers: { 'tus-resumable': '1.0.0' } });
    expect(head.headers['upload-offset']).toBe('70000');
    const early = await h.call({ method: 'GET', url: `${location}/file`, token: a });
    expect([early.statusCode, codeOf(early)]).toEqual([409, 'UPLOAD_INCOMPLETE']);
    const stale = await patchUpload(h, auth, location, 0, bytes);
    expect([stale.statusCode, codeOf(stale)]).toEqual([409, 'UPLOAD_OFFSET_CONFLICT']);
    expect((await patchUpload(h, auth, location, 70_000, bytes.subarray(70_000))).statusCode).toBe(204);
    const file = await h.call({ method: 'GET', url: `${location}/file`, token: a });
    expect(file.json()).toEqual({ sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' });
    const done = await h.call({ method: 'HEAD', url: location, token: a, headers: { 'tus-resumable': '1.0.0' } });
    expect([done.statusCode, done.headers['upload-offset']]).toEqual([200, String(bytes.length)]);
  });

  it('lets nobody but its creator see, resume or cancel an upload (404)', async () => {
    const bytes = pdfBytes('private');
    const created = await createUpload(h, { token: a, item: 'subsidy' }, bytes.length);
    const location = String(created.headers.location);
    const scanToken = await newUploadToken(h);
    for (const other of [{ token: b }, { headers: { 'upload-token': scanToken } }]) {
      for (const method of ['HEAD', 'DELETE'] as const) {
        const res = await h.call({ method, url: location, ...other, headers: { 'tus-resumable': '1.0.0', ...('headers' in other ? other.headers : {}) } });
        expect(res.statusCode, `${method} ${JSON.stringify(other)}`).toBe(404);
      }
    }
    const patched = await patchUpload(h, { token: b, item: 'subsidy' }, location, 0, bytes);
    expect([patched.statusCode, codeOf(patched)]).toEqual([404, 'NOT_FOUND']);
    const read = await h.call({ method: 'GET', url: `${location}/file`, token: b });
    expect([read.statusCode, codeOf(read)]).toEqual([404, 'NOT_FOUND']);
  });

  it('decides the type by the bytes: anything but PDF, JPEG or PNG is refused at the last byte', async () => {
    const exe = Buffer.from('MZ\x90\x00 this is not a document, whatever its name says');
    const res = await tusUploadResponse(h, { token: a, item: 'subsidy' }, exe);
    expect([res.statusCode, codeOf(res)]).toEqual([415, 'FILE_TYPE_UNSUPPORTED']);
    const stored = await h.app.services.db.selectFrom('files').select('sha256').where('sha256', '=', sha256(exe)).executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it('refuses an Upload-Length over 25 MB at creation', async () => {
    const res = await createUpload(h, { token: a, item: 'subsidy' }, 25 * 1024 * 1024 + 1);
    expect([res.statusCode, codeOf(res)]).toEqual([413, 'FILE_TOO_LARGE']);
  });

  it('housekeeping removes unfinished uploads a day old with their partial bytes, and expired attempts\u2019 tokens', async () => {
    const { db, partialUploads } = h.app.services;
    const bytes = pdfBytes('abandoned');
    const uploadToken = await newUploadToken(h);
    const auth = { uploadToken };
    const [old, fresh] = [await createUpload(h, auth, bytes.length + 10), await createUpload(h, auth, bytes.length + 10)];
    for (const res of [old, fresh]) expect((await patchUpload(h, auth, String(res.headers.location), 0, bytes)).statusCode).toBe(204);
    const idOf = (res: typeof old) => String(res.headers.location).split('/').pop()!;
    const twoDaysAgo = new Date(h.clock.now().getTime() - 2 * 86_400_000).toISOString();
    await db.updateTable('uploads').set({ created_at: twoDaysAgo }).where('id', '=', idOf(old)).execute();
    const run = await runHousekeeping(h.app.services);
    expect(run.counts.unfinishedUploads).toBe(1);
    await expect(partialUploads.getUpload(idOf(old))).rejects.toBeTruthy();
    expect((await partialUploads.getUpload(idOf(fresh))).offset).toBe(bytes.length);
    const gone = await h.call({ method: 'HEAD', url: String(old.headers.location), headers: { 'tus-resumable': '1.0.0', 'upload-token': uploadToken } });
    expect(gone.statusCode).toBe(404);

    await db.updateTable('upload_tokens').set({ expires_at: new Date(h.clock.now().getTime() - 8 * 86_400_000).toISOString() }).execute();
    expect((await runHousekeeping(h.app.services)).counts.uploadTokens).toBeGreaterThanOrEqual(1);
    const refused = await createUpload(h, auth, 10);
    expect([refused.statusCode, codeOf(refused)]).toEqual([401, 'UPLOAD_TOKEN_INVALID']);
  });

  it('binds registration scans to their attempt: a submit may list only scans uploaded under its token', async () => {
    const e = newEnterprise();
    await importRegistry(h, staff, [e]);
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const scans = await uploadRegistrationScans(h);
    const body = await signedRegistration(signer, registrationPayload(e, scans));
    const otherAttempt = await h.call({ method: 'POST', url: '/api/registrations', payload: { ...body, uploadToken: await newUploadToken(h) } });
    expect([otherAttempt.statusCode, codeOf(otherAttempt)]).toEqual([422, 'ATTACHMENT_MISSING']);
    const unknown = await h.call({ method: 'POST', url: '/api/registrations', payload: { ...body, uploadToken: 'Q'.repeat(43) } });
    expect([unknown.statusCode, codeOf(unknown)]).toEqual([401, 'UPLOAD_TOKEN_INVALID']);
    const own = await h.call({ method: 'POST', url: '/api/registrations', payload: body });
    expect(own.statusCode, own.body).toBe(200);
  });
});
