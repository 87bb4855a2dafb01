/**
 * The talent recruitment subsidy end to end over HTTP (issue 6): service items and the permission, apply with two
 * talents and their attachments → return with comments → resubmit (changes shown) → approve → publicity, with the
 * contact's SMS (outbox) and e-mail (a real SMTP server); refusals: no permission, another enterprise, invalid
 * transitions, another enterprise's certificate, malformed forms.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { decodeMime, startSmtp } from '../../tests/fixtures/server/smtp';
import {
  CONTACT,
  signedSubsidy,
  subsidyApplicationRequirements,
  subsidyPayload,
  subsidyTalentRequirements,
  talent,
  uploadRequired,
  uploadSubsidyFile,
  type Attachment,
} from '../../tests/fixtures/server/subsidy';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const issuesOf = (res: { json(): unknown }) => (res.json() as { error: { issues?: { path: string; code: string }[] } }).error.issues ?? [];

describeEachDatabase('talent recruitment subsidy', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: PkiEnterprise;
  let b: PkiEnterprise;
  let reviewer: string;
  let finance: string;
  let clerk: string;
  let noPermission: string;
  let superB: string;
  let adminA: string;
  let appAttachments: Attachment[];
  let talentFiles: Attachment[][];

  const base = () => `/api/enterprises/${a.enterpriseId}/subsidy-applications`;
  const q = '?item=subsidy';
  const createDraft = async (token = clerk) => {
    const res = await h.call({ method: 'POST', url: `${base()}${q}`, token, payload: { form: { contact: { name: '赵' } } } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { id: string }).id;
  };
  const fullPayload = (id: string, overrides: Record<string, unknown> = {}) =>
    subsidyPayload(a, id, {
      attachments: appAttachments,
      talents: [
        talent({ attachments: talentFiles[0] }),
        talent({ name: 'John Smith', idType: 'passport', idNumber: 'E12345678', nationality: '英国', feePaidFen: 12_345_679, invoiceNumber: '32002600002', attachments: talentFiles[1] }),
      ],
    }, overrides);
  const submit = async (id: string, envelope: object, token = clerk) =>
    h.call({ method: 'POST', url: `${base()}/${id}/submit${q}`, token, payload: envelope });
  const staff = (id: string, action: string, payload: object = {}) =>
    h.call({ method: action ? 'POST' : 'GET', url: `/api/staff/subsidy-applications/${id}${action ? `/${action}` : ''}`, token: reviewer, ...(action ? { payload } : {}) });
  const smsTo = async (mobile: string) =>
    (await h.app.services.db.selectFrom('sms_outbox').select('text').where('mobile', '=', mobile).orderBy('created_at').execute()).map((r) => r.text);

  beforeAll(async () => {
    smtp = await startSmtp();
    h = await createHarness(engine, { config: { smtpUrl: smtp.url, mailFrom: 'Tongban <noreply@tongban.test>' } });
    reviewer = await staffToken(h, 'reviewer');
    finance = await staffToken(h, 'finance');
    a = await h.scene.enterprise(await pkiKey(h.pki));
    b = await h.scene.enterprise(await pkiKey(h.pki));
    adminA = (await a.admin()).token;
    superB = (await h.scene.signIn(b.uscc, 'super', b.superPassword)).token;
    clerk = (await a.handler('clerk', { mobile: '13900002222', permissions: ['subsidy'] })).token;
    noPermission = (await a.handler('other', { mobile: '13900003333', permissions: [] })).token;
    appAttachments = await uploadRequired(h, a.enterpriseId, clerk, subsidyApplicationRequirements);
    talentFiles = [
      await uploadRequired(h, a.enterpriseId, clerk, subsidyTalentRequirements),
      await uploadRequired(h, a.enterpriseId, clerk, subsidyTalentRequirements),
    ];
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('lists the subsidy item with its guide to those who hold it, and not to a handler without it', async () => {
    const list = async (token: string) => (await h.call({ method: 'GET', url: `/api/enterprises/${a.enterpriseId}/service-items`, token })).json() as { items: { item: string; materials: unknown[]; policy: string }[] };
    const mine = await list(clerk);
    expect(mine.items.map((i) => i.item)).toEqual(['subsidy']);
    expect(mine.items[0]!.policy).toContain('如有退回，需及时根据审核意见修改后重新提交');
    expect(mine.items[0]!.materials.length).toBeGreaterThan(5);
    expect((await list(noPermission)).items).toEqual([]);

    // Granted and revoked by the administrator with the existing permissions route.
    const accounts = (await h.call({ method: 'GET', url: `/api/enterprises/${a.enterpriseId}/accounts`, token: adminA })).json() as { accounts: { id: string; username: string }[] };
    const other = accounts.accounts.find((x) => x.username === 'other')!;
    const setPermissions = (permissions: string[]) =>
      h.call({ method: 'PUT', url: `/api/enterprises/${a.enterpriseId}/accounts/${other.id}/permissions`, token: adminA, payload: { permissions } });
    expect((await setPermissions(['subsidy'])).statusCode).toBe(200);
    expect((await list(noPermission)).items.map((i) => i.item)).toEqual(['subsidy']);
    expect((await h.call({ method: 'GET', url: `${base()}${q}`, token: noPermission })).statusCode).toBe(200);
    expect((await setPermissions([])).statusCode).toBe(200);
    expect((await list(noPermission)).items).toEqual([]);
  });

  it('refuses every subsidy route to a handler without the permission (403)', async () => {
    const id = await createDraft();
    const routes: [string, string, object?][] = [
      ['POST', `${base()}${q}`, { form: {} }],
      ['GET', `${base()}${q}`],
      ['GET', `${base()}/${id}${q}`],
      ['PUT', `${base()}/${id}${q}`, { form: {} }],
      ['POST', `${base()}/${id}/submit${q}`, await signedSubsidy(a.signer, fullPayload(id))],
      ['POST', `${base()}/${id}/withdraw${q}`, {}],
      ['GET', `${base()}/${id}/timeline${q}`],
    ];
    for (const [method, url, payload] of routes) {
      const res = await h.call({ method: method as 'GET', url, token: noPermission, ...(payload ? { payload } : {}) });
      expect([res.statusCode, codeOf(res)], `${method} ${url}`).toEqual([403, 'PERMISSION_DENIED']);
    }
  });

  it('runs apply → return with comments → resubmit (changes shown) → approve → publicity, telling the contact each time', async () => {
    const id = await createDraft();
    const saved = await h.call({ method: 'PUT', url: `${base()}/${id}${q}`, token: clerk, payload: { form: { contact: { name: '赵六', mobile: '1370000' }, talents: [{ name: '陈七' }] } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', form: { talents: [{ name: '陈七' }] }, quota: { usedThisYearFen: 0, rule: { rateBasisPoints: 5000 } } });

    const first = await signedSubsidy(a.signer, fullPayload(id));
    const submitted = await submit(id, first);
    expect(submitted.statusCode, submitted.body).toBe(200);
    // 50% of ¥60,000 capped at ¥50,000... 3,000,000 + floor(12,345,679 / 2) = 3,000,000 + 5,000,000 (cap).
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 1, amountRequestedFen: 8_000_000 });
    const again = await submit(id, first);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', version: 1 });

    const queue = await h.call({ method: 'GET', url: `/api/staff/subsidy-applications?status=submitted&q=${encodeURIComponent(a.name.slice(0, 8))}`, token: reviewer });
    expect(queue.statusCode, queue.body).toBe(200);
    expect((queue.json() as { applications: { id: string }[] }).applications.map((x) => x.id)).toContain(id);
    const byUscc = (await h.call({ method: 'GET', url: `/api/staff/subsidy-applications?q=${b.uscc}`, token: reviewer })).json() as { total: number };
    expect(byUscc.total).toBe(0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const dated = (await h.call({ method: 'GET', url: `/api/staff/subsidy-applications?submittedFrom=${today}&submittedTo=${today}&q=${a.uscc}`, token: reviewer })).json() as { total: number };
    expect(dated.total).toBeGreaterThanOrEqual(1);
    const old = (await h.call({ method: 'GET', url: `/api/staff/subsidy-applications?submittedTo=2020-01-01&q=${a.uscc}`, token: reviewer })).json() as { total: number };
    expect(old.total).toBe(0);

    const detail = await staff(id, '');
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      status: 'submitted',
      allowedActions: ['accept', 'return', 'reject'],
      versions: [{ version: 1, signature: { uscc: a.uscc, profile: 'jiangsu-ca' }, changes: null }],
    });
    const sig = (detail.json() as { versions: { signature: { subject: string; issuer: string; serialNumber: string; verifiedAt: string } }[] }).versions[0]!.signature;
    expect(sig.subject).toContain(a.uscc);
    expect(sig.issuer.length).toBeGreaterThan(0);
    expect(sig.serialNumber).toMatch(/^[0-9a-f]+$/i);

    expect((await staff(id, 'accept', { comment: '材料齐全，予以受理' })).statusCode).toBe(200);
    const returned = await staff(id, 'return', {
      comment: '请补正以下内容',
      fields: [{ path: 'talents[1].invoiceNumber', comment: '发票号码与发票不一致' }],
      attachments: [{ path: 'talents[0].attachments.invoice', comment: '发票扫描件不清晰' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const mine = (await h.call({ method: 'GET', url: `${base()}/${id}${q}`, token: clerk })).json() as Record<string, unknown>;
    expect(mine).toMatchObject({ status: 'returned', returnComments: { fields: [{ path: 'talents[1].invoiceNumber' }], attachments: [{ path: 'talents[0].attachments.invoice' }] } });

    // The clerk corrects the invoice number and the scan, saves, and signs a new version.
    expect((await h.call({ method: 'PUT', url: `${base()}/${id}${q}`, token: clerk, payload: { form: { talents: [] } } })).statusCode).toBe(200);
    const newInvoice = await uploadSubsidyFile(h, a.enterpriseId, clerk, 'invoice');
    const corrected = fullPayload(id);
    corrected.talents[1]!.invoiceNumber = '32002600099';
    corrected.talents[0]!.attachments = [...talentFiles[0]!.filter((f) => f.requirement !== 'invoice'), newInvoice];
    const resubmitted = await submit(id, await signedSubsidy(a.signer, corrected));
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'resubmitted', version: 2, changes: { fields: ['talents[1].invoiceNumber'], attachments: ['talents[0].attachments.invoice'] } });
    const review = (await staff(id, '')).json() as { versions: { version: number; changes: unknown }[]; allowedActions: string[] };
    expect(review.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(review.versions[1]!.changes).toEqual({ fields: ['talents[1].invoiceNumber'], attachments: ['talents[0].attachments.invoice'] });
    expect(review.allowedActions).toEqual(['accept', 'return', 'approve', 'reject']);

    const tooMuch = await staff(id, 'approve', { amountFen: 8_000_001 });
    expect([tooMuch.statusCode, issuesOf(tooMuch)]).toEqual([400, [{ path: 'body.amountFen', code: 'AMOUNT_ABOVE_REQUESTED' }]]);
    const approved = await staff(id, 'approve', { amountFen: 7_500_000, comment: '核减部分服务费' });
    expect(approved.json()).toMatchObject({ status: 'approved', amountApprovedFen: 7_500_000 });
    // The return's comments were for the correction; decided, the application no longer carries them (the timeline does).
    expect(approved.json()).toMatchObject({ returnComments: null });
    expect((await h.call({ method: 'GET', url: `${base()}/${id}${q}`, token: clerk })).json()).toMatchObject({ returnComments: null });
    // A publicity period that is already over (China dates), so finance may open the disbursement.
    const chinaDay = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const [startDate, endDate] = [chinaDay(9), chinaDay(2)];
    const publicity = await staff(id, 'publicity', { startDate, endDate });
    expect(publicity.json()).toMatchObject({ status: 'publicity', publicity: { startDate, endDate }, allowedActions: [] });
    // The reviewer no longer ends publicity: finance opens the disbursement (issue 7).
    expect((await staff(id, 'publicity/end', {})).statusCode).toBe(404);
    const opened = await h.call({ method: 'POST', url: `/api/staff/subsidy-applications/${id}/disbursement`, token: finance, payload: {} });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'disbursement_pending', allowedActions: [] });

    const timeline = (await h.call({ method: 'GET', url: `${base()}/${id}/timeline${q}`, token: clerk })).json() as { entries: { action: string; status: string; actor: { type: string }; comment: string | null }[] };
    expect(timeline.entries.map((e) => [e.action, e.status, e.actor.type])).toEqual([
      ['create', 'draft', 'account'],
      ['submit', 'submitted', 'account'],
      ['accept', 'accepted', 'staff'],
      ['return', 'returned', 'staff'],
      ['resubmit', 'resubmitted', 'account'],
      ['approve', 'approved', 'staff'],
      ['startPublicity', 'publicity', 'staff'],
      ['openDisbursement', 'disbursement_pending', 'staff'],
    ]);
    expect(timeline.entries[3]!.comment).toBe('请补正以下内容');
    expect(timeline.entries[3]!.actor).toEqual({ type: 'staff', id: '', name: '审核人员' });
    const staffTimeline = (await staff(id, '')).json() as { timeline: { actor: { name: string } }[]; form: { talents: { invoiceNumber: string }[] } };
    expect(staffTimeline.timeline[3]!.actor.name).toMatch(/^staff-reviewer-/);
    expect(staffTimeline.form.talents[1]!.invoiceNumber).toBe('32002600099');

    const trail = await h.call({ method: 'GET', url: `/api/staff/subsidy-applications/${id}/audit`, token: reviewer });
    expect(trail.statusCode, trail.body).toBe(200);
    const trailActions = (trail.json() as { entries: { action: string }[] }).entries.map((e) => e.action);
    expect(trailActions).toEqual(expect.arrayContaining(['subsidy.create', 'subsidy.save_draft', 'subsidy.return', 'subsidy.openDisbursement']));

    const audit = await h.app.services.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('subject_id', '=', id).execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['subsidy.create', 'subsidy.submit', 'subsidy.accept', 'subsidy.return', 'subsidy.resubmit', 'subsidy.approve', 'subsidy.startPublicity', 'subsidy.openDisbursement']));
    const approveRow = audit.find((r) => r.action === 'subsidy.approve')!;
    expect(JSON.parse(approveRow.before_json!)).toMatchObject({ status: 'resubmitted', amount_approved_fen: null });
    expect(JSON.parse(approveRow.after_json!)).toMatchObject({ status: 'approved', amount_approved_fen: 7_500_000 });

    const texts = await smsTo(CONTACT.mobile);
    expect(texts).toHaveLength(7);
    expect(texts[0]).toMatch(/^【园区一网通办】.*高层次和紧缺人才招聘补贴申请已提交/);
    expect(texts[2]).toContain('已被退回修改');
    expect(texts[3]).toContain('已重新提交（第 2 版）');
    expect(texts[4]).toContain('核准补贴金额 75,000.00 元');
    expect(texts[5]).toContain(`公示期（${startDate} 至 ${endDate}）`);
    expect(texts[6]).toContain('资金拨付已启动');

    await expect.poll(() => smtp.mails.length).toBe(7);
    expect(smtp.mails.every((m) => m.to.join() === CONTACT.email && m.from === 'noreply@tongban.test')).toBe(true);
    const bodies = smtp.mails.map((m) => decodeMime(m.raw));
    const returnedMail = bodies.find((t) => t.includes('已被退回修改'))!;
    expect(returnedMail).toContain('审核意见：请补正以下内容');
    expect(returnedMail).toContain('talents[1].invoiceNumber：发票号码与发票不一致');
    expect(returnedMail).toContain('talents[0].attachments.invoice：发票扫描件不清晰');
    expect(bodies.some((t) => t.includes('核准补贴金额 75,000.00 元'))).toBe(true);
    expect(bodies.some((t) => t.includes(`${startDate} 至 ${endDate}`))).toBe(true);

    // The approved amount now counts against the enterprise's yearly cap; the client is told how much.
    const next = (await h.call({ method: 'GET', url: `${base()}/${await createDraft()}${q}`, token: clerk })).json() as { quota: { usedThisYearFen: number } };
    expect(next.quota.usedThisYearFen).toBe(7_500_000);
  });

  it('prefills a new draft\u2019s contact from the enterprise\u2019s last submitted application, never another\u2019s', async () => {
    // The full application of the first test was submitted with CONTACT; a draft that brings a contact keeps its own.
    const blank = await h.call({ method: 'POST', url: `${base()}${q}`, token: clerk, payload: { form: { contact: { name: '', mobile: '', email: '' }, talents: [] } } });
    expect(blank.statusCode, blank.body).toBe(200);
    expect(blank.json()).toMatchObject({ status: 'draft', form: { contact: CONTACT } });
    const own = await h.call({ method: 'POST', url: `${base()}${q}`, token: clerk, payload: { form: { contact: { name: '钱八' } } } });
    expect((own.json() as { form: unknown }).form).toEqual({ contact: { name: '钱八' } });
    const c = await h.scene.enterprise(await pkiKey(h.pki));
    const superC = (await h.scene.signIn(c.uscc, 'super', c.superPassword)).token;
    const other = await h.call({ method: 'POST', url: `/api/enterprises/${c.enterpriseId}/subsidy-applications${q}`, token: superC, payload: { form: {} } });
    expect(other.statusCode, other.body).toBe(200);
    expect((other.json() as { form: unknown }).form).toEqual({});
  });

  it('keeps one enterprise\u2019s applications from another (404) and drafts from staff', async () => {
    const id = await createDraft();
    for (const enterpriseId of [a.enterpriseId, b.enterpriseId]) {
      const res = await h.call({ method: 'GET', url: `/api/enterprises/${enterpriseId}/subsidy-applications/${id}${q}`, token: superB });
      expect([res.statusCode, codeOf(res)], enterpriseId).toEqual([404, 'NOT_FOUND']);
    }
    const list = (await h.call({ method: 'GET', url: `/api/enterprises/${b.enterpriseId}/subsidy-applications${q}`, token: superB })).json() as { applications: unknown[] };
    expect(list.applications).toEqual([]);
    expect((await staff(id, '')).statusCode).toBe(404);
    expect((await staff(id, 'accept')).statusCode).toBe(404);
  });

  it('refuses transitions the state machine does not allow (SUBSIDY_STATE_CONFLICT)', async () => {
    const id = await createDraft();
    const conflict = (res: { statusCode: number; json(): unknown }) => expect([res.statusCode, codeOf(res)]).toEqual([409, 'SUBSIDY_STATE_CONFLICT']);
    expect((await submit(id, await signedSubsidy(a.signer, fullPayload(id)))).statusCode).toBe(200);
    conflict(await submit(id, await signedSubsidy(a.signer, fullPayload(id))));
    conflict(await h.call({ method: 'PUT', url: `${base()}/${id}${q}`, token: clerk, payload: { form: {} } }));
    conflict(await staff(id, 'approve', { amountFen: 1 }));
    conflict(await staff(id, 'publicity', { startDate: '2026-12-01', endDate: '2026-12-07' }));
    conflict(await h.call({ method: 'POST', url: `/api/staff/subsidy-applications/${id}/disbursement`, token: finance, payload: {} }));
    const rejected = await staff(id, 'reject', { reason: '不符合申报条件' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '不符合申报条件' });
    expect((await smsTo(CONTACT.mobile)).at(-1)).toContain('未予通过。原因：不符合申报条件');
    conflict(await staff(id, 'accept'));
    conflict(await h.call({ method: 'POST', url: `${base()}/${id}/withdraw${q}`, token: clerk, payload: {} }));

    const other = await createDraft();
    const withdrawn = await h.call({ method: 'POST', url: `${base()}/${other}/withdraw${q}`, token: clerk, payload: { reason: '重复申请' } });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    conflict(await submit(other, await signedSubsidy(a.signer, fullPayload(other))));
  });

  it('refuses a signature by another enterprise\u2019s certificate, and a payload for another application', async () => {
    const id = await createDraft();
    const foreign = await submit(id, await signedSubsidy(b.signer, fullPayload(id)));
    expect([foreign.statusCode, codeOf(foreign)]).toEqual([422, 'CERT_USCC_MISMATCH']);
    const tampered = await signedSubsidy(a.signer, fullPayload(id));
    const altered = await submit(id, { ...tampered, payload: { ...tampered.payload, amountRequestedFen: 1 } });
    expect(codeOf(altered)).toBe('SIGNATURE_INVALID');
    const elsewhere = await submit(id, await signedSubsidy(a.signer, fullPayload(await createDraft())));
    expect(issuesOf(elsewhere)).toEqual([{ path: 'body.payload.applicationId', code: 'APPLICATION_MISMATCH' }]);
    const greedy = await submit(id, await signedSubsidy(a.signer, fullPayload(id, { amountRequestedFen: 9_000_000 })));
    expect(issuesOf(greedy)).toEqual([{ path: 'body.payload.amountRequestedFen', code: 'AMOUNT_MISMATCH' }]);
    const current = (await h.call({ method: 'GET', url: `${base()}/${id}${q}`, token: clerk })).json() as { status: string };
    expect(current.status).toBe('draft');
  });

  it('answers malformed forms with a 4xx naming the field', async () => {
    const id = await createDraft();
    const badId = fullPayload(id);
    badId.talents[0]!.idNumber = '320501199205011230';
    const res1 = await submit(id, await signedSubsidy(a.signer, badId));
    expect([res1.statusCode, codeOf(res1)]).toEqual([400, 'BODY_INVALID']);
    expect(issuesOf(res1)).toContainEqual({ path: 'body.payload.talents[0].idNumber', code: 'ID_CHECK_DIGIT' });

    const noHeadhunter = fullPayload(id);
    noHeadhunter.talents[1]!.headhunter = null as never;
    const res2 = await submit(id, await signedSubsidy(a.signer, noHeadhunter));
    expect(issuesOf(res2)).toContainEqual({ path: 'body.payload.talents[1].headhunter', code: 'HEADHUNTER_REQUIRED' });

    const badAgency = fullPayload(id);
    badAgency.talents[0]!.headhunter = { name: '某猎头', uscc: '91320594MA1XXXXXX0' };
    expect(issuesOf(await submit(id, await signedSubsidy(a.signer, badAgency)))[0]!.path).toBe('body.payload.talents[0].headhunter.uscc');

    const missing = fullPayload(id);
    missing.talents[1]!.attachments = talentFiles[1]!.filter((f) => f.requirement !== 'invoice');
    const res3 = await submit(id, await signedSubsidy(a.signer, missing));
    expect([res3.statusCode, codeOf(res3), issuesOf(res3)]).toEqual([422, 'ATTACHMENT_MISSING', [{ path: 'body.payload.talents[1].attachments.invoice', code: 'ATTACHMENT_REQUIRED' }]]);

    const notMine = fullPayload(id);
    notMine.attachments = [...appAttachments.filter((f) => f.requirement !== 'other'), { requirement: 'other', sha256: 'ab'.repeat(32), size: 10, mediaType: 'application/pdf' }];
    const res4 = await submit(id, await signedSubsidy(a.signer, notMine));
    expect(issuesOf(res4)).toEqual([{ path: 'body.payload.attachments.other', code: 'ATTACHMENT_NOT_UPLOADED' }]);

    const res5 = await h.call({ method: 'POST', url: `${base()}${q}`, token: clerk, payload: { form: { talents: 'many' } } });
    expect([res5.statusCode, codeOf(res5)]).toEqual([400, 'BODY_INVALID']);
    const res6 = await staff(id, 'return', {});
    expect(res6.statusCode).toBe(400);
    const res7 = await staff(id, 'publicity', { startDate: '2026-12-07', endDate: '2026-12-01' });
    expect(res7.statusCode).toBe(400);
    const res8 = await h.call({ method: 'GET', url: '/api/staff/subsidy-applications?status=nonsense', token: reviewer });
    expect(res8.statusCode).toBe(400);
  });
});
