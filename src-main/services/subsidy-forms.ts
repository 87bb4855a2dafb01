/**
 * The subsidy application on paper (issue 21 item 6), with the same generator and font as registration's forms
 * (`@shared/pdf`, `loadFormFont`) and the field words every desk shares (src-shared/subsidy/field-labels.ts):
 *
 * - 补贴申请表 — what the clerk has typed so far, to print before submitting, stamp with the official seal
 *   (加盖公章) and upload as the attachment 补贴申请表（加盖公章） (manual 001 §1, 附件信息);
 * - 申请提交副本 — what was filed: the application's number, status, version, when it was submitted, the signed
 *   form and the SHA-256 of every attachment, for the enterprise's records.
 *
 * Both read the form leniently (a draft may be half typed): what is missing prints as a blank to fill by hand.
 */
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { DATE_LINE, MM, PrintDocument, TYPE_SIZE } from '@shared/pdf';
import type { PrintPage, TableRow } from '@shared/pdf';
import { formatFen, subsidyAmount } from '@shared/subsidy/amount';
import { choiceLabel, choiceLabels, contactFieldLabels, enterpriseFieldLabels, requirementLabels, talentFieldLabels, talentFields, type TalentField } from '@shared/subsidy/field-labels';
import { subsidyStatusLabels } from '@shared/subsidy/status-labels';
import { chinaDateTime } from '@shared/time/china';

const PORTAL = '苏州工业园区一网通办';
const ITEM = '高层次和紧缺人才招聘补贴';
const ZH = 'zh-CN';
/** Talents listed by name on the first page; the rest are on their own pages anyway. */
const SUMMARY_TALENTS = 6;
const ATTACHMENTS_PER_PAGE = 18;

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const fen = (v: unknown): string => (typeof v === 'number' && Number.isSafeInteger(v) ? formatFen(v) : '');

/** The application's number as clerks read it out (the same as the desktop's `shortId`). */
export const applicationNumber = (id: string) => id.slice(0, 8).toUpperCase();

function talentValue(t: Loose, field: TalentField): string {
  if (field in choiceLabels) return str(t[field]) ? choiceLabel(field, str(t[field]), ZH) : '';
  switch (field) {
    case 'annualSalaryFen':
    case 'feePaidFen':
      return fen(t[field]);
    case 'headhunter': {
      const h = obj(t.headhunter);
      return [str(h.name), str(h.uscc)].filter(Boolean).join('　');
    }
    case 'priorSubsidy': {
      const p = obj(t.priorSubsidy);
      return [p.received === true ? '是' : p.received === false ? '否' : '', str(p.note)].filter(Boolean).join('：');
    }
    default:
      return str(t[field]);
  }
}

const label = (field: TalentField) => talentFieldLabels[field][ZH];

function enterpriseRows(app: SubsidyApplicationView): TableRow[] {
  const e = enterpriseFieldLabels;
  return [
    { section: '一、申报企业' },
    { fields: [{ label: e.name[ZH], value: app.enterprise.name }] },
    { fields: [{ label: e.uscc[ZH], value: app.enterprise.uscc }, { label: e.legalRepresentative[ZH], value: app.enterprise.legalRepresentative }] },
    { fields: [{ label: e.address[ZH], value: app.enterprise.address }] },
  ];
}

function contactRows(form: Loose): TableRow[] {
  const c = obj(form.contact);
  return [
    { section: '二、联系人' },
    { fields: [{ label: contactFieldLabels.name[ZH], value: str(c.name) }, { label: contactFieldLabels.mobile[ZH], value: str(c.mobile) }] },
    { fields: [{ label: contactFieldLabels.email[ZH], value: str(c.email) }] },
  ];
}

/** One row per talent (name, position, channel, amount), the first few by name; the total below. */
function talentSummaryRows(app: SubsidyApplicationView, talents: Loose[], totalFen: number, perTalentFen: number[]): TableRow[] {
  const rows: TableRow[] = [{ section: `三、引进人才及申请金额（共 ${talents.length} 人）` }];
  talents.slice(0, SUMMARY_TALENTS).forEach((t, i) => {
    const what = [str(t.name), str(t.position), talentValue(t, 'recruitmentChannel')].filter(Boolean).join('　');
    rows.push({ fields: [{ label: `引进人才 ${i + 1}`, value: what }, { label: '申请金额（元）', value: formatFen(perTalentFen[i] ?? 0) }] });
  });
  if (talents.length > SUMMARY_TALENTS) rows.push({ fields: [{ label: '其余人才', value: `引进人才 ${SUMMARY_TALENTS + 1}–${talents.length}，详见各人才情况表` }] });
  const rule = app.quota.rule;
  rows.push({
    fields: [{
      label: '合计申请金额',
      value: `${formatFen(totalFen)} 元（按实际支付猎头服务费的 ${rule.rateBasisPoints / 100}% 计算，每位人才最高 ${formatFen(rule.perTalentCapFen)} 元，每家企业每年最高 ${formatFen(rule.perEnterpriseYearCapFen)} 元）`,
    }],
  });
  return rows;
}

/** A talent's every field, two to a row, in the form's order. */
function talentPage(page: PrintPage, t: Loose, index: number, count: number): void {
  page.title('引进人才情况表', { subtitle: `引进人才 ${index + 1} / ${count}${str(t.name) ? `：${str(t.name)}` : ''}` });
  const fields = talentFields.map((f) => ({ label: label(f), value: talentValue(t, f) }));
  const rows: TableRow[] = [];
  for (let i = 0; i < fields.length; i += 2) rows.push({ fields: fields.slice(i, i + 2) });
  page.table(rows, { labelWidth: 30 * MM, size: TYPE_SIZE.small + 0.5 });
}

function amountOf(app: SubsidyApplicationView, talents: Loose[]) {
  return subsidyAmount(talents.map((t) => ({ feePaidFen: typeof t.feePaidFen === 'number' ? t.feePaidFen : 0 })), app.quota.rule, app.quota.usedThisYearFen);
}

/**
 * 补贴申请表 from the form as typed (`form`: the draft in contract names) and the enterprise as recorded: a first
 * page with the applicant, the contact, the talents and the amount and a box for the seal, then one page per talent.
 */
export async function renderSubsidyApplicationForm(app: SubsidyApplicationView, form: Loose, fontBytes: Uint8Array): Promise<Uint8Array> {
  const talents = list(form.talents);
  const amount = amountOf(app, talents);
  const doc = await PrintDocument.create(fontBytes, {
    title: `${ITEM}申请表 - ${app.enterprise.name}`,
    subject: `${PORTAL}${ITEM}申请表（加盖公章后上传）`,
    keywords: [app.enterprise.uscc, '补贴申请表', applicationNumber(app.id)],
  });
  const footer = `补贴申请表\u3000统一社会信用代码：${app.enterprise.uscc}\u3000申请编号：${applicationNumber(app.id)}`;
  const first = doc.addPage({ header: `${PORTAL} · ${ITEM}`, footer });
  first.title(`${ITEM}申请表`, { subtitle: `申请编号：${applicationNumber(app.id)}` });
  first.table(
    [
      ...enterpriseRows(app),
      ...contactRows(form),
      ...talentSummaryRows(app, talents, amount.totalFen, amount.perTalentFen),
      {
        label: '企业承诺',
        text: '本企业承诺：以上填报信息及所附材料真实、准确、完整，引进人才与本企业依法签订劳动合同并缴纳社会保险；如有虚假，本企业愿承担相应的法律责任并退回已获得的补贴资金。',
        sign: ['企业（盖章）', '法定代表人（签字）：', DATE_LINE],
        height: 120,
        maxHeight: 170,
      },
    ],
    { reserveBelow: 12 * MM },
  );
  first.space(3 * MM).paragraph('注：本表打印后加盖企业公章，扫描或拍照后在申请页面“附件信息”的“补贴申请表（加盖公章）”处上传。', { size: TYPE_SIZE.small });
  talents.forEach((t, i) => talentPage(doc.addPage({ header: `${PORTAL} · ${ITEM}`, footer }), t, i, talents.length));
  return doc.save();
}

function attachmentRows(form: Loose): Array<{ label: string; value: string }> {
  const row = (owner: string, a: Loose) => {
    const req = str(a.requirement) as keyof typeof requirementLabels;
    const name = requirementLabels[req]?.[ZH] ?? req;
    const size = typeof a.size === 'number' ? `${Math.max(1, Math.round(a.size / 1024))} KB` : '';
    // The size first: a hash is one word, so it takes a line of its own and never splits.
    return { label: `${owner}${name}`, value: `${size}\u3000SHA-256 ${str(a.sha256)}` };
  };
  return [
    ...list(form.attachments).map((a) => row('', a)),
    ...list(form.talents).flatMap((t, i) => list(t.attachments).map((a) => row(`人才 ${i + 1} · `, a))),
  ];
}

/**
 * 申请提交副本: what the enterprise filed, as the server holds it (the latest signed version): number, status,
 * version and time, the applicant, contact, talents and amount, every attachment's SHA-256, then a page per talent.
 */
export async function renderSubsidyFiledCopy(app: SubsidyApplicationView, fontBytes: Uint8Array, printedAt: Date = new Date()): Promise<Uint8Array> {
  const form = obj(app.form);
  const talents = list(form.talents);
  const amount = amountOf(app, talents);
  const number = applicationNumber(app.id);
  const doc = await PrintDocument.create(fontBytes, {
    title: `${ITEM}申请提交副本 - ${app.enterprise.name} - ${number}`,
    subject: `${PORTAL}${ITEM}：已提交的申请`,
    keywords: [app.enterprise.uscc, number, '申请提交副本'],
  });
  const footer = `申请提交副本\u3000申请编号：${number}\u3000打印时间：${chinaDateTime(printedAt)}`;
  const header = `${PORTAL} · ${ITEM}`;
  const first = doc.addPage({ header, footer });
  first.title(`${ITEM}申请`, { subtitle: '申请提交副本（供企业留存，不作为审核结果）' });
  first.table([
    { section: '申请信息' },
    { fields: [{ label: '申请编号', value: `${number}（${app.id}）` }] },
    { fields: [{ label: '办理状态', value: subsidyStatusLabels[app.status][ZH] }, { label: '签名版本', value: app.version > 0 ? `第 ${app.version} 版` : '' }] },
    {
      fields: [
        { label: '提交时间', value: app.submittedAt ? chinaDateTime(app.submittedAt) : '' },
        { label: '申请金额（元）', value: fen(app.amountRequestedFen) || formatFen(amount.totalFen) },
      ],
    },
    ...(app.amountApprovedFen !== null ? [{ fields: [{ label: '核准金额（元）', value: formatFen(app.amountApprovedFen) }] }] : []),
    ...enterpriseRows(app),
    ...contactRows(form),
    ...talentSummaryRows(app, talents, app.amountRequestedFen ?? amount.totalFen, amount.perTalentFen),
  ]);
  first.space(3 * MM).paragraph('本副本根据企业以 CA 数字证书签名提交的申请内容生成；所附材料以 SHA-256 摘要标识，与签名内容一致。', { size: TYPE_SIZE.small });
  const files = attachmentRows(form);
  for (let i = 0; i < files.length; i += ATTACHMENTS_PER_PAGE) {
    const page = doc.addPage({ header, footer });
    page.title('附件材料', { subtitle: `共 ${files.length} 份${files.length > ATTACHMENTS_PER_PAGE ? `（第 ${i + 1}–${Math.min(files.length, i + ATTACHMENTS_PER_PAGE)} 份）` : ''}` });
    page.paragraph('每份材料以其内容的 SHA-256 摘要标识（与签名内容中的摘要一致）。', { size: TYPE_SIZE.small });
    page.table(files.slice(i, i + ATTACHMENTS_PER_PAGE).map((f) => ({ fields: [f] })), { labelWidth: 50 * MM, size: TYPE_SIZE.small - 1 });
  }
  talents.forEach((t, i) => talentPage(doc.addPage({ header, footer }), t, i, talents.length));
  return doc.save();
}
