// The subsidy's printouts through poppler, as a clerk's PDF reader shows them: the text a clerk and a reviewer look
// for, extracted through the font's ToUnicode map, and PNGs to look at in test-results/forms/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { PrintDocument } from '@shared/pdf';
import { DEFAULT_SUBSIDY_AMOUNT_RULE } from '@shared/subsidy/amount';
import { loadFormFont } from './form-font';
import { renderSubsidyApplicationForm, renderSubsidyFiledCopy } from './subsidy-forms';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const pngDir = path.join(repoRoot, 'test-results', 'forms');
const sha = (c: string) => c.repeat(64);

const talent = (name: string, feePaidFen: number) => ({
  name,
  idType: 'residentId',
  idNumber: '11010519491231002X',
  nationality: '中国',
  education: 'master',
  degree: 'master',
  school: '苏州大学',
  major: '软件工程',
  graduationDate: '2020-06-30',
  title: '',
  position: '高级算法工程师',
  category: 'shortage',
  hireDate: '2026-03-01',
  contractStart: '2026-03-01',
  contractEnd: '2029-02-28',
  annualSalaryFen: 36_000_000,
  socialInsuranceStartMonth: '2026-03',
  socialInsuranceMonths: 6,
  recruitmentChannel: 'headhunting',
  headhunter: { name: '苏州英才猎头有限公司', uscc: '91320594MA1MXK3R3C' },
  feePaidFen,
  invoiceNumber: '32000012345678',
  paymentDate: '2026-04-15',
  priorSubsidy: { received: false, note: '' },
  attachments: [{ requirement: 'invoice', sha256: sha('b'), size: 204_800, mediaType: 'application/pdf' }],
});

const form = {
  declarationAccepted: true,
  contact: { name: '王喆', mobile: '13912345678', email: 'hr@example.com' },
  talents: [talent('李雷', 5_000_000), talent('韩梅梅', 2_000_000)],
  attachments: [{ requirement: 'businessLicence', sha256: sha('a'), size: 512_000, mediaType: 'image/jpeg' }],
};

const app: SubsidyApplicationView = {
  id: '3f2a9c1e-0000-4000-8000-000000000001',
  enterpriseId: '00000000-0000-4000-8000-000000000002',
  status: 'submitted',
  enterprise: { uscc: '91320594MA1MXK3R3C', name: '苏州星河智能科技有限公司', address: '苏州工业园区星湖街328号', legalRepresentative: '张伟' },
  form,
  version: 1,
  amountRequestedFen: 3_500_000,
  amountApprovedFen: null,
  quota: { rule: DEFAULT_SUBSIDY_AMOUNT_RULE, usedThisYearFen: 0 },
  returnComments: null,
  changes: null,
  publicity: null,
  rejectReason: null,
  submittedAt: '2026-12-06T07:04:00.000Z',
  createdAt: '2026-12-06T06:00:00.000Z',
  updatedAt: '2026-12-06T07:04:00.000Z',
};

const textOf = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const pages = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** Renders the PNGs beside registration's and says whether poppler had a font complaint. */
function look(file: string, name: string): string {
  mkdirSync(pngDir, { recursive: true });
  return spawnSync('pdftoppm', ['-r', '80', '-png', file, path.join(pngDir, name)], { encoding: 'utf8' }).stderr;
}

describe('subsidy printouts', () => {
  let font: Uint8Array;
  let dir: string;
  beforeAll(async () => {
    font = await loadFormFont();
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-subsidy-forms-'));
  });

  it('has a glyph for every character of the templates and the shared field words', async () => {
    const doc = await PrintDocument.create(font, { title: 'coverage' });
    const sources = ['subsidy-forms.ts', '../../src-shared/subsidy/field-labels.ts', '../../src-shared/subsidy/status-labels.ts'];
    const chars = [...new Set(sources.flatMap((s) => readFileSync(path.join(import.meta.dirname, s), 'utf8').match(/[\u3000-\u{10ffff}]/gu) ?? []))].join('');
    expect(doc.missingCharacters(chars)).toEqual([]);
  });

  it('prints the application form to stamp from what was typed: applicant, contact, talents, amount, seal', async () => {
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, await renderSubsidyApplicationForm(app, form, font));
    expect(pages(file)).toBe(3);
    const text = textOf(file);
    for (const expected of [
      '高层次和紧缺人才招聘补贴申请表', '申请编号：3F2A9C1E', app.enterprise.name, app.enterprise.uscc, '注册地址', '苏州工业园区星湖街328号',
      '联系人姓名', '王喆', '联系人手机号码', '13912345678', 'hr@example.com', '共2人', '李雷', '韩梅梅',
      // Half the fee: 25,000 and 10,000 yuan.
      '25,000.00', '10,000.00', '合计申请金额', '35,000.00元', '企业（盖章）', '法定代表人（签字）', '日期：年月日',
      '引进人才情况表', '聘用岗位', '高级算法工程师', '招聘渠道', '猎头机构', '硕士研究生', '苏州英才猎头有限公司', '360,000.00', '第1页共3页',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('工作岗位');
    expect(look(file, 'subsidy-application-form')).toBe('');
  });

  it('prints blanks for what a draft does not have yet', async () => {
    const file = path.join(dir, 'draft.pdf');
    writeFileSync(file, await renderSubsidyApplicationForm({ ...app, status: 'draft', version: 0, submittedAt: null }, { contact: { name: '王喆' }, talents: [{ name: '' }] }, font));
    expect(pages(file)).toBe(2);
    expect(textOf(file)).toContain('0.00元（按实际支付猎头服务费');
  });

  it('prints a copy of what was filed: number, status, version, time, amount, every attachment and talent', async () => {
    const file = path.join(dir, 'copy.pdf');
    writeFileSync(file, await renderSubsidyFiledCopy(app, font, new Date('2026-12-07T01:00:00Z')));
    expect(pages(file)).toBe(4);
    const text = textOf(file);
    for (const expected of [
      '申请提交副本', '3F2A9C1E', app.id, '办理状态已提交', '第1版', '提交时间2026-12-0615:04', '申请金额（元）35,000.00',
      app.enterprise.name, '王喆', '营业执照（加盖公章）', '500KBSHA-256营业执照（加盖公章）', sha('a'), '200KBSHA-256人才2·猎头服务费发票', '打印时间：2026-12-0709:00', '韩梅梅',
    ]) {
      expect(text).toContain(expected);
    }
    expect(look(file, 'subsidy-filed-copy')).toBe('');
  });

  it('fits fifty talents and their attachments on pages of their own', async () => {
    const many = { ...form, talents: Array.from({ length: 50 }, (_, i) => talent(`人才${i + 1}`, 1_000_000)) };
    const file = path.join(dir, 'many.pdf');
    writeFileSync(file, await renderSubsidyFiledCopy({ ...app, form: many }, font));
    // 1 first page + 51 attachments over 3 pages + 50 talents.
    expect(pages(file)).toBe(54);
    expect(textOf(file)).toContain('引进人才7–50');
  });
});
