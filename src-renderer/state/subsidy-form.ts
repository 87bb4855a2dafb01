import type { z } from 'zod';
import type { AttachmentRef } from '@shared/contract/client-api';
import {
  degreeSchema,
  educationSchema,
  idTypeSchema,
  isRequirementAsked,
  isRequirementNeeded,
  missingSubsidyAttachments,
  recruitmentChannelSchema,
  subsidyApplicationRequirements,
  subsidyApplicationRequirementSchema,
  subsidyFormSchema,
  subsidyTalentRequirements,
  subsidyTalentRequirementSchema,
  talentCategorySchema,
  type SubsidyDraftForm,
  type SubsidyFormValue,
} from '@shared/contract/http/subsidy';
import { byPath, checkForm, fenToYuanText, firstPerPath, namePath, readNumber, yuanToFen, type FormCheck, type IssuesByPath } from '@shared/forms';
import { subsidyAmount, type SubsidyAmount, type SubsidyAmountRule } from '@shared/subsidy/amount';
import type { FieldIssue } from '@shared/validation/issues';

export { fenToYuanText, yuanToFen };

/**
 * The subsidy form as the clerk types it (manual 001 §1: 企业基本信息、联系信息、引进人才信息、附件信息): strings as
 * typed, money in yuan. It is checked by turning it into the contract's shape and asking the contract's schemas
 * (`subsidyFormSchema`, the talent's cross-field rules, `missingSubsidyAttachments`): the issues come back by
 * contract path (`contact.mobile`, `talents[1].invoiceNumber`, `talents[0].attachments.invoice`: the same paths
 * reviewers comment on and the server refuses). The only rule kept here is reading the typed numbers.
 */
export type AppRequirement = z.infer<typeof subsidyApplicationRequirementSchema>;
export type TalentRequirement = z.infer<typeof subsidyTalentRequirementSchema>;
export const APP_REQUIREMENTS = subsidyApplicationRequirementSchema.options;
export const TALENT_REQUIREMENTS = subsidyTalentRequirementSchema.options;

export const ID_TYPES = idTypeSchema.options;
export const EDUCATIONS = educationSchema.options;
export const DEGREES = degreeSchema.options;
export const CATEGORIES = talentCategorySchema.options;
export const CHANNELS = recruitmentChannelSchema.options;

/** A choice not made yet is `''`. */
type Choice<S extends z.ZodEnum> = z.infer<S> | '';

export interface TalentForm {
  /** Local identity for lists; never sent. */
  key: string;
  name: string;
  idType: z.infer<typeof idTypeSchema>;
  idNumber: string;
  nationality: string;
  education: Choice<typeof educationSchema>;
  degree: Choice<typeof degreeSchema>;
  school: string;
  major: string;
  graduationDate: string;
  title: string;
  position: string;
  category: Choice<typeof talentCategorySchema>;
  hireDate: string;
  contractStart: string;
  contractEnd: string;
  /** Yuan, as typed. */
  annualSalary: string;
  socialInsuranceStartMonth: string;
  socialInsuranceMonths: string;
  recruitmentChannel: Choice<typeof recruitmentChannelSchema>;
  headhunterName: string;
  headhunterUscc: string;
  /** Yuan, as typed. */
  feePaid: string;
  invoiceNumber: string;
  paymentDate: string;
  priorSubsidyReceived: boolean;
  priorSubsidyNote: string;
  /** Each material's files in the order the clerk added them (several pages of one material: issue 21 item 15). */
  attachments: Partial<Record<TalentRequirement, AttachmentRef[]>>;
}

export interface SubsidyForm {
  declarationAccepted: boolean;
  contact: { name: string; mobile: string; email: string };
  talents: TalentForm[];
  attachments: Partial<Record<AppRequirement, AttachmentRef[]>>;
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

export const isHeadhunting = (t: Pick<TalentForm, 'recruitmentChannel'>) => t.recruitmentChannel === 'headhunting';

/** The amount as the server will compute it: only headhunting fees count. */
export function amountOf(form: SubsidyForm, rule: SubsidyAmountRule, usedThisYearFen: number): SubsidyAmount {
  return subsidyAmount(
    form.talents.map((t) => ({ feePaidFen: isHeadhunting(t) ? (yuanToFen(t.feePaid) ?? 0) : 0 })),
    rule,
    usedThisYearFen,
  );
}

const hasFiles = (files: readonly AttachmentRef[] | undefined) => (files?.length ?? 0) > 0;

/**
 * "已上传 9/15": the required materials that have a file, of all the form requires now (the application's and every
 * talent's; a headhunter's invoice only while the channel is headhunting), so a long list shows how far it is.
 */
export function uploadCount(form: SubsidyForm): { done: number; total: number } {
  const anyHeadhunting = form.talents.some(isHeadhunting);
  const slots: boolean[] = [
    ...APP_REQUIREMENTS.filter((r) => isRequirementNeeded(subsidyApplicationRequirements[r].required, anyHeadhunting)).map((r) => hasFiles(form.attachments[r])),
    ...form.talents.flatMap((t) =>
      TALENT_REQUIREMENTS.filter((r) => isRequirementNeeded(subsidyTalentRequirements[r].required, isHeadhunting(t))).map((r) => hasFiles(t.attachments[r])),
    ),
  ];
  return { done: slots.filter(Boolean).length, total: slots.length };
}

// ── To and from the contract ───────────────────────────────────────────────

const digest = (a: AttachmentRef) => ({ requirement: a.requirement, sha256: a.sha256, size: a.size, mediaType: a.mediaType });

/** The files the form lists for these requirements, in order (a headhunter's invoice only while the channel is headhunting). */
function digests<R extends string>(refs: Partial<Record<R, AttachmentRef[]>>, requirements: Record<R, { required: 'always' | 'headhunting' | 'optional' }>, headhunting: boolean) {
  return (Object.keys(requirements) as R[]).flatMap((r) => (isRequirementAsked(requirements[r].required, headhunting) ? (refs[r] ?? []).map(digest) : []));
}

/** Every file of a material map, material by material, each in its order. */
export const allFiles = <R extends string>(refs: Partial<Record<R, AttachmentRef[]>>): AttachmentRef[] => Object.values<AttachmentRef[] | undefined>(refs).flatMap((l) => l ?? []);

/** One talent in the contract's shape, values as typed (the schema trims and normalises); unreadable numbers noted. */
function contractTalent(t: TalentForm, i: number, unreadable: FieldIssue[]) {
  const hh = isHeadhunting(t);
  const at = (field: string) => `talents[${i}].${field}`;
  return {
    name: t.name,
    idType: t.idType,
    idNumber: t.idNumber,
    nationality: t.nationality,
    education: t.education,
    degree: t.degree,
    school: t.school,
    major: t.major,
    graduationDate: t.graduationDate,
    title: t.title,
    position: t.position,
    category: t.category,
    hireDate: t.hireDate,
    contractStart: t.contractStart,
    contractEnd: t.contractEnd,
    annualSalaryFen: readNumber(t.annualSalary, 'yuan', at('annualSalaryFen'), unreadable),
    socialInsuranceStartMonth: t.socialInsuranceStartMonth,
    socialInsuranceMonths: readNumber(t.socialInsuranceMonths, 'whole', at('socialInsuranceMonths'), unreadable),
    recruitmentChannel: t.recruitmentChannel,
    headhunter: hh ? { name: t.headhunterName, uscc: t.headhunterUscc } : null,
    feePaidFen: hh ? readNumber(t.feePaid, 'yuan', at('feePaidFen'), unreadable) : 0,
    invoiceNumber: hh ? t.invoiceNumber : '',
    paymentDate: hh ? t.paymentDate : null,
    priorSubsidy: { received: t.priorSubsidyReceived, note: t.priorSubsidyNote },
    attachments: digests(t.attachments, subsidyTalentRequirements, hh),
  };
}

/** The form in the contract's shape (not yet checked) and the numbers that could not be read. */
function contractShape(form: SubsidyForm) {
  const unreadable: FieldIssue[] = [];
  const talents = form.talents.map((t, i) => contractTalent(t, i, unreadable));
  const value = { contact: form.contact, talents, attachments: digests(form.attachments, subsidyApplicationRequirements, form.talents.some(isHeadhunting)) };
  return { value, unreadable };
}

/** The form checked by the contract: its output (what is signed) or every issue by contract path, at most one each. */
export function checkSubsidyForm(form: SubsidyForm): FormCheck<SubsidyFormValue> {
  const { value, unreadable } = contractShape(form);
  const checked = checkForm(subsidyFormSchema, value);
  const issues = firstPerPath(unreadable, checked.issues, missingSubsidyAttachments(value));
  return issues.length ? { ok: false, issues } : checked;
}

/** The issues by contract path. */
export const formProblems = (form: SubsidyForm): IssuesByPath => byPath(checkSubsidyForm(form).issues);
export type Problems = IssuesByPath;

/** What is signed: the contract's output (call only when {@link checkSubsidyForm} is ok). */
export function submission(form: SubsidyForm): SubsidyFormValue {
  const checked = checkSubsidyForm(form);
  if (!checked.ok) throw new Error(`the form has ${checked.issues.length} issue(s); check it before signing`);
  return checked.value;
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
      attachments: allFiles(t.attachments).slice(0, 30).map(digest),
    })),
    attachments: allFiles(form.attachments).slice(0, 50).map(digest),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | '' => (options.includes(v as T) ? (v as T) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/**
 * The server's files of each material, in their order. The server keeps hashes, not names: a file is named
 * `<first 8 hex>.<type>` here until the desk's own names are put back (`withFileNames` in subsidy-application.ts).
 */
const attachmentsOf = <K extends string>(v: unknown, keys: readonly K[]): Partial<Record<K, AttachmentRef[]>> => {
  const out: Partial<Record<K, AttachmentRef[]>> = {};
  for (const a of Array.isArray(v) ? v : []) {
    const r = obj(a);
    const req = r.requirement as K;
    if (!keys.includes(req) || typeof r.sha256 !== 'string' || typeof r.size !== 'number' || typeof r.mediaType !== 'string') continue;
    if (out[req]?.some((f) => f.sha256 === r.sha256)) continue;
    const file: AttachmentRef = {
      requirement: req,
      sha256: r.sha256,
      size: r.size,
      mediaType: r.mediaType as AttachmentRef['mediaType'],
      fileName: `${r.sha256.slice(0, 8)}.${r.mediaType === 'application/pdf' ? 'pdf' : r.mediaType === 'image/png' ? 'png' : 'jpg'}`,
    };
    out[req] = [...(out[req] ?? []), file];
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

const valueAt = (root: unknown, path: string): unknown =>
  namePath(path).reduce<unknown>((v, part) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[part] : undefined), root);

/**
 * The server's issues that still speak for the form: those whose field the clerk has not changed since the refusal
 * (compared in the contract's shape, so `annualSalaryFen` follows what was typed as `annualSalary`).
 */
export function stillRefused(issues: readonly FieldIssue[], refusedForm: SubsidyForm, form: SubsidyForm): FieldIssue[] {
  if (refusedForm === form) return [...issues];
  const before = contractShape(refusedForm).value;
  const now = contractShape(form).value;
  return issues.filter((i) => JSON.stringify(valueAt(before, i.path)) === JSON.stringify(valueAt(now, i.path)));
}

/** A material's files as saved by an earlier version (one file per material) or this one (a list). */
const asList = (v: unknown): AttachmentRef[] => (Array.isArray(v) ? (v as AttachmentRef[]) : v && typeof v === 'object' ? [v as AttachmentRef] : []);
const listsOf = <R extends string>(m: unknown): Partial<Record<R, AttachmentRef[]>> =>
  Object.fromEntries(Object.entries(obj(m)).map(([r, v]) => [r, asList(v)]).filter(([, l]) => (l?.length ?? 0) > 0)) as Partial<Record<R, AttachmentRef[]>>;

/** A form read back from the local store: drafts saved before a material took several files are read as lists. */
export function localForm(saved: SubsidyForm): SubsidyForm {
  return { ...saved, attachments: listsOf(saved.attachments), talents: saved.talents.map((t) => ({ ...t, attachments: listsOf(t.attachments) })) };
}
