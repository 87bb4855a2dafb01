/**
 * The words for the subsidy application's fields, attachment requirements and choices, the same on every desk:
 * the clerk's desktop (its catalog entries are made from here by `fieldMessages`), the staff console
 * (`src-web/console/domain-labels.ts`) and the printed forms (src-main/services/subsidy-forms.ts). Keyed by the
 * contract's names, so a field renamed in the contract is a type error here. The walk-through found 工作岗位 on one
 * desk and 聘用岗位 on the other for one field (issue 21 item 10); `src-web/one-text.test.ts` fails when a desk
 * catalog names a contract field in words of its own.
 */
import type {
  SubsidyApplicationView,
  SubsidyTalent,
  subsidyApplicationRequirementSchema,
  subsidyTalentRequirementSchema,
  idTypeSchema,
  educationSchema,
  degreeSchema,
  talentCategorySchema,
  recruitmentChannelSchema,
} from '../contract/http/subsidy';
import type { z } from 'zod';
import type { StatusText } from './status-labels';

type Labels<K extends string> = Readonly<Record<K, StatusText>>;
const w = (zh: string, en: string): StatusText => ({ 'zh-CN': zh, en });

export type TalentField = Exclude<keyof SubsidyTalent, 'attachments'> | 'headhunter.name' | 'headhunter.uscc' | 'priorSubsidy.received' | 'priorSubsidy.note';

/** A talent's fields in the order the form shows them; the composite ones (猎头机构, 同类补贴) with their parts. */
export const talentFieldLabels: Labels<TalentField> = {
  name: w('姓名', 'Name'),
  idType: w('证件类型', 'ID type'),
  idNumber: w('证件号码', 'ID number'),
  nationality: w('国籍', 'Nationality'),
  education: w('学历', 'Education'),
  degree: w('学位', 'Degree'),
  school: w('毕业院校', 'School'),
  major: w('所学专业', 'Major'),
  graduationDate: w('毕业时间', 'Graduation date'),
  title: w('职称或职业资格', 'Title or qualification'),
  position: w('聘用岗位', 'Position'),
  category: w('人才类别', 'Talent category'),
  hireDate: w('入职日期', 'Hire date'),
  contractStart: w('劳动合同起始日期', 'Contract start'),
  contractEnd: w('劳动合同终止日期', 'Contract end'),
  annualSalaryFen: w('年薪（元）', 'Annual salary (yuan)'),
  socialInsuranceStartMonth: w('社保缴纳起始月份', 'Social insurance from (month)'),
  socialInsuranceMonths: w('社保已缴纳月数', 'Months of social insurance paid'),
  recruitmentChannel: w('招聘渠道', 'Recruitment channel'),
  headhunter: w('猎头机构', 'Headhunting agency'),
  'headhunter.name': w('猎头机构名称', 'Headhunting agency name'),
  'headhunter.uscc': w('猎头机构统一社会信用代码', 'Agency’s USCC'),
  feePaidFen: w('实际支付猎头服务费（元）', 'Headhunting fee paid (yuan)'),
  invoiceNumber: w('发票号码', 'Invoice number'),
  paymentDate: w('付款日期', 'Payment date'),
  priorSubsidy: w('是否已享受同类补贴', 'Received a similar subsidy before'),
  'priorSubsidy.received': w('是否已享受同类补贴', 'Received a similar subsidy before'),
  'priorSubsidy.note': w('同类补贴说明', 'About the similar subsidy'),
};

/** The talent fields a desk lists one by one (the composite parts are shown inside their field). */
export const talentFields = (Object.keys(talentFieldLabels) as TalentField[]).filter((f) => !f.includes('.'));

export const contactFieldLabels: Labels<'name' | 'mobile' | 'email'> = {
  name: w('联系人姓名', 'Contact name'),
  mobile: w('联系人手机号码', 'Contact mobile'),
  email: w('联系人电子邮箱', 'Contact e-mail'),
};

export const enterpriseFieldLabels: Labels<keyof SubsidyApplicationView['enterprise']> = {
  name: w('企业名称', 'Enterprise name'),
  uscc: w('统一社会信用代码', 'Unified Social Credit Code'),
  address: w('注册地址', 'Registered address'),
  legalRepresentative: w('法定代表人', 'Legal representative'),
};

type Requirement = z.infer<typeof subsidyApplicationRequirementSchema> | z.infer<typeof subsidyTalentRequirementSchema>;

/** The materials, in the words of the service item's guide (migration 0002's 申报材料). */
export const requirementLabels: Labels<Requirement> = {
  businessLicence: w('营业执照（加盖公章）', 'Business licence (stamped)'),
  applicationForm: w('补贴申请表（加盖公章）', 'Subsidy application form (stamped)'),
  headhuntingContract: w('猎头服务协议', 'Headhunting service agreement'),
  other: w('其他证明材料', 'Other supporting documents'),
  idDocument: w('人才身份证件', 'Talent’s ID document'),
  diploma: w('学历学位证书', 'Diploma and degree certificate'),
  laborContract: w('劳动合同', 'Labour contract'),
  socialInsurance: w('社会保险缴纳证明', 'Social insurance record'),
  invoice: w('猎头服务费发票', 'Headhunting fee invoice'),
  paymentProof: w('猎头服务费付款凭证', 'Headhunting fee payment proof'),
  titleCertificate: w('职称或职业资格证书', 'Title or qualification certificate'),
};

export const choiceLabels = {
  idType: {
    residentId: w('居民身份证', 'Resident ID card'),
    passport: w('护照', 'Passport'),
    hkMacaoPermit: w('港澳居民来往内地通行证', 'Mainland travel permit (HK/Macao)'),
    taiwanPermit: w('台湾居民来往大陆通行证', 'Mainland travel permit (Taiwan)'),
    foreignPermanentResidence: w('外国人永久居留身份证', 'Foreign permanent residence ID'),
    other: w('其他', 'Other'),
  } satisfies Labels<z.infer<typeof idTypeSchema>>,
  education: {
    doctorate: w('博士研究生', 'Doctorate'),
    master: w('硕士研究生', 'Master'),
    bachelor: w('大学本科', 'Bachelor'),
    associate: w('大学专科', 'Associate'),
    other: w('其他', 'Other'),
  } satisfies Labels<z.infer<typeof educationSchema>>,
  degree: {
    doctor: w('博士', 'Doctor'),
    master: w('硕士', 'Master'),
    bachelor: w('学士', 'Bachelor'),
    none: w('无', 'None'),
  } satisfies Labels<z.infer<typeof degreeSchema>>,
  category: {
    leading: w('领军人才', 'Leading talent'),
    highLevel: w('高层次人才', 'High-level talent'),
    shortage: w('紧缺人才', 'Talent in short supply'),
    other: w('其他', 'Other'),
  } satisfies Labels<z.infer<typeof talentCategorySchema>>,
  recruitmentChannel: {
    headhunting: w('猎头机构', 'Headhunting agency'),
    campus: w('校园招聘', 'Campus recruitment'),
    jobFair: w('招聘会', 'Job fair'),
    onlinePlatform: w('网络招聘平台', 'Online job platform'),
    referral: w('内部推荐', 'Referral'),
    other: w('其他', 'Other'),
  } satisfies Labels<z.infer<typeof recruitmentChannelSchema>>,
} as const;

export type ChoiceField = keyof typeof choiceLabels;

/** The label of a choice's value, or the value itself when the contract does not know it (an old payload). */
export function choiceLabel(field: string, value: string, locale: keyof StatusText): string {
  const labels = (choiceLabels as Record<string, Record<string, StatusText> | undefined>)[field];
  return labels?.[value]?.[locale] ?? value;
}

/** The desktop catalog's prefix for each choice (`subsidy.channel.headhunting`). */
const CHOICE_PREFIX = { idType: 'idType', education: 'education', degree: 'degree', category: 'category', recruitmentChannel: 'channel' } as const;

type ChoiceKeys = {
  [F in ChoiceField]: `subsidy.${(typeof CHOICE_PREFIX)[F]}.${keyof (typeof choiceLabels)[F] & string}`;
}[ChoiceField];
type Cap<S extends string> = S extends `${infer H}${infer T}` ? `${Uppercase<H>}${T}` : S;
export type FieldMessageKey =
  | `subsidy.field.${TalentField}`
  | `subsidy.form.contact${Cap<keyof typeof contactFieldLabels>}`
  | `subsidy.req.${Requirement}`
  | `subsidy.form.${(typeof ENTERPRISE_KEY)[keyof typeof ENTERPRISE_KEY]}`
  | ChoiceKeys;

/** The desktop catalog's keys of the enterprise's fields (`subsidy.form.enterpriseName`). */
const ENTERPRISE_KEY = { name: 'enterpriseName', uscc: 'uscc', address: 'address', legalRepresentative: 'legalRepresentative' } as const;

const cap = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** The tables as the desktop catalog's entries (`subsidy.field.position` → 聘用岗位). */
export function fieldMessages(locale: keyof StatusText): Record<FieldMessageKey, string> {
  const out: Record<string, string> = {};
  for (const [f, text] of Object.entries(talentFieldLabels)) out[`subsidy.field.${f}`] = text[locale];
  for (const [f, text] of Object.entries(contactFieldLabels)) out[`subsidy.form.contact${cap(f)}`] = text[locale];
  for (const [f, key] of Object.entries(ENTERPRISE_KEY)) out[`subsidy.form.${key}`] = enterpriseFieldLabels[f as keyof typeof ENTERPRISE_KEY][locale];
  for (const [r, text] of Object.entries(requirementLabels)) out[`subsidy.req.${r}`] = text[locale];
  for (const [field, prefix] of Object.entries(CHOICE_PREFIX)) {
    for (const [value, text] of Object.entries(choiceLabels[field as ChoiceField])) out[`subsidy.${prefix}.${value}`] = text[locale];
  }
  return out as Record<FieldMessageKey, string>;
}
