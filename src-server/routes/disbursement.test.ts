/**
 * Disbursement and receipt end to end over HTTP (issue 7, manual 001 §2): finance opens the disbursement after
 * publicity → the enterprise uploads employment certificates, saves and chooses a bank account and a contact →
 * downloads the receipt PDF → uploads the stamped receipt from the phone through a one-time link → finance
 * returns it → the enterprise uploads again from the PC → finance accepts (paid); the contact is told by SMS and
 * e-mail. Refusals: another enterprise, a handler without the item, reviewers on finance routes, bad bank
 * accounts, an unfinished disbursement, expired / used / superseded links, two phones racing one link.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneReceiptInfoSchema, RECEIPT_FRAME_ASPECT, RECEIPT_LINK_TTL_MINUTES } from '@shared/contract/http/disbursement';
import { fenToCapitals } from '@shared/money/capital';
// The disbursement tables' types, for the queries that read the store directly.
import type {} from '../db/schema-disbursement';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { chinaDay, harnessLink, pkiKey, scenario, type Account, type Scenario, type ScenarioEnterprise } from '../../tests/fixtures/scenario';
import { pdfBytes } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { tusUpload } from '../../tests/fixtures/server/uploads';
import { decodeMime, startSmtp } from '../../tests/fixtures/server/smtp';
import { CONTACT, TALENT_ID_NUMBER } from '../../tests/fixtures/server/subsidy';

const run = promisify(execFile);
const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const issuesOf = (res: { json(): unknown }) => (res.json() as { error: { issues?: { path: string; code: string }[] } }).error.issues ?? [];

let photoCounter = 0;
/** Bytes that sniff as a PNG (the server keeps the bytes; it does not decode them), different each time. */
const pngBytes = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${process.pid} ${photoCounter++} ${randomUUID()}`)]);
const jpegBytes = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jpeg ${randomUUID()}`)]);

describeEachDatabase('disbursement and receipt', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let scene: Scenario;
  let staffAdmin: string;
  let reviewer: string;
  let finance: Account;
  let a: ScenarioEnterprise;
  let b: ScenarioEnterprise;
  let superB: string;
  let clerk: string;
  let noItem: string;
  let dir: string;

  const q = '?item=disbursement';
  const ent = (e: ScenarioEnterprise = a) => `/api/enterprises/${e.enterpriseId}`;
  const disb = (id: string, e: ScenarioEnterprise = a) => `${ent(e)}/disbursements/${id}`;
  const get = (url: string, token = clerk) => h.call({ method: 'GET', url, token });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload: unknown, token = clerk) =>
    h.call({ method, url, token, ...(payload === undefined ? {} : { payload: payload as object }) });
  const staffCall = (method: 'GET' | 'POST', url: string, token: string, payload: object = {}) =>
    h.call({ method, url, token, ...(method === 'POST' ? { payload } : {}) });
  // Over tus: the session says whose file it is, the bytes what type it is.
  const upload = async (bytes: Buffer, _type: string, token = clerk, _e = a) => (await tusUpload(h, { token, item: 'disbursement' }, bytes)).sha256;
  const phone = (token: string, bytes?: Buffer, type = 'image/png') =>
    bytes
      ? h.call({ method: 'POST', url: `/api/phone/receipt-links/${token}/photo`, headers: { 'content-type': type }, payload: bytes })
      : h.call({ method: 'GET', url: `/api/phone/receipt-links/${token}` });
  const tokenOf = (url: string) => url.split('#')[1]!;
  const smsTo = async (mobile: string) =>
    (await h.app.services.db.selectFrom('sms_outbox').select('text').where('mobile', '=', mobile).orderBy('created_at').execute()).map((r) => r.text);
  const bankInput = (overrides: Record<string, unknown> = {}) => ({
    bankName: '中国工商银行',
    accountName: a.name,
    accountNumber: '1102 0205 0900 0012 3456',
    branchName: '苏州工业园区支行',
    cnapsCode: '102305002056',
    ...overrides,
  });
  const contactInput = { name: '钱八', mobile: '13600001111', phone: '0512-66881234', email: 'finance@example.com' };

  /** An application of A opened for disbursement, with certificates, a bank account and a contact chosen. */
  async function readyDisbursement(talents = 1) {
    const { applicationId, disbursementOpened } = await a.subsidyApplication(await a.admin(), { talents });
    const opened = await disbursementOpened({ finance });
    for (let i = 0; i < talents; i++) {
      const cert = await upload(pdfBytes(`certificate ${i}`), 'application/pdf');
      expect((await send('PUT', `${disb(applicationId)}/talents/${i}/employment-certificate${q}`, { sha256: cert })).statusCode).toBe(200);
    }
    const account = (await send('POST', `${ent()}/bank-accounts${q}`, bankInput())).json() as { id: string };
    const contact = (await send('POST', `${ent()}/finance-contacts${q}`, contactInput)).json() as { id: string };
    const payee = await send('PUT', `${disb(applicationId)}/payee${q}`, { bankAccountId: account.id, contactId: contact.id });
    expect(payee.statusCode, payee.body).toBe(200);
    expect((payee.json() as { missing: string[] }).missing).toEqual([]);
    return { applicationId, receiptNumber: opened.receiptNumber };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-disbursement-'));
    smtp = await startSmtp();
    h = await createHarness(engine, { config: { smtpUrl: smtp.url, mailFrom: 'Tongban <noreply@tongban.test>' } });
    scene = scenario(harnessLink(h));
    staffAdmin = await scene.link.staffAdminToken();
    reviewer = (await scene.staff('reviewer')).token;
    finance = await scene.staff('finance');
    a = await scene.enterprise(await pkiKey(h.pki));
    b = await scene.enterprise(await pkiKey(h.pki));
    superB = (await scene.signIn(b.uscc, 'super', b.superPassword)).token;
    clerk = (await a.handler('caiwu', { mobile: '13900004444', permissions: ['disbursement'] })).token;
    noItem = (await a.handler('shenqing', { mobile: '13900005555', permissions: ['subsidy'] })).token;
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs open → certificates → bank account and contact → receipt PDF → phone upload → returned → PC upload → paid', async () => {
    const application = await a.subsidyApplication(await a.admin());
    const { applicationId } = application;
    smtp.mails.length = 0;
    const smsBefore = (await smsTo(CONTACT.mobile)).length;
    const opened = await application.disbursementOpened({ finance, amountFen: 1_500_000 });
    expect(opened.receiptNumber).toMatch(new RegExp(`^TB${chinaDay(0).slice(0, 4)}\\d{6}$`));
    expect(opened.view).toMatchObject({ status: 'disbursement_pending', amountFen: 1_500_000, allowedActions: [] });

    // The enterprise's list and view.
    const list = (await get(`${ent()}/disbursements${q}`)).json() as { disbursements: { applicationId: string; receiptNumber: string; status: string }[] };
    expect(list.disbursements.find((d) => d.applicationId === applicationId)).toMatchObject({ receiptNumber: opened.receiptNumber, status: 'disbursement_pending' });
    const first = (await get(`${disb(applicationId)}${q}`)).json() as Record<string, unknown> & { talents: { name: string; idNumberMasked: string }[]; timeline: { action: string; actor: { name: string; id: string } }[] };
    expect(first).toMatchObject({
      enterprise: { name: a.name, uscc: a.uscc },
      itemName: '高层次和紧缺人才招聘补贴',
      receiptNumber: opened.receiptNumber,
      missing: ['employmentCertificate:0', 'employmentCertificate:1', 'bankAccount', 'contact'],
      bankAccount: null,
      contact: null,
      stampedReceipt: null,
    });
    expect(first.talents.map((t) => [t.name, t.idNumberMasked])).toEqual([
      ['陈七', `320${'*'.repeat(11)}${TALENT_ID_NUMBER.slice(-4)}`],
      ['John Smith 1', 'E12**5671'],
    ]);
    expect(first.timeline.at(-1)).toMatchObject({ action: 'openDisbursement', actor: { type: 'staff', id: '', name: '财务人员' } });

    // Nothing to print or photograph yet.
    const early = await get(`${disb(applicationId)}/receipt.pdf${q}`);
    expect([early.statusCode, codeOf(early)]).toEqual([409, 'DISBURSEMENT_INCOMPLETE']);
    const earlyLink = await send('POST', `${disb(applicationId)}/receipt-links${q}`, {});
    expect([earlyLink.statusCode, codeOf(earlyLink)]).toEqual([409, 'DISBURSEMENT_INCOMPLETE']);

    // Employment certificates: the latest per talent shows, the history is kept.
    const cert0 = await upload(pdfBytes('certificate 0'), 'application/pdf');
    const cert0b = await upload(jpegBytes(), 'image/jpeg');
    const cert1 = await upload(pdfBytes('certificate 1'), 'application/pdf');
    for (const [i, sha] of [[0, cert0], [0, cert0b], [1, cert1]] as const) {
      const res = await send('PUT', `${disb(applicationId)}/talents/${i}/employment-certificate${q}`, { sha256: sha });
      expect(res.statusCode, res.body).toBe(200);
    }
    const noTalent = await send('PUT', `${disb(applicationId)}/talents/2/employment-certificate${q}`, { sha256: cert1 });
    expect([noTalent.statusCode, issuesOf(noTalent)]).toEqual([400, [{ path: 'params.talentIndex', code: 'TALENT_NOT_FOUND' }]]);
    const foreignFile = await upload(pdfBytes('B'), 'application/pdf', superB, b);
    const notMine = await send('PUT', `${disb(applicationId)}/talents/1/employment-certificate${q}`, { sha256: foreignFile });
    expect(issuesOf(notMine)).toEqual([{ path: 'body.sha256', code: 'not_uploaded' }]);
    const withCerts = (await get(`${disb(applicationId)}${q}`)).json() as { talents: { employmentCertificate: { sha256: string; mediaType: string } | null }[]; missing: string[] };
    expect(withCerts.talents.map((t) => t.employmentCertificate?.sha256)).toEqual([cert0b, cert1]);
    expect(withCerts.talents[0]!.employmentCertificate!.mediaType).toBe('image/jpeg');
    expect(withCerts.missing).toEqual(['bankAccount', 'contact']);
    const history = await h.app.services.db.selectFrom('employment_certificates').select(['talent_index', 'sha256']).where('application_id', '=', applicationId).orderBy('talent_index').orderBy('seq').execute();
    expect(history.map((r) => [Number(r.talent_index), r.sha256])).toEqual([[0, cert0], [0, cert0b], [1, cert1]]);

    // A bank account in the enterprise's name (ASCII brackets and spaces are not another name), and a contact.
    const account = await send('POST', `${ent()}/bank-accounts${q}`, bankInput({ accountName: ` ${a.name} ` }));
    expect(account.statusCode, account.body).toBe(200);
    expect(account.json()).toMatchObject({ accountName: a.name, accountNumber: '11020205090000123456', cnapsCode: '102305002056' });
    const accountId = (account.json() as { id: string }).id;
    const contact = await send('POST', `${ent()}/finance-contacts${q}`, contactInput);
    expect(contact.statusCode, contact.body).toBe(200);
    const contactId = (contact.json() as { id: string }).id;
    const payee = await send('PUT', `${disb(applicationId)}/payee${q}`, { bankAccountId: accountId, contactId });
    expect(payee.statusCode, payee.body).toBe(200);
    expect(payee.json()).toMatchObject({ missing: [], bankAccount: { id: accountId, bankName: '中国工商银行' }, contact: { id: contactId, name: '钱八' } });

    // The receipt PDF: what pdftotext reads from it.
    const pdf = await get(`${disb(applicationId)}/receipt.pdf${q}`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`receipt-${opened.receiptNumber}.pdf`);
    const file = path.join(dir, `${engine}.pdf`);
    await writeFile(file, pdf.rawPayload);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    for (const s of [a.name, a.uscc, opened.receiptNumber, '壹万伍仟元整', '¥15,000.00', '苏州工业园区劳动和社会保障局', '1102 0205 0900 0012 3456', '钱八', '收款单位（盖章）']) {
      expect(text, s).toContain(s);
    }
    expect(fenToCapitals(1_500_000)).toBe('壹万伍仟元整');

    // The phone link: a new one supersedes the first; the phone sees only what it needs.
    const link1 = (await send('POST', `${disb(applicationId)}/receipt-links${q}`, {})).json() as { linkId: string; url: string; expiresAt: string };
    expect(link1.url).toMatch(new RegExp(`^${TEST_ORIGIN}/m/receipt#[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(link1.expiresAt) - h.clock.now().getTime()).toBeGreaterThan((RECEIPT_LINK_TTL_MINUTES - 1) * 60_000);
    expect((await get(`${disb(applicationId)}/receipt-links/${link1.linkId}${q}`)).json()).toMatchObject({ state: 'waiting', photo: null });
    const stored = await h.app.services.db.selectFrom('receipt_links').select('token_hash').where('id', '=', link1.linkId).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(tokenOf(link1.url));
    const info = await phone(tokenOf(link1.url));
    expect(info.statusCode, info.body).toBe(200);
    expect(Object.keys(info.json() as object).sort()).toEqual(Object.keys(phoneReceiptInfoSchema.shape).sort());
    expect(info.json()).toMatchObject({ enterpriseName: a.name, receiptNumber: opened.receiptNumber, amountFen: 1_500_000, frameAspect: RECEIPT_FRAME_ASPECT });
    expect(info.headers['cache-control']).toBe('no-store');

    const link2 = (await send('POST', `${disb(applicationId)}/receipt-links${q}`, {})).json() as { linkId: string; url: string };
    expect((await get(`${disb(applicationId)}/receipt-links/${link1.linkId}${q}`)).json()).toMatchObject({ state: 'superseded' });
    const old = await phone(tokenOf(link1.url));
    expect([old.statusCode, codeOf(old)]).toEqual([404, 'RECEIPT_LINK_INVALID']);
    const oldUpload = await phone(tokenOf(link1.url), pngBytes());
    expect([oldUpload.statusCode, codeOf(oldUpload)]).toEqual([404, 'RECEIPT_LINK_INVALID']);

    // A PDF is not a photo; the link stays usable.
    const notPhoto = await phone(tokenOf(link2.url), pdfBytes('not a photo'), 'application/pdf');
    expect([notPhoto.statusCode, codeOf(notPhoto)]).toEqual([415, 'FILE_TYPE_UNSUPPORTED']);
    const photo = pngBytes();
    const uploaded = await phone(tokenOf(link2.url), photo);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toEqual({ ok: true, receiptNumber: opened.receiptNumber });
    const again = await phone(tokenOf(link2.url), pngBytes());
    expect([again.statusCode, codeOf(again)]).toEqual([410, 'RECEIPT_LINK_USED']);
    expect(codeOf(await phone(tokenOf(link2.url)))).toBe('RECEIPT_LINK_USED');
    const polled = (await get(`${disb(applicationId)}/receipt-links/${link2.linkId}${q}`)).json() as { state: string; photo: { sha256: string; mediaType: string } };
    expect(polled).toMatchObject({ state: 'uploaded', photo: { mediaType: 'image/png' } });
    // The photo is the enterprise's file now.
    const download = await get(`${ent()}/files/${polled.photo.sha256}`);
    expect([download.statusCode, download.rawPayload.equals(photo)]).toEqual([200, true]);

    const submitted = await send('POST', `${disb(applicationId)}/receipt${q}`, { sha256: polled.photo.sha256, source: 'phone' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'receipt_submitted', stampedReceipt: { sha256: polled.photo.sha256, source: 'phone', mediaType: 'image/png' } });
    // Changes are closed while finance checks the receipt.
    const late = await send('PUT', `${disb(applicationId)}/payee${q}`, { bankAccountId: accountId, contactId });
    expect([late.statusCode, codeOf(late)]).toEqual([409, 'SUBSIDY_STATE_CONFLICT']);

    // Finance: queue, view, the receipt as printed, return with a reason.
    const queue = (await staffCall('GET', `/api/staff/disbursements?status=receipt_submitted&q=${encodeURIComponent(a.uscc)}`, finance.token)).json() as { total: number; disbursements: { applicationId: string }[] };
    expect(queue.disbursements.map((d) => d.applicationId)).toContain(applicationId);
    const byNumber = (await staffCall('GET', `/api/staff/disbursements?q=${opened.receiptNumber}`, finance.token)).json() as { total: number };
    expect(byNumber.total).toBe(1);
    const staffView = (await staffCall('GET', `/api/staff/disbursements/${applicationId}`, finance.token)).json() as { allowedActions: string[]; timeline: { actor: { name: string } }[] };
    expect(staffView.allowedActions).toEqual(['acceptReceipt', 'returnReceipt']);
    expect(staffView.timeline.at(-2)!.actor.name).toBe(finance.username);
    const printed = await staffCall('GET', `/api/staff/disbursements/${applicationId}/receipt.pdf`, finance.token);
    expect([printed.statusCode, printed.headers['content-type']]).toEqual([200, 'application/pdf']);
    const returned = await staffCall('POST', `/api/staff/disbursements/${applicationId}/return`, finance.token, { reason: '公章不清晰，请重新盖章后上传' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'receipt_returned', returnReason: '公章不清晰，请重新盖章后上传' });
    expect((await get(`${disb(applicationId)}${q}`)).json()).toMatchObject({ status: 'receipt_returned', returnReason: '公章不清晰，请重新盖章后上传' });

    // Uploaded again from the PC (a scan), accepted: paid.
    const scan = await upload(pdfBytes('stamped receipt scan'), 'application/pdf');
    const notPhone = await send('POST', `${disb(applicationId)}/receipt${q}`, { sha256: scan, source: 'phone' });
    expect(issuesOf(notPhone)).toEqual([{ path: 'body.source', code: 'NOT_A_PHONE_PHOTO' }]);
    const resubmitted = await send('POST', `${disb(applicationId)}/receipt${q}`, { sha256: scan, source: 'pc' });
    expect(resubmitted.json()).toMatchObject({ status: 'receipt_submitted', stampedReceipt: { sha256: scan, source: 'pc' } });
    // Four-eyes: the staff admin approved this application (scenario), so it cannot mark it paid, though it holds the duty.
    const selfPaid = await staffCall('POST', `/api/staff/disbursements/${applicationId}/accept`, staffAdmin, { comment: '已核对' });
    expect([selfPaid.statusCode, codeOf(selfPaid)]).toEqual([403, 'FOUR_EYES_REQUIRED']);
    const paid = await staffCall('POST', `/api/staff/disbursements/${applicationId}/accept`, finance.token, { comment: '已核对' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', allowedActions: [] });
    const done = (await get(`${disb(applicationId)}${q}`)).json() as { status: string; paidAt: string | null; timeline: { action: string; actor: { name: string } }[] };
    expect(done.paidAt).not.toBeNull();
    expect(done.timeline.slice(-6).map((e) => [e.action, e.actor.name])).toEqual([
      ['startPublicity', '审核人员'],
      ['openDisbursement', '财务人员'],
      ['submitReceipt', expect.stringContaining('caiwu')],
      ['returnReceipt', '财务人员'],
      ['submitReceipt', expect.stringContaining('caiwu')],
      ['acceptReceipt', '财务人员'],
    ]);
    const conflict = await staffCall('POST', `/api/staff/disbursements/${applicationId}/return`, finance.token, { reason: 'x' });
    expect([conflict.statusCode, codeOf(conflict)]).toEqual([409, 'SUBSIDY_STATE_CONFLICT']);

    // The contact was told at each step: opened, returned (with the reason), paid (with the amount).
    const texts = (await smsTo(CONTACT.mobile)).slice(smsBefore);
    const opening = texts.find((t) => t.includes('资金拨付已启动'))!;
    expect(opening).toContain(opened.receiptNumber);
    expect(opening).toMatch(/在职证明.*银行账户.*打印收据/);
    expect(texts.some((t) => t.includes('收据') && t.includes('已被退回') && t.includes('原因：公章不清晰，请重新盖章后上传'))).toBe(true);
    expect(texts.at(-1)).toContain('资金已拨付，金额 15,000.00 元');
    await expect.poll(() => smtp.mails.map((m) => decodeMime(m.raw)).filter((t) => t.includes('资金已拨付')).length).toBe(1);
    const mails = smtp.mails.map((m) => decodeMime(m.raw));
    expect(mails.some((t) => t.includes('原因：公章不清晰，请重新盖章后上传'))).toBe(true);
    expect(mails.some((t) => t.includes('资金拨付已启动'))).toBe(true);

    // The audit trail has the disbursement steps.
    const audit = await h.app.services.db.selectFrom('audit_log').select('action').where('subject_id', '=', applicationId).execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['subsidy.openDisbursement', 'disbursement.employment_certificate', 'disbursement.payee', 'disbursement.receipt_link', 'disbursement.phone_photo', 'subsidy.submitReceipt', 'subsidy.returnReceipt', 'subsidy.acceptReceipt']),
    );
  });

  it('validates bank accounts and audits every change of accounts and contacts with before and after', async () => {
    const mismatch = await send('POST', `${ent()}/bank-accounts${q}`, bankInput({ accountName: '苏州别家科技有限公司' }));
    expect([mismatch.statusCode, codeOf(mismatch)]).toEqual([400, 'BANK_ACCOUNT_NAME_MISMATCH']);
    const badNumber = await send('POST', `${ent()}/bank-accounts${q}`, bankInput({ accountNumber: '6222-ABC' }));
    expect([badNumber.statusCode, issuesOf(badNumber)]).toEqual([400, [{ path: 'body.accountNumber', code: 'BANK_ACCOUNT_NUMBER_INVALID' }]]);
    const badCnaps = await send('POST', `${ent()}/bank-accounts${q}`, bankInput({ cnapsCode: '12345' }));
    expect(issuesOf(badCnaps)).toEqual([{ path: 'body.cnapsCode', code: 'CNAPS_INVALID' }]);
    const noCnaps = await send('POST', `${ent()}/bank-accounts${q}`, bankInput({ cnapsCode: undefined, branchName: undefined }));
    expect(noCnaps.json()).toMatchObject({ cnapsCode: '', branchName: '' });
    const badContact = await send('POST', `${ent()}/finance-contacts${q}`, { ...contactInput, mobile: '12345', phone: 'call me' });
    expect(issuesOf(badContact).map((i) => i.path).sort()).toEqual(['body.mobile', 'body.phone']);

    const created = (await send('POST', `${ent()}/bank-accounts${q}`, bankInput())).json() as { id: string };
    const updated = await send('PUT', `${ent()}/bank-accounts/${created.id}${q}`, bankInput({ bankName: '中国银行', accountNumber: '6216 6100 0000 1234' }));
    expect(updated.json()).toMatchObject({ id: created.id, bankName: '中国银行', accountNumber: '6216610000001234' });
    const wrongName = await send('PUT', `${ent()}/bank-accounts/${created.id}${q}`, bankInput({ accountName: '别人' }));
    expect(codeOf(wrongName)).toBe('BANK_ACCOUNT_NAME_MISMATCH');
    expect((await send('DELETE', `${ent()}/bank-accounts/${created.id}${q}`, undefined)).json()).toEqual({ ok: true });
    expect(codeOf(await send('DELETE', `${ent()}/bank-accounts/${created.id}${q}`, undefined))).toBe('NOT_FOUND');
    const listed = (await get(`${ent()}/bank-accounts${q}`)).json() as { bankAccounts: { id: string }[] };
    expect(listed.bankAccounts.map((x) => x.id)).not.toContain(created.id);
    const trail = await h.app.services.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json', 'actor_type']).where('subject_id', '=', created.id).orderBy('at').execute();
    expect(trail.map((r) => r.action)).toEqual(['bank_account.create', 'bank_account.update', 'bank_account.delete']);
    expect(trail.every((r) => r.actor_type === 'account')).toBe(true);
    expect(JSON.parse(trail[1]!.before_json!)).toMatchObject({ bank_name: '中国工商银行', account_number: '11020205090000123456' });
    expect(JSON.parse(trail[1]!.after_json!)).toMatchObject({ bank_name: '中国银行', account_number: '6216610000001234' });
    expect(JSON.parse(trail[2]!.after_json!).deleted_at).toBeTruthy();

    const c = (await send('POST', `${ent()}/finance-contacts${q}`, contactInput)).json() as { id: string };
    expect((await send('PUT', `${ent()}/finance-contacts/${c.id}${q}`, { ...contactInput, name: '孙九' })).json()).toMatchObject({ name: '孙九' });
    expect((await send('DELETE', `${ent()}/finance-contacts/${c.id}${q}`, undefined)).statusCode).toBe(200);
    const contactTrail = await h.app.services.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('subject_id', '=', c.id).orderBy('at').execute();
    expect(contactTrail.map((r) => r.action)).toEqual(['finance_contact.create', 'finance_contact.update', 'finance_contact.delete']);
    expect([JSON.parse(contactTrail[1]!.before_json!).name, JSON.parse(contactTrail[1]!.after_json!).name]).toEqual(['钱八', '孙九']);
  });

  it('keeps what a disbursement chose when the saved account is edited or deleted', async () => {
    const { applicationId } = await readyDisbursement();
    const chosen = (await get(`${disb(applicationId)}${q}`)).json() as { bankAccount: { id: string; bankName: string; accountNumber: string } };
    await send('PUT', `${ent()}/bank-accounts/${chosen.bankAccount.id}${q}`, bankInput({ bankName: '招商银行' }));
    await send('DELETE', `${ent()}/bank-accounts/${chosen.bankAccount.id}${q}`, undefined);
    const after = (await get(`${disb(applicationId)}${q}`)).json() as { bankAccount: { bankName: string }; missing: string[] };
    expect(after.bankAccount.bankName).toBe('中国工商银行');
    expect(after.missing).toEqual([]);
    // A deleted account cannot be chosen again.
    const contacts = (await get(`${ent()}/finance-contacts${q}`)).json() as { contacts: { id: string }[] };
    const res = await send('PUT', `${disb(applicationId)}/payee${q}`, { bankAccountId: chosen.bankAccount.id, contactId: contacts.contacts[0]!.id });
    expect(issuesOf(res)).toEqual([{ path: 'body.bankAccountId', code: 'not_found' }]);
  });

  it('prints the name the application was filed under on the receipt and in the disbursement after a rename (issue 13)', async () => {
    const c = await scene.enterprise(await pkiKey(h.pki));
    const cAdmin = await c.admin();
    const { applicationId, disbursementOpened } = await c.subsidyApplication(cAdmin, { talents: 1 });
    await disbursementOpened({ finance });
    const as = cAdmin.token;
    const cert = (await tusUpload(h, { token: as, item: 'disbursement' }, pdfBytes('certificate c'))).sha256;
    expect((await send('PUT', `${disb(applicationId, c)}/talents/0/employment-certificate${q}`, { sha256: cert }, as)).statusCode).toBe(200);
    const account = (await send('POST', `${ent(c)}/bank-accounts${q}`, bankInput({ accountName: c.name }), as)).json() as { id: string };
    const contact = (await send('POST', `${ent(c)}/finance-contacts${q}`, contactInput, as)).json() as { id: string };
    expect((await send('PUT', `${disb(applicationId, c)}/payee${q}`, { bankAccountId: account.id, contactId: contact.id }, as)).statusCode).toBe(200);
    // Renamed after filing: an approved 企业名称变更 request.
    const filed = await scene.accountRequests.file(
      { kind: 'enterpriseChange', enterprise: { uscc: c.uscc, name: c.name }, newName: `${c.name.replace('有限公司', '')}新名有限公司`, newAddress: '苏州工业园区星湖街 1 号', filer: { name: '王喆', mobile: '13600002222' } },
      { token: as },
    );
    await scene.accountRequests.approve(filed.requestId, (await scene.staff('support')).token);
    expect((await get(ent(c), as)).json()).toMatchObject({ name: expect.stringContaining('新名') });
    const view = (await get(`${disb(applicationId, c)}${q}`, as)).json() as { enterprise: { name: string } };
    expect(view.enterprise.name).toBe(c.name);
    const pdf = await get(`${disb(applicationId, c)}/receipt.pdf${q}`, as);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const file = path.join(dir, `${engine}-renamed.pdf`);
    await writeFile(file, pdf.rawPayload);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain(c.name);
    expect(text).not.toContain('新名');
  });

  it('keeps one enterprise from another\u2019s disbursements, bank accounts, contacts and links', async () => {
    const { applicationId } = await readyDisbursement();
    const link = (await send('POST', `${disb(applicationId)}/receipt-links${q}`, {})).json() as { linkId: string };
    const accounts = (await get(`${ent()}/bank-accounts${q}`)).json() as { bankAccounts: { id: string }[] };
    const contacts = (await get(`${ent()}/finance-contacts${q}`)).json() as { contacts: { id: string }[] };
    const accountId = accounts.bankAccounts[0]!.id;
    const contactId = contacts.contacts[0]!.id;
    // B, in its own enterprise's paths, naming A's records.
    const tries: [string, string, unknown?][] = [
      ['GET', `${disb(applicationId, b)}${q}`],
      ['GET', `${disb(applicationId, b)}/receipt.pdf${q}`],
      ['PUT', `${disb(applicationId, b)}/payee${q}`, { bankAccountId: accountId, contactId }],
      ['POST', `${disb(applicationId, b)}/receipt-links${q}`, {}],
      ['GET', `${disb(applicationId, b)}/receipt-links/${link.linkId}${q}`],
      ['POST', `${disb(applicationId, b)}/receipt${q}`, { sha256: 'ab'.repeat(32), source: 'pc' }],
      ['PUT', `${ent(b)}/bank-accounts/${accountId}${q}`, { ...bankInput(), accountName: b.name }],
      ['DELETE', `${ent(b)}/bank-accounts/${accountId}${q}`],
      ['PUT', `${ent(b)}/finance-contacts/${contactId}${q}`, contactInput],
      ['DELETE', `${ent(b)}/finance-contacts/${contactId}${q}`],
    ];
    for (const [method, url, payload] of tries) {
      const res = await h.call({ method: method as 'GET', url, token: superB, ...(payload ? { payload: payload as object } : {}) });
      expect([res.statusCode, codeOf(res)], `${method} ${url}`).toEqual([404, 'NOT_FOUND']);
    }
    // …and in A's paths (the access check refuses before anything is read).
    const direct = await h.call({ method: 'GET', url: `${disb(applicationId)}${q}`, token: superB });
    expect([direct.statusCode, codeOf(direct)]).toEqual([404, 'NOT_FOUND']);
    const listB = (await h.call({ method: 'GET', url: `${ent(b)}/disbursements${q}`, token: superB })).json() as { disbursements: unknown[] };
    expect(listB.disbursements).toEqual([]);
    const bankB = (await h.call({ method: 'GET', url: `${ent(b)}/bank-accounts${q}`, token: superB })).json() as { bankAccounts: unknown[] };
    expect(bankB.bankAccounts).toEqual([]);
    // B cannot choose A's account for its own disbursement either: proven by B's payee route on A's id above.
    const stillThere = (await get(`${ent()}/bank-accounts${q}`)).json() as { bankAccounts: { id: string }[] };
    expect(stillThere.bankAccounts.map((x) => x.id)).toContain(accountId);
  });

  it('refuses a handler without the disbursement item, and reviewers on finance routes', async () => {
    const { applicationId } = await readyDisbursement();
    for (const [method, url, payload] of [
      ['GET', `${ent()}/disbursements${q}`],
      ['GET', `${disb(applicationId)}${q}`],
      ['GET', `${disb(applicationId)}/receipt.pdf${q}`],
      ['POST', `${disb(applicationId)}/receipt-links${q}`, {}],
      ['GET', `${ent()}/bank-accounts${q}`],
      ['POST', `${ent()}/bank-accounts${q}`, bankInput()],
      ['POST', `${ent()}/finance-contacts${q}`, contactInput],
    ] as const) {
      const res = await h.call({ method, url, token: noItem, ...(payload ? { payload } : {}) });
      expect([res.statusCode, codeOf(res)], `${method} ${url}`).toEqual([403, 'PERMISSION_DENIED']);
    }
    for (const [method, url] of [
      ['GET', '/api/staff/disbursements'],
      ['GET', `/api/staff/disbursements/${applicationId}`],
      ['GET', `/api/staff/disbursements/${applicationId}/receipt.pdf`],
      ['POST', `/api/staff/disbursements/${applicationId}/accept`],
      ['POST', `/api/staff/disbursements/${applicationId}/return`],
      ['POST', `/api/staff/subsidy-applications/${applicationId}/disbursement`],
    ] as const) {
      const res = await staffCall(method, url, reviewer, { reason: 'x' });
      expect([res.statusCode, codeOf(res)], `${method} ${url}`).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('opens only after publicity has ended (China date), once, with unique receipt numbers', async () => {
    const { applicationId } = await a.subsidyApplication(await a.admin(), { talents: 1 });
    const staffPath = `/api/staff/subsidy-applications/${applicationId}`;
    expect((await staffCall('POST', `${staffPath}/accept`, reviewer)).statusCode).toBe(200);
    expect((await staffCall('POST', `${staffPath}/approve`, reviewer, { amountFen: 100 })).statusCode).toBe(200);
    const open = () => staffCall('POST', `${staffPath}/disbursement`, finance.token);
    const tooEarly = await open();
    expect([tooEarly.statusCode, codeOf(tooEarly)]).toEqual([409, 'SUBSIDY_STATE_CONFLICT']);
    // Publicity ending today (China time) is not over yet.
    expect((await staffCall('POST', `${staffPath}/publicity`, reviewer, { startDate: chinaDay(-5, h.clock.now()), endDate: chinaDay(0, h.clock.now()) })).statusCode).toBe(200);
    const notOver = await open();
    expect([notOver.statusCode, codeOf(notOver)]).toEqual([409, 'PUBLICITY_NOT_OVER']);

    // Finance finds what is in publicity through the subsidy queue and reads the application; it decides nothing there.
    const inPublicity = (await staffCall('GET', `/api/staff/subsidy-applications?status=publicity&q=${a.uscc}`, finance.token)).json() as { applications: { id: string }[] };
    expect(inPublicity.applications.map((x) => x.id)).toContain(applicationId);
    expect((await staffCall('GET', staffPath, finance.token)).json()).toMatchObject({ status: 'publicity', allowedActions: ['openDisbursement'] });
    expect((await staffCall('GET', staffPath, reviewer)).json()).toMatchObject({ allowedActions: [] });
    expect((await staffCall('GET', staffPath, staffAdmin)).json()).toMatchObject({ allowedActions: ['openDisbursement'] });
    for (const action of ['accept', 'approve', 'return', 'reject', 'publicity']) {
      expect(codeOf(await staffCall('POST', `${staffPath}/${action}`, finance.token, { amountFen: 1 })), action).toBe('FORBIDDEN');
    }
    expect(codeOf(await staffCall('GET', `${staffPath}/audit`, finance.token))).toBe('FORBIDDEN');

    // Two applications whose publicity is over, opened at the same moment: two different numbers in sequence.
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const s = await a.subsidyApplication(await a.admin(), { talents: 1 });
      ids.push(s.applicationId);
      for (const [action, body] of [['accept', {}], ['approve', { amountFen: 100 }], ['publicity', { startDate: chinaDay(-9, h.clock.now()), endDate: chinaDay(-1, h.clock.now()) }]] as const) {
        expect((await staffCall('POST', `/api/staff/subsidy-applications/${s.applicationId}/${action}`, reviewer, body)).statusCode).toBe(200);
      }
    }
    const answers = await Promise.all(ids.map((id) => staffCall('POST', `/api/staff/subsidy-applications/${id}/disbursement`, finance.token)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const numbers = answers.map((r) => (r.json() as { receiptNumber: string }).receiptNumber);
    expect(new Set(numbers).size).toBe(3);
    const seq = numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y);
    expect(seq[2]! - seq[0]!).toBe(2);
    // Opening twice: the second finds the application already open.
    const twice = await staffCall('POST', `/api/staff/subsidy-applications/${ids[0]}/disbursement`, finance.token);
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'SUBSIDY_STATE_CONFLICT']);
  });

  it('lets exactly one of two concurrent phone uploads spend a link; concurrent certificates all count', async () => {
    const { applicationId } = await readyDisbursement();
    const files = [await upload(pdfBytes('c1'), 'application/pdf'), await upload(pdfBytes('c2'), 'application/pdf'), await upload(pdfBytes('c3'), 'application/pdf')];
    const certs = await Promise.all(files.map((sha256) => send('PUT', `${disb(applicationId)}/talents/0/employment-certificate${q}`, { sha256 })));
    expect(certs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const seqs = await h.app.services.db.selectFrom('employment_certificates').select('seq').where('application_id', '=', applicationId).where('talent_index', '=', 0).orderBy('seq').execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);

    const link = (await send('POST', `${disb(applicationId)}/receipt-links${q}`, {})).json() as { linkId: string; url: string };
    const [x, y] = await Promise.all([phone(tokenOf(link.url), pngBytes()), phone(tokenOf(link.url), jpegBytes(), 'image/jpeg')]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 410]);
    expect([codeOf(x), codeOf(y)]).toContain('RECEIPT_LINK_USED');
    const rows = await h.app.services.db.selectFrom('receipt_links').select(['used_at', 'photo_sha256']).where('id', '=', link.linkId).execute();
    expect(rows).toHaveLength(1);
    const polled = (await get(`${disb(applicationId)}/receipt-links/${link.linkId}${q}`)).json() as { photo: { sha256: string } };
    expect(polled.photo.sha256).toBe(rows[0]!.photo_sha256);
  });

  it('expires a link after RECEIPT_LINK_TTL_MINUTES (410 RECEIPT_LINK_EXPIRED), and unknown tokens are invalid', async () => {
    const { applicationId } = await readyDisbursement();
    const link = (await send('POST', `${disb(applicationId)}/receipt-links${q}`, {})).json() as { linkId: string; url: string };
    expect((await phone(tokenOf(link.url))).statusCode).toBe(200);
    h.clock.advance(RECEIPT_LINK_TTL_MINUTES * 60 + 1);
    const info = await phone(tokenOf(link.url));
    expect([info.statusCode, codeOf(info)]).toEqual([410, 'RECEIPT_LINK_EXPIRED']);
    const late = await phone(tokenOf(link.url), pngBytes());
    expect([late.statusCode, codeOf(late)]).toEqual([410, 'RECEIPT_LINK_EXPIRED']);
    expect((await get(`${disb(applicationId)}/receipt-links/${link.linkId}${q}`)).json()).toMatchObject({ state: 'expired', photo: null });
    const unknown = await phone('A'.repeat(43));
    expect([unknown.statusCode, codeOf(unknown)]).toEqual([404, 'RECEIPT_LINK_INVALID']);
    const malformed = await phone('short');
    expect(malformed.statusCode).toBe(400);
    // A link is only for a disbursement still waiting for its receipt.
    const photoLink = (await send('POST', `${disb(applicationId)}/receipt-links${q}`, {})).json() as { url: string };
    const scan = await upload(pdfBytes('pc scan'), 'application/pdf');
    expect((await send('POST', `${disb(applicationId)}/receipt${q}`, { sha256: scan, source: 'pc' })).statusCode).toBe(200);
    const afterSubmit = await phone(tokenOf(photoLink.url));
    expect([afterSubmit.statusCode, codeOf(afterSubmit)]).toEqual([404, 'RECEIPT_LINK_INVALID']);
    const noMore = await send('POST', `${disb(applicationId)}/receipt-links${q}`, {});
    expect([noMore.statusCode, codeOf(noMore)]).toEqual([409, 'SUBSIDY_STATE_CONFLICT']);
  });
});

describeEachDatabase('phone receipt routes are rate-limited per address', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { config: { phoneLimits: { lookupsPerHour: 3, uploadsPerHour: 2 } } });
  });
  afterAll(() => h?.close());

  it('answers 429 with Retry-After past the hourly limit, for look-ups and uploads separately', async () => {
    const token = 'B'.repeat(43);
    const lookups = [];
    for (let i = 0; i < 4; i++) lookups.push(await h.call({ method: 'GET', url: `/api/phone/receipt-links/${token}` }));
    expect(lookups.map((r) => r.statusCode)).toEqual([404, 404, 404, 429]);
    expect(codeOf(lookups[3]!)).toBe('RATE_LIMITED');
    expect(Number(lookups[3]!.headers['retry-after'])).toBeGreaterThan(0);
    const uploads = [];
    for (let i = 0; i < 3; i++) {
      uploads.push(await h.call({ method: 'POST', url: `/api/phone/receipt-links/${token}/photo`, headers: { 'content-type': 'image/png' }, payload: pngBytes() }));
    }
    expect(uploads.map((r) => codeOf(r))).toEqual(['RECEIPT_LINK_INVALID', 'RECEIPT_LINK_INVALID', 'RATE_LIMITED']);
    h.clock.advance(3601);
    expect((await h.call({ method: 'GET', url: `/api/phone/receipt-links/${token}` })).statusCode).toBe(404);
  });
});
