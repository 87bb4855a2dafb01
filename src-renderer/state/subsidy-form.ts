import type { AttachmentRef } from '@shared/contract/client-api';
import {
  subsidyApplicationRequirements,
  subsidyTalentRequirements,
  type SubsidyDraftForm,
  type SubsidyTalent,
} from '@shared/contract/http/subsidy';
import { subsidyAmount, type SubsidyAmount, type SubsidyAmountRule } from '@shared/subsidy/amount';
import { parseMobile, parseResidentId, parseUscc } from '@shared/validation';

/**
 * The subsidy form as the clerk types it (manual 001 §1: 企业基本信息、联系信息、引进人才信息、附件信息), its checks as
 * stable codes by contract path (`contact.mobile`, `talents[1].invoiceNumber`, `talents[0].attachments.invoice`:
 * the same paths reviewers comment on), and the conversions to the contract: money is typed in yuan and kept in fen.
 */
export type AppRequirement = keyof typeof subsidyApplicationRequirements;
export type TalentRequirement = keyof typeof subsidyTalentRequirements;
export const APP_REQUIREMENTS = Object.keys(subsidyApplicationRequirements) as AppRequirement[];
export const TALENT_REQUIREMENTS = Object.keys(subsidyTalentRequirements) as TalentRequirement[];

export const ID_TYPES = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanentResidence', 'other'] as const;
export const EDUCATIONS = ['doctorate', 'master', 'bachelor', 'associate', 'other'] as const;
export const DEGREES = ['doctor', 'master', 'bachelor', 'none'] as const;
export const CATEGORIES = ['leading', 'highLevel', 'shortage', 'other'] as const;
export const CHANNELS = ['headhunting', 'campus', 'jobFair', 'onlinePlatform', 'referral', 'other'] as const;

export interface TalentForm {
  /** Local identity for lists; never sent. */
  key: string;
  name: string;
  idType: (typeof ID_TYPES)[number];
  idNumber: string;
  nationality: string;
  education: (typeof EDUCATIONS)[number] | '';
  degree: (typeof DEGREES)[number] | '';
  school: string;
  major: string;
  graduationDate: string;
  title: string;
  position: string;
  category: (typeof CATEGORIES)[number] | '';
  hireDate: string;
  contractStart: string;
  contractEnd: string;
  /** Yuan, as typed. */
  annualSalary: string;
  socialInsuranceStartMonth: string;
  socialInsuranceMonths: string;
  recruitmentChannel: (typeof CHANNELS)[number] | '';
  headhunterName: string;
  headhunterUscc: string;
  /** Yuan, as typed. */
  feePaid: string;
  invoiceNumber: string;
  paymentDate: string;
  priorSubsidyReceived: boolean;
  priorSubsidyNote: string;
  attachments: Partial<Record<TalentRequirement, AttachmentRef>>;
}

export interface SubsidyForm {
  declarationAccepted: boolean;
  contact: { name: string; mobile: string; email: string };
  talents: TalentForm[];
  attachments: Partial<Record<AppRequirement, AttachmentRef>>;
}

export function emptyTalent(): TalentForm {
  return {
    key: crypto.randomUUID(),
    name: '',
    idType: 'residentId',
    idNumber: '',
    nationality: '中国',
    education: '',
    degree: '',
    school: '',
    major: '',
    graduationDate: '',
    title: '',
    position: '',
    category: '',
    hireDate: '',
    contractStart: '',
    contractEnd: '',
    annualSalary: '',
    socialInsuranceStartMonth: '',
    socialInsuranceMonths: '',
    recruitmentChannel: '',
    headhunterName: '',
    headhunterUscc: '',
    feePaid: '',
    invoiceNumber: '',
    paymentDate: '',
    priorSubsidyReceived: false,
    priorSubsidyNote: '',
    attachments: {},
  };
}

export function emptyForm(): SubsidyForm {
  return { declarationAccepted: true, contact: { name: '', mobile: '', email: '' }, talents: [emptyTalent()], attachments: {} };
}

// ── Money ──────────────────────────────────────────────────────────────────

/** `12,345.6` yuan → 1234560 fen, by string arithmetic (no floating point); null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1234560 fen → `12345.60` (for the input; the display uses formatFen). */
export function fenToYuanText(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export const isHeadhunting = (t: Pick<TalentForm, 'recruitmentChannel'>) => t.recruitmentChannel === 'headhunting';

/** The amount as the server will compute it: only headhunting fees count. */
export function amountOf(form: SubsidyForm, rule: SubsidyAmountRule, usedThisYearFen: number): SubsidyAmount {
  return subsidyAmount(
    form.talents.map((t) => ({ feePaidFen: isHeadhunting(t) ? (yuanToFen(t.feePaid) ?? 0) : 0 })),
    rule,
    usedThisYearFen,
  );
}

// ── Checks ─────────────────────────────────────────────────────────────────

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Problems by contract path: `required`, `tooLong`, `emailFormat`, `amountFormat`, `dateOrder`, `number`, or a validator's code. */
export type Problems = Record<string, string>;

const required = (v: string) => v.trim() === '';

export function talentProblems(t: TalentForm, i: number, out: Problems = {}): Problems {
  const p = (field: string, code: string | null) => {
    if (code) out[`talents[${i}].${field}`] = code;
  };
  const text = (field: keyof TalentForm, max: number, optional = false) => {
    const v = String(t[field]);
    p(field, !optional && required(v) ? 'required' : v.trim().length > max ? 'tooLong' : null);
  };
  text('name', 50);
  if (required(t.idNumber)) p('idNumber', 'required');
  else if (t.idType === 'residentId') {
    const r = parseResidentId(t.idNumber);
    p('idNumber', r.ok ? null : r.code);
  } else p('idNumber', t.idNumber.trim().length > 40 ? 'tooLong' : null);
  text('nationality', 50);
  p('education', t.education ? null : 'required');
  p('degree', t.degree ? null : 'required');
  text('school', 100);
  text('major', 100);
  text('title', 100, true);
  text('position', 100);
  p('category', t.category ? null : 'required');
  for (const d of ['graduationDate', 'hireDate', 'contractStart', 'contractEnd'] as const) p(d, DATE.test(t[d]) ? null : 'required');
  if (DATE.test(t.contractStart) && DATE.test(t.contractEnd) && t.contractEnd < t.contractStart) p('contractEnd', 'dateOrder');
  p('annualSalaryFen', required(t.annualSalary) ? 'required' : yuanToFen(t.annualSalary) === null ? 'amountFormat' : null);
  p('socialInsuranceStartMonth', MONTH.test(t.socialInsuranceStartMonth) ? null : 'required');
  const months = t.socialInsuranceMonths.trim();
  p('socialInsuranceMonths', months === '' ? 'required' : /^\d{1,3}$/.test(months) && Number(months) <= 600 ? null : 'number');
  p('recruitmentChannel', t.recruitmentChannel ? null : 'required');
  if (isHeadhunting(t)) {
    p('headhunter.name', required(t.headhunterName) ? 'required' : t.headhunterName.trim().length > 100 ? 'tooLong' : null);
    if (required(t.headhunterUscc)) p('headhunter.uscc', 'required');
    else {
      const r = parseUscc(t.headhunterUscc.trim().toUpperCase());
      p('headhunter.uscc', r.ok ? null : r.code);
    }
    const fee = yuanToFen(t.feePaid);
    p('feePaidFen', required(t.feePaid) ? 'required' : fee === null ? 'amountFormat' : fee <= 0 ? 'required' : null);
    text('invoiceNumber', 50);
    p('paymentDate', DATE.test(t.paymentDate) ? null : 'required');
  }
  if (t.priorSubsidyNote.length > 500) p('priorSubsidy.note', 'tooLong');
  for (const r of TALENT_REQUIREMENTS) {
    const need = subsidyTalentRequirements[r].required;
    if (!t.attachments[r] && (need === 'always' || (need === 'headhunting' && isHeadhunting(t)))) p(`attachments.${r}`, 'missing');
  }
  return out;
}

export function formProblems(form: SubsidyForm): Problems {
  const out: Problems = {};
  const c = form.contact;
  if (required(c.name)) out['contact.name'] = 'required';
  else if (c.name.trim().length > 50) out['contact.name'] = 'tooLong';
  if (required(c.mobile)) out['contact.mobile'] = 'required';
  else {
    const r = parseMobile(c.mobile);
    if (!r.ok) out['contact.mobile'] = r.code;
  }
  if (required(c.email)) out['contact.email'] = 'required';
  else if (!EMAIL.test(c.email.trim()) || c.email.trim().length > 254) out['contact.email'] = 'emailFormat';
  if (form.talents.length === 0) out.talents = 'required';
  form.talents.forEach((t, i) => talentProblems(t, i, out));
  const anyHeadhunting = form.talents.some(isHeadhunting);
  for (const r of APP_REQUIREMENTS) {
    const need = subsidyApplicationRequirements[r].required;
    if (!form.attachments[r] && (need === 'always' || (need === 'headhunting' && anyHeadhunting))) out[`attachments.${r}`] = 'missing';
  }
  return out;
}

/** Whether a requirement must be uploaded for this form. */
export function isRequired(need: 'always' | 'headhunting' | 'optional', headhunting: boolean): boolean {
  return need === 'always' || (need === 'headhunting' && headhunting);
}

// ── To and from the contract ───────────────────────────────────────────────

const digest = (a: AttachmentRef) => ({ requirement: a.requirement, sha256: a.sha256, size: a.size, mediaType: a.mediaType });

/** The talents as the signed payload has them (call only when {@link formProblems} is empty). */
export function contractTalent(t: TalentForm): SubsidyTalent {
  const hh = isHeadhunting(t);
  return {
    name: t.name.trim(),
    idType: t.idType,
    idNumber: t.idType === 'residentId' ? t.idNumber.trim().toUpperCase() : t.idNumber.trim(),
    nationality: t.nationality.trim(),
    education: t.education as SubsidyTalent['education'],
    degree: t.degree as SubsidyTalent['degree'],
    school: t.school.trim(),
    major: t.major.trim(),
    graduationDate: t.graduationDate,
    title: t.title.trim(),
    position: t.position.trim(),
    category: t.category as SubsidyTalent['category'],
    hireDate: t.hireDate,
    contractStart: t.contractStart,
    contractEnd: t.contractEnd,
    annualSalaryFen: yuanToFen(t.annualSalary) ?? 0,
    socialInsuranceStartMonth: t.socialInsuranceStartMonth,
    socialInsuranceMonths: Number(t.socialInsuranceMonths.trim()),
    recruitmentChannel: t.recruitmentChannel as SubsidyTalent['recruitmentChannel'],
    headhunter: hh ? { name: t.headhunterName.trim(), uscc: t.headhunterUscc.trim().toUpperCase() } : null,
    feePaidFen: hh ? (yuanToFen(t.feePaid) ?? 0) : 0,
    invoiceNumber: hh ? t.invoiceNumber.trim() : '',
    paymentDate: hh ? t.paymentDate : null,
    priorSubsidy: { received: t.priorSubsidyReceived, note: t.priorSubsidyNote.trim() },
    attachments: TALENT_REQUIREMENTS.flatMap((r) => (t.attachments[r] && (hh || subsidyTalentRequirements[r].required !== 'headhunting') ? [digest(t.attachments[r])] : [])) as SubsidyTalent['attachments'],
  };
}

export function submission(form: SubsidyForm) {
  const contact = { name: form.contact.name.trim(), mobile: form.contact.mobile.replace(/^\+86/, '').replace(/[\s-]/g, ''), email: form.contact.email.trim() };
  const anyHeadhunting = form.talents.some(isHeadhunting);
  return {
    contact,
    talents: form.talents.map(contractTalent),
    attachments: APP_REQUIREMENTS.flatMap((r) =>
      form.attachments[r] && (anyHeadhunting || subsidyApplicationRequirements[r].required !== 'headhunting') ? [digest(form.attachments[r])] : [],
    ),
  };
}

const cut = (s: string) => s.slice(0, 500);

/** The server-side draft: the form so far in contract field names (any subset; unchecked). */
export function serverDraft(form: SubsidyForm): SubsidyDraftForm {
  return {
    declarationAccepted: form.declarationAccepted,
    contact: { name: cut(form.contact.name), mobile: cut(form.contact.mobile), email: cut(form.contact.email) },
    talents: form.talents.slice(0, 50).map((t) => ({
      name: cut(t.name),
      idType: t.idType,
      idNumber: cut(t.idNumber),
      nationality: cut(t.nationality),
      education: t.education,
      degree: t.degree,
      school: cut(t.school),
      major: cut(t.major),
      graduationDate: t.graduationDate,
      title: cut(t.title),
      position: cut(t.position),
      category: t.category,
      hireDate: t.hireDate,
      contractStart: t.contractStart,
      contractEnd: t.contractEnd,
      annualSalaryFen: yuanToFen(t.annualSalary),
      socialInsuranceStartMonth: t.socialInsuranceStartMonth,
      socialInsuranceMonths: /^\d{1,3}$/.test(t.socialInsuranceMonths.trim()) ? Number(t.socialInsuranceMonths.trim()) : null,
      recruitmentChannel: t.recruitmentChannel,
      headhunter: { name: cut(t.headhunterName), uscc: cut(t.headhunterUscc) },
      feePaidFen: yuanToFen(t.feePaid),
      invoiceNumber: cut(t.invoiceNumber),
      paymentDate: t.paymentDate || null,
      priorSubsidy: { received: t.priorSubsidyReceived, note: cut(t.priorSubsidyNote) },
      attachments: Object.values(t.attachments).slice(0, 30).map(digest),
    })),
    attachments: Object.values(form.attachments).map(digest),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | '' => (options.includes(v as T) ? (v as T) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const attachmentsOf = <K extends string>(v: unknown, keys: readonly K[], names?: Partial<Record<K, AttachmentRef>>): Partial<Record<K, AttachmentRef>> => {
  const out: Partial<Record<K, AttachmentRef>> = {};
  for (const a of Array.isArray(v) ? v : []) {
    const r = obj(a);
    const req = r.requirement as K;
    if (!keys.includes(req) || typeof r.sha256 !== 'string' || typeof r.size !== 'number' || typeof r.mediaType !== 'string') continue;
    const known = names?.[req];
    out[req] = {
      requirement: req,
      sha256: r.sha256,
      size: r.size,
      mediaType: r.mediaType as AttachmentRef['mediaType'],
      // The server keeps hashes, not names: keep a name this desk knows, else say what it is.
      fileName: known?.sha256 === r.sha256 ? known.fileName : `${r.sha256.slice(0, 8)}.${r.mediaType === 'application/pdf' ? 'pdf' : r.mediaType === 'image/png' ? 'png' : 'jpg'}`,
    };
  }
  return out;
};

/** A form from the server (a draft or the last signed payload), for editing. */
export function formFromContract(raw: Record<string, unknown>): SubsidyForm {
  const contact = obj(raw.contact);
  const talents = (Array.isArray(raw.talents) ? raw.talents : []).map((x): TalentForm => {
    const t = obj(x);
    const hh = obj(t.headhunter);
    const prior = obj(t.priorSubsidy);
    return {
      ...emptyTalent(),
      name: str(t.name),
      idType: oneOf(t.idType, ID_TYPES) || 'residentId',
      idNumber: str(t.idNumber),
      nationality: typeof t.nationality === 'string' ? t.nationality : '中国',
      education: oneOf(t.education, EDUCATIONS),
      degree: oneOf(t.degree, DEGREES),
      school: str(t.school),
      major: str(t.major),
      graduationDate: str(t.graduationDate),
      title: str(t.title),
      position: str(t.position),
      category: oneOf(t.category, CATEGORIES),
      hireDate: str(t.hireDate),
      contractStart: str(t.contractStart),
      contractEnd: str(t.contractEnd),
      annualSalary: fenToYuanText(t.annualSalaryFen as number),
      socialInsuranceStartMonth: str(t.socialInsuranceStartMonth),
      socialInsuranceMonths: typeof t.socialInsuranceMonths === 'number' ? String(t.socialInsuranceMonths) : '',
      recruitmentChannel: oneOf(t.recruitmentChannel, CHANNELS),
      headhunterName: str(hh.name),
      headhunterUscc: str(hh.uscc),
      feePaid: typeof t.feePaidFen === 'number' && t.feePaidFen > 0 ? fenToYuanText(t.feePaidFen) : '',
      invoiceNumber: str(t.invoiceNumber),
      paymentDate: str(t.paymentDate),
      priorSubsidyReceived: prior.received === true,
      priorSubsidyNote: str(prior.note),
      attachments: attachmentsOf(t.attachments, TALENT_REQUIREMENTS),
    };
  });
  return {
    declarationAccepted: raw.declarationAccepted === true,
    contact: { name: str(contact.name), mobile: str(contact.mobile), email: str(contact.email) },
    talents: talents.length ? talents : [emptyTalent()],
    attachments: attachmentsOf(raw.attachments, APP_REQUIREMENTS),
  };
}

/** `talents[1].invoiceNumber` → which talent and which field a reviewer's comment is about. */
export function parsePath(path: string): { talent: number | null; field: string } {
  const m = /^talents\[(\d{1,2})\]\.(.+)$/.exec(path);
  return m ? { talent: Number(m[1]), field: m[2]! } : { talent: null, field: path };
}
