/**
 * Housekeeping (domain/housekeeping.ts): abandoned registrations older than the retention go with their scans
 * (rows and bytes); younger and confirmed ones stay; a file anyone owns or references stays, whoever else listed
 * it; an upload racing a run keeps its file; every run leaves an audit row with its counts.
 *
 * The clock moves: everything "old" is made first, then the clock moves on six days, the "young" things are made,
 * and then two more days, so old = 8 days, young = 2 days against the 7-day retention.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registrationRequirements } from '@shared/contract/http/registration';
import type {} from '../db/schema-disbursement';
import type {} from '../db/schema-subsidy';
import type { StoredFile } from '../storage/file-store';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { harnessLink, pkiKey, scenario, type ScenarioEnterprise } from '../../tests/fixtures/scenario';
import {
  importRegistry,
  newEnterprise,
  pdfBytes,
  registrationPayload,
  signedRegistration,
  staffToken,
  type TestEnterprise,
} from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { newUploadToken, tusUpload } from '../../tests/fixtures/server/uploads';
import type { TestSigner } from '../../tests/fixtures/server/pki';
import { housekeepingSchedule, runHousekeeping } from './housekeeping';

const DAY = 24 * 3600;
const pngBytes = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${randomUUID()}`)]);

describeEachDatabase('housekeeping', (engine) => {
  let h: Harness;
  let staff: string;

  const fileOnDisk = (sha256: string) => path.join(h.dataDir, 'files', sha256.slice(0, 2), sha256);
  const exists = (sha256: string) =>
    stat(fileOnDisk(sha256)).then(
      () => true,
      () => false,
    );
  const rowOf = (sha256: string) => h.app.services.db.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  /** Row and bytes: both there (true), both gone (false); one without the other fails the test. */
  async function kept(sha256: string): Promise<boolean> {
    const [row, bytes] = [Boolean(await rowOf(sha256)), await exists(sha256)];
    expect(row, `row and bytes of ${sha256} disagree`).toBe(bytes);
    return row;
  }
  const registration = (id: string) => h.app.services.db.selectFrom('registrations').select(['id', 'status']).where('id', '=', id).executeTakeFirst();

  async function anonymousUpload(bytes: Buffer, uploadToken?: string) {
    return (await tusUpload(h, { uploadToken: uploadToken ?? (await newUploadToken(h)) }, bytes)) as { sha256: string; size: number; mediaType: 'application/pdf' };
  }
  async function scans(shared: Record<string, Buffer> = {}) {
    const out = [];
    const uploadToken = await newUploadToken(h);
    for (const requirement of registrationRequirements) out.push({ requirement, ...(await anonymousUpload(shared[requirement] ?? pdfBytes(requirement), uploadToken)) });
    return out;
  }
  async function submit(e: TestEnterprise, signer: TestSigner, attachments: unknown[]) {
    const res = await h.call({ method: 'POST', url: '/api/registrations', payload: await signedRegistration(signer, registrationPayload(e, attachments)) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { registrationId: string }).registrationId;
  }

  // The world, built once (see the file comment for the ages).
  let confirmed: ScenarioEnterprise;
  let confirmedRegistrationId: string;
  let confirmedScans: string[];
  let sharedWithEnterprise: string;
  let sharedWithYoung: string;
  let abandonedId: string;
  let abandonedOnly: string[];
  let neverSubmitted: string;
  let uploadedAgain: string;
  let uploadedAgainBytes: Buffer;
  let youngId: string;
  let youngScans: string[];
  let subsidyFiles: string[];
  let certificate: string;
  let photo: string;
  let expiredLinkId: string;
  let usedLinkId: string;
  /** Unowned old files kept alive only by one kind of reference each, made in the test that uses them. */
  let applicationId: string;

  beforeAll(async () => {
    h = await createHarness(engine);
    const db = h.app.services.db;
    staff = await staffToken(h);
    const scene = scenario(harnessLink(h));

    // A registered enterprise with a subsidy application taken to a paid-for receipt from the phone.
    confirmed = await scene.enterprise(await pkiKey(h.pki));
    const reg = await db.selectFrom('registrations').select('id').where('enterprise_id', '=', confirmed.enterpriseId).executeTakeFirstOrThrow();
    confirmedRegistrationId = reg.id;
    confirmedScans = (await db.selectFrom('file_owners').select('sha256').where('enterprise_id', '=', confirmed.enterpriseId).execute()).map((r) => r.sha256);
    expect(confirmedScans).toHaveLength(registrationRequirements.length);
    const admin = (await confirmed.admin()).token;
    const application = await confirmed.subsidyApplication(await confirmed.admin(), { talents: 1 });
    applicationId = application.id;
    const app = await db.selectFrom('subsidy_applications').select('form_json').where('id', '=', applicationId).executeTakeFirstOrThrow();
    subsidyFiles = [...new Set([...app.form_json.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]))];
    expect(subsidyFiles.length).toBeGreaterThan(1);
    await application.disbursementOpened();
    const base = `/api/enterprises/${confirmed.enterpriseId}`;
    const disb = `${base}/disbursements/${applicationId}`;
    const q = '?item=disbursement';
    const upload = async (bytes: Buffer, _type: string) => (await tusUpload(h, { token: admin, item: 'disbursement' }, bytes)).sha256;
    certificate = await upload(pdfBytes('employment certificate'), 'application/pdf');
    expect((await h.call({ method: 'PUT', url: `${disb}/talents/0/employment-certificate${q}`, token: admin, payload: { sha256: certificate } })).statusCode).toBe(200);
    const account = (
      await h.call({
        method: 'POST',
        url: `${base}/bank-accounts${q}`,
        token: admin,
        payload: { bankName: '中国工商银行', accountName: confirmed.name, accountNumber: '1102 0205 0900 0012 3456', branchName: '苏州工业园区支行', cnapsCode: '102305002056' },
      })
    ).json() as { id: string };
    const contact = (
      await h.call({ method: 'POST', url: `${base}/finance-contacts${q}`, token: admin, payload: { name: '钱八', mobile: '13600001111', phone: '0512-66881234', email: 'f@example.com' } })
    ).json() as { id: string };
    expect((await h.call({ method: 'PUT', url: `${disb}/payee${q}`, token: admin, payload: { bankAccountId: account.id, contactId: contact.id } })).statusCode).toBe(200);
    expect((await h.call({ method: 'GET', url: `${disb}/receipt.pdf${q}`, token: admin })).statusCode).toBe(200);
    const link = async () => (await h.call({ method: 'POST', url: `${disb}/receipt-links${q}`, token: admin, payload: {} })).json() as { linkId: string; url: string };
    expiredLinkId = (await link()).linkId; // superseded by the next one, never used
    const used = await link();
    usedLinkId = used.linkId;
    const shot = await h.call({ method: 'POST', url: `/api/phone/receipt-links/${used.url.split('#')[1]}/photo`, headers: { 'content-type': 'image/png' }, payload: pngBytes() });
    expect(shot.statusCode, shot.body).toBe(200);
    photo = (await db.selectFrom('receipt_links').select('photo_sha256').where('id', '=', usedLinkId).executeTakeFirstOrThrow()).photo_sha256!;
    const receipt = await h.call({ method: 'POST', url: `${disb}/receipt${q}`, token: admin, payload: { sha256: photo, source: 'phone' } });
    expect(receipt.statusCode, receipt.body).toBe(200);

    // The enterprise also uploads a scan whose bytes an abandoned registration lists too (content-addressed: one file).
    const sharedBytes = pdfBytes('shared with the enterprise');
    sharedWithEnterprise = await upload(sharedBytes, 'application/pdf');
    const youngSharedBytes = pdfBytes('shared with a young registration');

    // The abandoned registration: submitted, never confirmed.
    const abandoned = newEnterprise();
    const young = newEnterprise();
    await importRegistry(h, staff, [abandoned, young]);
    const abandonedSigner = await h.pki.issue({ uscc: abandoned.uscc, name: abandoned.name });
    const youngSigner = await h.pki.issue({ uscc: young.uscc, name: young.name });
    const [first, second] = registrationRequirements;
    const abandonedScans = await scans({ [first!]: sharedBytes, [second!]: youngSharedBytes });
    expect(abandonedScans[0]!.sha256).toBe(sharedWithEnterprise);
    sharedWithYoung = abandonedScans[1]!.sha256;
    abandonedOnly = abandonedScans.slice(2).map((s) => s.sha256);
    expect(abandonedOnly.length).toBeGreaterThan(0);
    abandonedId = await submit(abandoned, abandonedSigner, abandonedScans);
    // Scans uploaded and never submitted at all; and one uploaded again later.
    neverSubmitted = (await anonymousUpload(pdfBytes('never submitted'))).sha256;
    uploadedAgainBytes = pdfBytes('uploaded again');
    uploadedAgain = (await anonymousUpload(uploadedAgainBytes)).sha256;

    h.clock.advance(6 * DAY);
    // The young registration lists one scan of the abandoned one.
    const youngUploads = await scans({ [second!]: youngSharedBytes });
    youngScans = youngUploads.map((s) => s.sha256);
    expect(youngScans).toContain(sharedWithYoung);
    youngId = await submit(young, youngSigner, youngUploads);
    h.clock.advance(2 * DAY - 3600);
    // Uploaded again an hour before the runs: within the 24 hours an anonymous upload is kept.
    expect((await anonymousUpload(uploadedAgainBytes)).sha256).toBe(uploadedAgain);
    h.clock.advance(3600);
  });
  afterAll(() => h?.close());

  it('removes the abandoned registration and the scans nobody else has, rows and bytes; keeps everything else', async () => {
    // Before: everything is there.
    for (const sha of [...abandonedOnly, neverSubmitted]) expect(await kept(sha)).toBe(true);
    expect(await registration(abandonedId)).toBeDefined();

    const run = await runHousekeeping(h.app.services);
    expect(run.registrationIds).toEqual([abandonedId]);
    expect(run.counts.registrations).toBe(1);
    expect(run.counts.files).toBe(abandonedOnly.length + 1);

    expect(await registration(abandonedId)).toBeUndefined();
    for (const sha of [...abandonedOnly, neverSubmitted]) expect(await kept(sha), sha).toBe(false);

    // The young registration (2 days) and its scans, including the one the abandoned registration listed too.
    expect(await registration(youngId)).toMatchObject({ status: 'sms_pending' });
    for (const sha of youngScans) expect(await kept(sha), sha).toBe(true);
    // The confirmed registration (8 days old) and the enterprise's files: its scans, the one an abandoned
    // registration listed too, subsidy attachments, the employment certificate, the phone photo of the receipt.
    expect(await registration(confirmedRegistrationId)).toMatchObject({ status: 'completed' });
    for (const sha of [...confirmedScans, sharedWithEnterprise, ...subsidyFiles, certificate, photo]) expect(await kept(sha), sha).toBe(true);
    // An old upload whose bytes were uploaded again an hour ago: the second upload vouches for it.
    expect(await kept(uploadedAgain)).toBe(true);

    // Links: the used one keeps the photo's provenance; the one superseded and never used goes.
    const links = await h.app.services.db.selectFrom('receipt_links').select('id').where('application_id', '=', applicationId).execute();
    expect(links.map((l) => l.id)).toEqual([usedLinkId]);
    expect(run.counts.receiptLinks).toBe(1);
    expect(links.map((l) => l.id)).not.toContain(expiredLinkId);

    // The audit row of the run, with its counts.
    const audit = await h.app.services.db.selectFrom('audit_log').selectAll().where('action', '=', 'housekeeping.run').where('subject_id', '=', run.runId).executeTakeFirstOrThrow();
    expect(audit.actor_type).toBe('system');
    expect(JSON.parse(audit.after_json!)).toMatchObject({ registrations: 1, files: abandonedOnly.length + 1, receiptLinks: 1, registrationIds: [abandonedId], retentionDays: 7, anonymousUploadHours: 24, cutoff: run.cutoff });

    // A second run finds nothing more, and says so.
    const again = await runHousekeeping(h.app.services);
    expect(again.counts).toMatchObject({ registrations: 0, files: 0, receiptLinks: 0 });
  });

  it('removes an anonymous upload nothing references 24 hours after it, not before (issue 17 item 5)', async () => {
    const db = h.app.services.db;
    const ago = (hours: number) => new Date(h.clock.now().getTime() - hours * 3600_000).toISOString();
    const young = (await anonymousUpload(pdfBytes('anonymous, 23 hours'))).sha256;
    const old = (await anonymousUpload(pdfBytes('anonymous, 25 hours'))).sha256;
    await db.updateTable('files').set({ touched_at: ago(23), created_at: ago(23) }).where('sha256', '=', young).execute();
    await db.updateTable('files').set({ touched_at: ago(25), created_at: ago(25) }).where('sha256', '=', old).execute();
    const run = await runHousekeeping(h.app.services);
    expect(run.counts.files).toBe(1);
    expect(await kept(old)).toBe(false);
    expect(await kept(young)).toBe(true);
    // The young registration's scans are older than 24 hours too, and stay: it lists them.
    for (const sha of youngScans) expect(await kept(sha), sha).toBe(true);
    // The retention is configuration: with 48 hours the same age stays.
    const patient = await createHarness(engine, { config: { housekeeping: { intervalMinutes: 0, retentionDays: 7, anonymousUploadHours: 48 } } });
    try {
      const sha = (await tusUpload(patient, { uploadToken: await newUploadToken(patient) }, pdfBytes('anonymous, 25 hours, 48 kept'))).sha256;
      await patient.app.services.db.updateTable('files').set({ touched_at: ago(25), created_at: ago(25) }).where('sha256', '=', sha).execute();
      expect((await runHousekeeping(patient.app.services)).counts.files).toBe(0);
    } finally {
      await patient.close();
    }
  });

  it('keeps an unowned old file that any table references, and only those', async () => {
    const db = h.app.services.db;
    const now = h.clock.now().toISOString();
    // Old, unowned files (as if uploaded eight days ago), one per kind of reference, and one without any.
    const refs = ['form', 'returnComments', 'version', 'versionChanges', 'event', 'certificate', 'stamped', 'receiptContent', 'linkPhoto', 'registration'] as const;
    const files = Object.fromEntries(refs.map((r) => [r, '']) as [string, string][]) as Record<(typeof refs)[number] | 'none', string>;
    for (const r of [...refs, 'none'] as const) files[r] = (await anonymousUpload(pdfBytes(`reference ${r}`))).sha256;
    const old = new Date(h.clock.now().getTime() - 8 * DAY * 1000).toISOString();
    await db.updateTable('files').set({ touched_at: old, created_at: old }).where('sha256', 'in', Object.values(files)).execute();

    const other = (await db.selectFrom('subsidy_applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow());
    const draftId = randomUUID();
    await db
      .insertInto('subsidy_applications')
      .values({ ...other, id: draftId, status: 'draft', form_json: JSON.stringify({ attachments: [{ sha256: files.form }] }), return_json: JSON.stringify({ comments: [{ note: files.returnComments }] }), year: null, submitted_at: null })
      .execute();
    await db
      .insertInto('subsidy_versions')
      .values({
        id: randomUUID(), application_id: draftId, version: 1, idempotency_key: randomUUID(), payload_sha256: 'x', payload_json: JSON.stringify({ attachments: [{ sha256: files.version }] }),
        cms: '', certificate_der: '', signature_json: '{}', changes_json: JSON.stringify([{ before: files.versionChanges }]), created_at: now,
      })
      .execute();
    await db
      .insertInto('subsidy_events')
      .values({ id: randomUUID(), application_id: draftId, seq: 1, at: now, action: 'x', status: 'draft', actor_type: 'staff', actor_id: 'x', actor_name: 'x', comment: null, details_json: JSON.stringify({ sha256: files.event }) })
      .execute();
    await db.insertInto('employment_certificates').values({ id: randomUUID(), application_id: applicationId, talent_index: 9, seq: 1, sha256: files.certificate, uploaded_by: 'x', uploaded_at: now }).execute();
    await db.updateTable('disbursements').set({ stamped_sha256: files.stamped, receipt_content_json: JSON.stringify({ note: files.receiptContent }) }).where('application_id', '=', applicationId).execute();
    await db
      .insertInto('receipt_links')
      .values({ id: randomUUID(), application_id: applicationId, enterprise_id: confirmed.enterpriseId, token_hash: randomUUID(), created_by: 'x', created_at: now, expires_at: now, used_at: now, superseded_at: null, photo_sha256: files.linkPhoto })
      .execute();
    // A registration in progress that lists the file (only the payload says so).
    const pending = await db.selectFrom('registrations').selectAll().where('id', '=', youngId).executeTakeFirstOrThrow();
    await db.insertInto('registrations').values({ ...pending, id: randomUUID(), idempotency_key: randomUUID(), payload_json: JSON.stringify({ payload: { attachments: [{ sha256: files.registration }] } }) }).execute();

    const run = await runHousekeeping(h.app.services);
    expect(await kept(files.none)).toBe(false);
    for (const r of refs) expect(await kept(files[r]), r).toBe(true);
    expect(run.counts.files).toBe(1);
    // The previous stamped receipt (the photo) is still the enterprise's: owned, so kept too.
    expect(await kept(photo)).toBe(true);
  });

  it('an upload racing a run keeps its file, whichever goes first', async () => {
    const services = h.app.services;
    const put = services.files.put.bind(services.files);
    // Bytes uploaded long ago and abandoned: a run would remove them.
    const makeOld = async (bytes: Buffer) => {
      const { sha256 } = await anonymousUpload(bytes);
      const old = new Date(h.clock.now().getTime() - 8 * DAY * 1000).toISOString();
      await services.db.updateTable('files').set({ touched_at: old, created_at: old }).where('sha256', '=', sha256).execute();
      return sha256;
    };
    try {
      for (const when of ['before the upload records the file', 'after it recorded the file, before the bytes are in place'] as const) {
        const bytes = pdfBytes(when);
        const sha256 = await makeOld(bytes);
        let counted = -1;
        services.files.put = (source, maxBytes, beforePublish) =>
          put(source, maxBytes, async (file: StoredFile) => {
            if (when === 'before the upload records the file') {
              counted = (await runHousekeeping(services)).counts.files;
              await beforePublish?.(file);
            } else {
              await beforePublish?.(file);
              counted = (await runHousekeeping(services)).counts.files;
            }
          });
        const again = await anonymousUpload(bytes);
        services.files.put = put;
        expect(again.sha256).toBe(sha256);
        // Run first: it removed the old row and bytes, the upload put both back. Upload first: the run left them.
        expect(counted, when).toBe(when === 'before the upload records the file' ? 1 : 0);
        expect(await kept(sha256), when).toBe(true);
        const download = await h.app.services.files.open(sha256);
        expect(download, when).not.toBeNull();
        download?.destroy();
      }
    } finally {
      services.files.put = put;
    }
  });

  it('a registration submitted with a scan a run removed meanwhile is refused, not stored without its file', async () => {
    const e = newEnterprise();
    await importRegistry(h, await staffToken(h), [e]);
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const uploaded = await scans();
    const old = new Date(h.clock.now().getTime() - 8 * DAY * 1000).toISOString();
    await h.app.services.db.updateTable('files').set({ touched_at: old }).where('sha256', '=', uploaded[0]!.sha256).execute();
    await runHousekeeping(h.app.services);
    expect(await kept(uploaded[0]!.sha256)).toBe(false);
    const res = await h.call({ method: 'POST', url: '/api/registrations', payload: await signedRegistration(signer, registrationPayload(e, uploaded)) });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { error: { code: string } }).error.code).toBe('ATTACHMENT_MISSING');
    // Submitting renews the scans: a run right after it leaves them, the registration being young.
    const fresh = await scans();
    const id = await submit(e, signer, fresh);
    await h.app.services.db.updateTable('registrations').set({ updated_at: old, created_at: old }).where('id', '=', id).execute();
    // Even with the registration old and removed, its scans stay while their last use (the submit) is recent.
    const run = await runHousekeeping(h.app.services);
    expect(run.registrationIds).toContain(id);
    for (const s of fresh) expect(await kept(s.sha256)).toBe(true);
  });

  it('runs by itself once the server is ready when an interval is configured (the harness sets none)', async () => {
    const runs = async (x: Harness) =>
      (await x.app.services.db.selectFrom('audit_log').select('id').where('action', '=', 'housekeeping.run').execute()).length;
    const scheduled = await createHarness(engine, { config: { housekeeping: { intervalMinutes: 60, retentionDays: 7 } } });
    try {
      await scheduled.app.ready();
      await expect.poll(() => runs(scheduled), { timeout: 10_000 }).toBe(1);
    } finally {
      await scheduled.close();
    }
    // 0 minutes (the harness's setting): start() begins no run, so stop(), which waits for a run in progress,
    // returns with nothing written — no sleep needed to see that nothing happened.
    const before = await runs(h);
    const idle = housekeepingSchedule(h.app.services, h.app.log);
    idle.start();
    await idle.stop();
    expect(await runs(h)).toBe(before);
  });

  it('expired captchas and nonces, stale login failures and crash leftovers in the temporary folder go', async () => {
    const db = h.app.services.db;
    const now = h.clock.now();
    const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
    await db.insertInto('captchas').values([
      { id: randomUUID(), answer: 'OLD', expires_at: ago(2 * 3600), used_at: null },
      { id: randomUUID(), answer: 'NEW', expires_at: ago(-300), used_at: null },
    ]).execute();
    await db.insertInto('ca_nonces').values([
      { nonce: randomUUID(), expires_at: ago(2 * 3600), used_at: ago(2 * 3600) },
      { nonce: randomUUID(), expires_at: ago(-60), used_at: null },
    ]).execute();
    await db.insertInto('login_failures').values([
      { id: randomUUID(), subject: 'address:192.0.2.1', at: ago(2 * DAY) },
      { id: randomUUID(), subject: 'address:192.0.2.1', at: ago(60) },
    ]).execute();
    const tmp = path.join(h.dataDir, 'files', 'tmp');
    await mkdir(tmp, { recursive: true });
    const stale = path.join(tmp, randomUUID());
    const writing = path.join(tmp, randomUUID());
    await writeFile(stale, 'left by a crash');
    await writeFile(writing, 'an upload in progress');
    const twoDaysAgo = new Date(Date.now() - 2 * DAY * 1000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);

    const run = await runHousekeeping(h.app.services);
    expect(run.counts).toMatchObject({ captchas: 1, caNonces: 1, loginFailures: 1, temporaryFiles: 1 });
    expect((await db.selectFrom('captchas').select('answer').where('expires_at', '<', now.toISOString()).execute()).map((c) => c.answer)).not.toContain('OLD');
    expect((await db.selectFrom('captchas').select('answer').execute()).map((c) => c.answer)).toContain('NEW');
    await expect(stat(stale)).rejects.toThrow();
    await expect(stat(writing)).resolves.toBeTruthy();
  });
});
