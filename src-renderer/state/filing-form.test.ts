import { describe, expect, it } from 'vitest';
import { filingDraftFormSchema, filingFormSchema } from '@shared/contract/http/filing';
import { checkFilingForm, emptyFilingForm, filingFormFromContract, formIdentity, serverDraft, unansweredComments, type FilingForm } from './filing-form';

const uscc = '91320594MA1YY8Q29X';
const file = (requirement: string, n: number) => ({ requirement, sha256: n.toString(16).padStart(64, '0'), size: 10, mediaType: 'application/pdf' as const, fileName: `${requirement}.pdf` });

function filled(): FilingForm {
  const f = emptyFilingForm();
  return {
    contact: { name: '赵六', mobile: '13700001234', email: 'hr@example.com' },
    project: {
      ...f.project,
      name: '门卫室改建',
      address: '星湖街 328 号',
      planningPermitNumber: '建字第320594202600123号',
      structureType: 'frame',
      floorArea: '180.5',
      cost: '250,000',
      plannedStart: '2027-01-10',
      plannedEnd: '2027-04-30',
      constructionUnit: { name: '苏州测试建设有限公司', uscc },
      contractor: { name: '江苏示例建筑工程有限公司', uscc },
      contractNumber: 'SG-2026-118',
      projectManager: { name: '钱八', mobile: '13800005678' },
    },
    attachments: {
      planningPermit: [file('planningPermit', 1)],
      constructionContract: [file('constructionContract', 2)],
      constructionDrawings: [file('constructionDrawings', 3), file('constructionDrawings', 4)],
      safetyCommitment: [file('safetyCommitment', 5)],
    },
  };
}

describe('the filing form against the contract', () => {
  it('turns a complete form into the contract value the PDF is generated from', () => {
    const checked = checkFilingForm(filled());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(filingFormSchema.safeParse(checked.value).success).toBe(true);
    expect(checked.value.project).toMatchObject({ floorAreaM2: 180.5, costFen: 25_000_000, supervisor: null });
    expect(checked.value.attachments.map((a) => a.requirement)).toEqual(['planningPermit', 'constructionContract', 'constructionDrawings', 'constructionDrawings', 'safetyCommitment']);
  });

  it('names each problem by its contract path: rules, unreadable amounts, missing materials, the small-project limit', () => {
    const f = filled();
    const bad: FilingForm = { ...f, project: { ...f.project, cost: '25万', hasSupervisor: true }, attachments: { ...f.attachments, safetyCommitment: [] } };
    const checked = checkFilingForm(bad);
    expect(checked.ok).toBe(false);
    const codes = Object.fromEntries(checked.issues.map((i) => [i.path, i.code]));
    expect(codes).toMatchObject({ 'project.costFen': 'AMOUNT_FORMAT', 'project.supervisor.name': 'REQUIRED', 'attachments.safetyCommitment': 'ATTACHMENT_REQUIRED' });
    // The contract's cross-field rules speak once the fields themselves are sound.
    expect(checkFilingForm({ ...f, project: { ...f.project, plannedEnd: '2027-01-01' } }).issues).toEqual([expect.objectContaining({ path: 'project.plannedEnd', code: 'DATE_ORDER' })]);
    const big = checkFilingForm({ ...f, project: { ...f.project, floorArea: '301', cost: '300000.01' } });
    expect(big.issues).toContainEqual(expect.objectContaining({ path: 'project.costFen', code: 'NOT_SMALL_PROJECT' }));
  });

  it('keeps a draft on the server in the contract’s draft shape and reads it back', () => {
    const draft = serverDraft(filled());
    expect(filingDraftFormSchema.safeParse(draft).success).toBe(true);
    const back = filingFormFromContract(draft as Record<string, unknown>);
    expect(back.project).toMatchObject({ name: '门卫室改建', floorArea: '180.5', cost: '250000.00', structureType: 'frame', hasSupervisor: false });
    expect(back.attachments.constructionDrawings).toHaveLength(2);
    expect(filingDraftFormSchema.safeParse(serverDraft(emptyFilingForm())).success).toBe(true);
  });

  it('tells a changed form from the one a PDF was generated from', () => {
    const a = checkFilingForm(filled());
    const again = checkFilingForm(filled());
    const b = checkFilingForm({ ...filled(), contact: { ...filled().contact, name: '赵七' } });
    if (!a.ok || !again.ok || !b.ok) throw new Error('the forms are complete');
    expect(formIdentity(again.value)).toBe(formIdentity(a.value));
    expect(formIdentity(b.value)).not.toBe(formIdentity(a.value));
  });
});

describe('a returned filing’s comments', () => {
  it('stay unanswered until the field or material they are pinned to changes', () => {
    const returned = filingFormFromContract({ contact: { name: '赵六' }, project: { name: '门卫室', costFen: 25_000_000, supervisor: null }, attachments: [file('planningPermit', 1)] });
    const comments = { 'project.costFen': '与合同不一致', 'project.supervisor': '请补充', 'attachments.planningPermit': '不清晰', 'contact.name': '核对' };
    expect([...unansweredComments(comments, returned, returned)].sort()).toEqual(Object.keys(comments).sort());
    const fixed: FilingForm = {
      ...returned,
      project: { ...returned.project, cost: '240000', hasSupervisor: true, supervisor: { name: '苏州示例监理有限公司', uscc: '' } },
      attachments: { planningPermit: [file('planningPermit', 2)] },
    };
    expect([...unansweredComments(comments, returned, fixed)]).toEqual(['contact.name']);
  });
});
