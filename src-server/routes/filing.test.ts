/**
 * The construction filing over HTTP (issue 15): the item and its guide, drafts, submission with the signed
 * application PDF (regenerated and compared by the server, signatures verified by pades' verifyPades), 备案审核
 * return → resubmit → approve with the contact's SMS; refusals: no permission, another enterprise's filing or key,
 * an unsigned PDF, a PDF of other data, a PDF not uploaded, broken rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filingRequirements, type FilingPayload } from '@shared/contract/http/filing';
import { filingPayload, generateFilingPdf, signFilingPdf } from '../../tests/fixtures/filing';
import { pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { pdfBytes, staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { tusUpload } from '../../tests/fixtures/server/uploads';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const issuesOf = (res: { json(): unknown }) => (res.json() as { error: { issues?: { path: string; code: string }[] } }).error.issues ?? [];

describeEachDatabase('construction filing', (engine) => {
  let h: Harness;
  let a: PkiEnterprise;
  let b: PkiEnterprise;
  let clerk: string;
  let clerkB: string;
  let noPermission: string;
  let reviewer: string;
  let finance: string;
  let materials: FilingPayload['attachments'];

  const q = '?item=constructionFiling';
  const base = (e: PkiEnterprise = a) => `/api/enterprises/${e.enterpriseId}/construction-filings`;
  const upload = async (bytes: Uint8Array, token = clerk) => tusUpload(h, { token, item: 'constructionFiling' }, Buffer.from(bytes));
  const createDraft = async () => {
    const res = await h.call({ method: 'POST', url: `${base()}${q}`, token: clerk, payload: { form: { project: { name: '门卫室' } } } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { id: string }).id;
  };
  const payloadFor = (id: string, overrides: Parameters<typeof filingPayload>[2] = {}) => filingPayload(a, id, { attachments: materials, ...overrides });
  /** Generate → sign with `key` → upload → the submit body. */
  const signedBody = async (payload: FilingPayload, key: PkiEnterprise = a, token = clerk) => {
    const signed = await signFilingPdf(key.signer, await generateFilingPdf(payload), key.name);
    const stored = await upload(signed, token);
    return { body: { payload, signedPdf: { sha256: stored.sha256, size: stored.size } }, signed };
  };
  const submit = (id: string, body: object, token = clerk) => h.call({ method: 'POST', url: `${base()}/${id}/submit${q}`, token, payload: body });
  const staff = (id: string, action = '', payload: object = {}, token = reviewer) =>
    h.call({ method: action ? 'POST' : 'GET', url: `/api/staff/construction-filings/${id}${action ? `/${action}` : ''}`, token, ...(action ? { payload } : {}) });
  const smsTo = async (mobile: string) => (await h.app.services.db.selectFrom('sms_outbox').select('text').where('mobile', '=', mobile).orderBy('created_at').execute()).map((r) => r.text);

  beforeAll(async () => {
    h = await createHarness(engine);
    reviewer = await staffToken(h, 'reviewer');
    finance = await staffToken(h, 'finance');
    a = await h.scene.enterprise(await pkiKey(h.pki));
    b = await h.scene.enterprise(await pkiKey(h.pki));
    clerk = (await a.handler('clerk', { mobile: '13900002222', permissions: ['constructionFiling'] })).token;
    noPermission = (await a.handler('other', { mobile: '13900003333', permissions: ['subsidy'] })).token;
    clerkB = (await b.handler('clerkb', { mobile: '13900004444', permissions: ['constructionFiling'] })).token;
    materials = [];
    for (const [requirement, r] of Object.entries(filingRequirements)) {
      if (r.required === 'always') materials.push({ requirement: requirement as never, ...(await upload(pdfBytes(requirement))) });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists 小型建设工程开工备案 with its guide to who holds the item, and refuses its routes to others', async () => {
    const list = async (token: string) =>
      ((await h.call({ method: 'GET', url: `/api/enterprises/${a.enterpriseId}/service-items`, token })).json() as { items: { item: string; name: string; materials: unknown[]; conditions: string[] }[] }).items;
    const mine = (await list(clerk)).find((i) => i.item === 'constructionFiling')!;
    expect(mine.name).toBe('小型建设工程开工备案');
    expect(mine.conditions.join()).toContain('300平方米');
    expect(mine.materials.length).toBeGreaterThanOrEqual(Object.keys(filingRequirements).length);
    expect((await list(noPermission)).map((i) => i.item)).not.toContain('constructionFiling');

    const id = await createDraft();
    for (const [method, url] of [['GET', `${base()}${q}`], ['GET', `${base()}/${id}${q}`], ['PUT', `${base()}/${id}${q}`], ['GET', `${base()}/${id}/timeline${q}`]] as const) {
      const res = await h.call({ method, url, token: noPermission, ...(method === 'PUT' ? { payload: { form: {} } } : {}) });
      expect([res.statusCode, codeOf(res)], `${method} ${url}`).toEqual([403, 'PERMISSION_DENIED']);
    }
    // Another enterprise's clerk: not through its own enterprise's URL, not through ours.
    for (const e of [b, a]) {
      const res = await h.call({ method: 'GET', url: `${base(e)}/${id}${q}`, token: clerkB });
      expect([res.statusCode, codeOf(res)]).toEqual([404, 'NOT_FOUND']);
    }
    // Drafts are not the reviewers' business; finance has no filing duty.
    expect((await staff(id)).statusCode).toBe(404);
    expect((await h.call({ method: 'GET', url: '/api/staff/construction-filings', token: finance })).statusCode).toBe(403);
  });

  it('refuses a PDF that is not uploaded, not signed, not generated from the data, signed by another enterprise, and broken rules', async () => {
    const id = await createDraft();
    const payload = payloadFor(id);
    const generated = await generateFilingPdf(payload);

    const notUploaded = await submit(id, { payload, signedPdf: { sha256: 'a'.repeat(64), size: 1000 } });
    expect([notUploaded.statusCode, codeOf(notUploaded)]).toEqual([422, 'FILING_PDF_NOT_UPLOADED']);
    const bUploaded = await upload(await signFilingPdf(a.signer, generated, a.name), clerkB);
    expect(codeOf(await submit(id, { payload, signedPdf: bUploaded }))).toBe('FILING_PDF_NOT_UPLOADED');

    const unsigned = await upload(generated);
    expect(codeOf(await submit(id, { payload, signedPdf: unsigned }))).toBe('PDF_NOT_SIGNED');

    const other = await signedBody(payloadFor(id, { project: { contractNumber: 'SG-OTHER' } }));
    expect(codeOf(await submit(id, { payload, signedPdf: other.body.signedPdf }))).toBe('PDF_NOT_THE_GENERATED_ONE');

    const byB = await signedBody(payload, b);
    expect(codeOf(await submit(id, byB.body))).toBe('PDF_SIGNER_OTHER_ENTERPRISE');

    const late = await submit(id, { payload: { ...payload, project: { ...payload.project, plannedEnd: '2026-12-31' } }, signedPdf: unsigned });
    expect([late.statusCode, issuesOf(late)]).toEqual([400, [expect.objectContaining({ path: 'body.payload.project.plannedEnd', code: 'DATE_ORDER' })]]);
    const big = await submit(id, { payload: { ...payload, project: { ...payload.project, costFen: 90_000_000, floorAreaM2: 900 } }, signedPdf: unsigned });
    expect(issuesOf(big)).toEqual([expect.objectContaining({ path: 'body.payload.project.costFen', code: 'NOT_SMALL_PROJECT' })]);
    const bare = payloadFor(id, { attachments: [] });
    const noMaterials = await submit(id, { payload: bare, signedPdf: unsigned });
    expect([codeOf(noMaterials), issuesOf(noMaterials).map((i) => i.path)]).toEqual(['ATTACHMENT_MISSING', expect.arrayContaining(['body.payload.attachments.planningPermit'])]);

    expect((await h.call({ method: 'GET', url: `${base()}/${id}${q}`, token: clerk })).json()).toMatchObject({ status: 'draft', version: 0 });
  });

  it('runs submit → return with comments → fix, generate and sign again → approve, with the signature panel and the contact told', async () => {
    const id = await createDraft();
    const saved = await h.call({ method: 'PUT', url: `${base()}/${id}${q}`, token: clerk, payload: { form: { project: { name: '独墅湖厂区门卫室改建工程', floorAreaM2: 180 } } } });
    expect(saved.json()).toMatchObject({ status: 'draft', form: { project: { floorAreaM2: 180 } } });

    const first = await signedBody(payloadFor(id));
    const submitted = await submit(id, first.body);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 1, signedPdf: first.body.signedPdf });
    expect((await submit(id, first.body)).json()).toMatchObject({ status: 'submitted', version: 1 });
    // pdfsig, an independent verifier, agrees with what the server kept.
    const dir = mkdtempSync(path.join(tmpdir(), 'filing-'));
    writeFileSync(path.join(dir, 'signed.pdf'), first.signed);
    expect(execFileSync('pdfsig', [path.join(dir, 'signed.pdf')], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');

    const queue = await h.call({ method: 'GET', url: `/api/staff/construction-filings?status=submitted&q=${encodeURIComponent('门卫室')}`, token: reviewer });
    expect((queue.json() as { filings: { id: string }[] }).filings.map((f) => f.id)).toContain(id);
    const view = await staff(id);
    expect(view.json()).toMatchObject({
      status: 'submitted',
      allowedActions: ['return', 'approve', 'reject'],
      versions: [{ version: 1, signatures: [{ signer: { uscc: a.uscc }, level: 'B-B', cmsValid: true, problems: [] }] }],
    });
    // The reviewer opens the signed PDF through the files route (its item is the filing's).
    expect((await h.call({ method: 'GET', url: `/api/enterprises/${a.enterpriseId}/files/${first.body.signedPdf.sha256}`, token: reviewer })).statusCode).toBe(200);

    // A comment only where the desk has a field or a material to show it by.
    const nowhere = await staff(id, 'return', { fields: [{ path: 'project.colour', comment: '?' }], attachments: [{ path: 'attachments.businessLicence', comment: '?' }] });
    expect([nowhere.statusCode, issuesOf(nowhere).map((i) => `${i.path} ${i.code}`)]).toEqual([400, ['body.fields[0].path CHOICE_INVALID', 'body.attachments[0].path CHOICE_INVALID']]);
    const comments = {
      comment: '请补充监理单位',
      fields: [{ path: 'project.supervisor', comment: '委托监理的须填写' }, { path: 'project.costFen', comment: '与施工合同金额不一致' }],
      attachments: [{ path: 'attachments.constructionContract', comment: '缺少盖章页' }],
    };
    const returned = await staff(id, 'return', comments);
    expect(returned.json()).toMatchObject({ status: 'returned', allowedActions: [] });
    expect((await h.call({ method: 'GET', url: `${base()}/${id}${q}`, token: clerk })).json()).toMatchObject({ status: 'returned', returnComments: comments });

    const fixed = payloadFor(id, { project: { supervisor: { name: '苏州示例监理有限公司', uscc: b.uscc } } });
    const second = await signedBody(fixed);
    const resubmitted = await submit(id, second.body);
    expect(resubmitted.json()).toMatchObject({ status: 'resubmitted', version: 2 });
    const approved = await staff(id, 'approve', {});
    expect(approved.json()).toMatchObject({ status: 'approved', versions: [{ version: 1 }, { version: 2 }] });
    expect(codeOf(await staff(id, 'reject', { reason: '晚了' }))).toBe('FILING_STATE_CONFLICT');

    const sms = await smsTo('13700001234');
    expect(sms.filter((t) => t.includes('独墅湖厂区门卫室改建工程')).map((t) => t.match(/已提交|退回修改|重新提交|审核通过/)?.[0])).toEqual(['已提交', '退回修改', '重新提交', '审核通过']);
    const timeline = (await h.call({ method: 'GET', url: `${base()}/${id}/timeline${q}`, token: clerk })).json() as { entries: { action: string; actor: { name: string } }[] };
    expect(timeline.entries.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'resubmit', 'approve']);
    expect(timeline.entries[2]!.actor.name).toBe('审核人员');
  });
});
