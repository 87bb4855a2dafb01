import { describe, expect, it } from 'vitest';
import { missingSubsidyAttachments, subsidyFormSchema, subsidyTalentSchema } from '@shared/contract/http/subsidy';
import { DEFAULT_SUBSIDY_AMOUNT_RULE } from '@shared/subsidy/amount';
import { residentIdCheckChar } from '@shared/validation/resident-id';
import { amountOf, checkSubsidyForm, emptyForm, emptyTalent, formFromContract, formProblems, localForm, serverDraft, stillRefused, submission, uploadCount, yuanToFen, type SubsidyForm, type TalentForm } from './subsidy-form';

const ID = `32050119920501123${residentIdCheckChar('32050119920501123')}`;
const ref = (requirement: string) => ({ requirement, sha256: requirement.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a').slice(0, 64), size: 10, mediaType: 'application/pdf' as const, fileName: `${requirement}.pdf` });

function headhunted(over: Partial<TalentForm> = {}): TalentForm {
  return {
    ...emptyTalent(),
    name: '陈七',
    idNumber: ID,
    education: 'doctorate',
    degree: 'doctor',
    school: '南京大学',
    major: '材料科学',
    graduationDate: '2020-06-30',
    position: '研发总监',
    category: 'highLevel',
    hireDate: '2026-03-01',
    contractStart: '2026-03-01',
    contractEnd: '2029-02-28',
    annualSalary: '600,000',
    socialInsuranceStartMonth: '2026-03',
    socialInsuranceMonths: '6',
    recruitmentChannel: 'headhunting',
    headhunterName: '苏州某某人力资源有限公司',
    headhunterUscc: '91320594MA1MXK3R3C',
    feePaid: '60000',
    invoiceNumber: '32002600001',
    paymentDate: '2026-03-15',
    attachments: Object.fromEntries(['idDocument', 'diploma', 'laborContract', 'socialInsurance', 'invoice', 'paymentProof'].map((r) => [r, [ref(r)]])),
    ...over,
  };
}

function complete(): SubsidyForm {
  return {
    ...emptyForm(),
    contact: { name: '赵六', mobile: '13700001234', email: 'hr@example.com' },
    talents: [headhunted()],
    attachments: { businessLicence: [ref('businessLicence')], applicationForm: [ref('applicationForm')], headhuntingContract: [ref('headhuntingContract')] },
  };
}

describe('the subsidy form', () => {
  it('reads yuan as typed into fen without floating point', () => {
    expect(yuanToFen('123,456.78')).toBe(12_345_678);
    expect(yuanToFen('¥0.1')).toBe(10);
    expect(yuanToFen('60000')).toBe(6_000_000);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('computes the amount with the shared rule, only for headhunting fees, capped per talent', () => {
    const form = complete();
    form.talents.push(headhunted({ feePaid: '123456.79' }), headhunted({ recruitmentChannel: 'campus', feePaid: '99999' }));
    expect(amountOf(form, DEFAULT_SUBSIDY_AMOUNT_RULE, 0)).toMatchObject({ perTalentFen: [3_000_000, 5_000_000, 0], totalFen: 8_000_000 });
    expect(amountOf(form, DEFAULT_SUBSIDY_AMOUNT_RULE, 25_000_000).totalFen).toBe(5_000_000);
  });

  it('names every problem by the contract path reviewers use, and none for a complete form', () => {
    expect(formProblems(complete())).toEqual({});
    const form = complete();
    form.contact.mobile = '1370000';
    form.talents[0] = headhunted({ idNumber: '320501199205011230', invoiceNumber: '', contractEnd: '2020-01-01', attachments: {} });
    const codes = Object.fromEntries(Object.entries(formProblems(form)).map(([path, issue]) => [path, issue.code]));
    expect(codes).toMatchObject({
      'contact.mobile': 'MOBILE_FORMAT',
      'talents[0].idNumber': 'ID_CHECK_DIGIT',
      'talents[0].invoiceNumber': 'INVOICE_REQUIRED',
      'talents[0].contractEnd': 'DATE_ORDER',
      'talents[0].attachments.invoice': 'ATTACHMENT_REQUIRED',
    });
  });

  it('gives an amount that is not a number its own code, and the contract’s limits their numbers', () => {
    const form = complete();
    form.contact.name = '赵'.repeat(51);
    form.talents[0] = headhunted({ annualSalary: '六十万', socialInsuranceMonths: '601', feePaid: '' });
    expect(checkSubsidyForm(form).issues).toEqual([
      { path: 'talents[0].annualSalaryFen', code: 'AMOUNT_FORMAT' },
      { path: 'contact.name', code: 'TOO_LONG', params: { max: 50 } },
      { path: 'talents[0].socialInsuranceMonths', code: 'TOO_LARGE', params: { max: 600 } },
      { path: 'talents[0].feePaidFen', code: 'REQUIRED' },
    ]);
  });

  it('says ok exactly when the server’s schemas and attachment rule accept what would be signed', () => {
    const variants: ((f: SubsidyForm) => void)[] = [
      () => {},
      (f) => (f.contact.email = 'hr@'),
      (f) => (f.contact.name = ' '),
      (f) => (f.talents[0]!.school = 'x'.repeat(101)),
      (f) => (f.talents[0]!.recruitmentChannel = 'campus'),
      (f) => (f.talents[0]!.feePaid = '0'),
      (f) => (f.talents[0]!.headhunterUscc = '91320594ma1mxk3r3c'),
      (f) => (f.talents[0]!.education = ''),
      (f) => delete f.attachments.businessLicence,
      (f) => (f.talents = []),
      (f) => (f.talents[0]!.title = ''),
    ];
    for (const change of variants) {
      const form = complete();
      change(form);
      const checked = checkSubsidyForm(form);
      const body = checked.ok ? checked.value : null;
      const server = body !== null && subsidyFormSchema.safeParse(body).success && missingSubsidyAttachments(body).length === 0;
      expect(checked.ok, change.toString()).toBe(server);
      // And a form the desk refuses, sent anyway as typed, the contract refuses too.
      if (!checked.ok && form.talents.every((t) => yuanToFen(t.annualSalary) !== null)) {
        const typed = { contact: form.contact, talents: form.talents.map(() => body), attachments: [] };
        expect(subsidyFormSchema.safeParse(typed).success).toBe(false);
      }
    }
  });

  it('keeps the server’s issues beside a field until the clerk changes that field', () => {
    const form = complete();
    const issues = [
      { path: 'talents[0].invoiceNumber', code: 'INVOICE_REQUIRED' },
      { path: 'talents[0].annualSalaryFen', code: 'TOO_LARGE', params: { max: 1 } },
    ];
    expect(stillRefused(issues, form, form)).toEqual(issues);
    const changed = { ...form, talents: [{ ...form.talents[0]!, annualSalary: '1' }] };
    expect(stillRefused(issues, form, changed)).toEqual([issues[0]]);
  });

  it('counts the required materials uploaded of all the form requires now ("已上传 9/15")', () => {
    expect(uploadCount(complete())).toEqual({ done: 9, total: 9 });
    // A second talent, hired on campus: four more required, no invoice or payment proof.
    const campus = { ...emptyTalent(), recruitmentChannel: 'campus' as const, attachments: { idDocument: [ref('idDocument')] } };
    expect(uploadCount({ ...complete(), talents: [headhunted(), campus] })).toEqual({ done: 10, total: 13 });
    // Without any headhunter the agreement is no longer required; an optional file does not count.
    const noHeadhunter = { ...complete(), talents: [{ ...campus, attachments: { titleCertificate: [ref('titleCertificate')] } }] };
    expect(uploadCount(noHeadhunter)).toEqual({ done: 2, total: 6 });
  });

  it('asks for the headhunting fields and attachments only when the channel is a headhunter', () => {
    const form = complete();
    form.talents[0] = headhunted({ recruitmentChannel: 'campus', headhunterName: '', headhunterUscc: '', feePaid: '', invoiceNumber: '', paymentDate: '', attachments: {} });
    form.talents[0].attachments = Object.fromEntries(['idDocument', 'diploma', 'laborContract', 'socialInsurance'].map((r) => [r, [ref(r)]]));
    delete form.attachments.headhuntingContract;
    expect(formProblems(form)).toEqual({});
    const t = submission(form).talents[0];
    expect(t).toMatchObject({ headhunter: null, feePaidFen: 0, invoiceNumber: '', paymentDate: null });
  });

  it('builds talents the contract accepts, and keeps a draft through the server and back', () => {
    const form = complete();
    const body = submission(form);
    expect(subsidyTalentSchema.safeParse(body.talents[0]).success).toBe(true);
    expect(body.talents[0]).toMatchObject({ annualSalaryFen: 60_000_000, feePaidFen: 6_000_000, socialInsuranceMonths: 6 });
    expect(body.attachments.map((a) => a.requirement)).toEqual(['businessLicence', 'applicationForm', 'headhuntingContract']);
    const back = formFromContract(JSON.parse(JSON.stringify(serverDraft(form))) as Record<string, unknown>);
    expect({ ...back.talents[0], key: '', attachments: {} }).toEqual({ ...form.talents[0], key: '', annualSalary: '600000.00', feePaid: '60000.00', attachments: {} });
    expect(Object.keys(back.talents[0]!.attachments)).toEqual(Object.keys(form.talents[0]!.attachments));
  });

  it('keeps several files of one material in order through the server draft, and refuses more than the contract allows', () => {
    const page = (n: number) => ({ ...ref('diploma'), sha256: String(n).repeat(64), fileName: `学位证-第${n}页.jpg`, mediaType: 'image/jpeg' as const });
    const form = complete();
    form.talents[0]!.attachments.diploma = [page(2), page(1)];
    const back = formFromContract(JSON.parse(JSON.stringify(serverDraft(form))) as Record<string, unknown>);
    expect(back.talents[0]!.attachments.diploma!.map((f) => f.sha256)).toEqual([page(2).sha256, page(1).sha256]);
    expect(submission(form).talents[0]!.attachments.filter((a) => a.requirement === 'diploma')).toHaveLength(2);
    // "已上传 n/m" counts materials, not files.
    expect(uploadCount(form)).toEqual({ done: 9, total: 9 });

    form.talents[0]!.attachments.diploma = [1, 2, 3, 4, 5].map(page);
    expect(formProblems(form)).toMatchObject({ 'talents[0].attachments.diploma': { code: 'ATTACHMENT_TOO_MANY' } });
    form.talents[0]!.attachments.diploma = [page(1), page(1)];
    expect(formProblems(form)).toMatchObject({ 'talents[0].attachments.diploma': { code: 'ATTACHMENT_TWICE' } });
  });

  it('reads a local draft saved with one file per material as lists', () => {
    const old = { ...complete(), attachments: { businessLicence: ref('businessLicence') } } as unknown as SubsidyForm;
    expect(localForm(old).attachments).toEqual({ businessLicence: [ref('businessLicence')] });
    const now = complete();
    expect(localForm(now)).toEqual(now);
  });
});
