/**
 * The subsidy's domain words for people (zh-CN and English): statuses, form fields, choices and attachment
 * requirements, keyed by the contract's names. Field labels follow the application form of manual 001 §1.
 */
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { subsidyStatusLabels } from '@shared/subsidy/status-labels';
import type { Lang } from './messages';

type Pairs = Record<string, readonly [string, string]>;
const pick = (pairs: Pairs, key: string, lang: Lang) => pairs[key]?.[lang === 'en' ? 1 : 0] ?? key;

export const statusColors: Record<SubsidyStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'cyan',
  returned: 'orange',
  resubmitted: 'purple',
  approved: 'green',
  publicity: 'gold',
  disbursement_pending: 'geekblue',
  receipt_submitted: 'geekblue',
  receipt_returned: 'orange',
  paid: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** The status words every desk shares (src-shared/subsidy/status-labels.ts). */
export const statusLabel = (status: SubsidyStatus, lang: Lang) => subsidyStatusLabels[status][lang];

/** Talent fields in the order the form shows them. */
export const talentFieldLabels: Pairs = {
  name: ['姓名', 'Name'],
  idType: ['证件类型', 'ID type'],
  idNumber: ['证件号码', 'ID number'],
  nationality: ['国籍', 'Nationality'],
  education: ['学历', 'Education'],
  degree: ['学位', 'Degree'],
  school: ['毕业院校', 'School'],
  major: ['所学专业', 'Major'],
  graduationDate: ['毕业时间', 'Graduation date'],
  title: ['职称或职业资格', 'Title or qualification'],
  position: ['聘用岗位', 'Position'],
  category: ['人才类别', 'Talent category'],
  hireDate: ['入职日期', 'Hire date'],
  contractStart: ['劳动合同起始日期', 'Contract start'],
  contractEnd: ['劳动合同终止日期', 'Contract end'],
  annualSalaryFen: ['年薪', 'Annual salary'],
  socialInsuranceStartMonth: ['社保缴纳起始月份', 'Social insurance from'],
  socialInsuranceMonths: ['社保已缴纳月数', 'Social insurance months paid'],
  recruitmentChannel: ['招聘渠道', 'Recruitment channel'],
  headhunter: ['猎头机构', 'Headhunting agency'],
  feePaidFen: ['实际支付猎头费', 'Headhunting fee paid'],
  invoiceNumber: ['发票号码', 'Invoice number'],
  paymentDate: ['付款日期', 'Payment date'],
  priorSubsidy: ['是否享受过同类补贴', 'Prior similar subsidy'],
};

/** Sub-fields a reviewer may point at inside a talent's composite fields. */
export const talentSubFieldLabels: Pairs = {
  'headhunter.name': ['猎头机构名称', 'Headhunting agency name'],
  'headhunter.uscc': ['猎头机构统一社会信用代码', 'Headhunting agency USCC'],
  'priorSubsidy.received': ['是否享受过同类补贴', 'Prior similar subsidy'],
  'priorSubsidy.note': ['同类补贴说明', 'Prior subsidy note'],
};

export const contactFieldLabels: Pairs = {
  name: ['联系人姓名', 'Contact name'],
  mobile: ['联系人手机号码', 'Contact mobile'],
  email: ['联系人电子邮箱', 'Contact e-mail'],
};

export const choiceLabels: Record<string, Pairs> = {
  idType: {
    residentId: ['居民身份证', 'Resident ID card'],
    passport: ['护照', 'Passport'],
    hkMacaoPermit: ['港澳居民来往内地通行证', 'Hong Kong/Macao permit'],
    taiwanPermit: ['台湾居民来往大陆通行证', 'Taiwan permit'],
    foreignPermanentResidence: ['外国人永久居留身份证', 'Foreign permanent residence ID'],
    other: ['其他', 'Other'],
  },
  education: {
    doctorate: ['博士研究生', 'Doctorate'],
    master: ['硕士研究生', 'Master'],
    bachelor: ['大学本科', 'Bachelor'],
    associate: ['大学专科', 'Associate'],
    other: ['其他', 'Other'],
  },
  degree: { doctor: ['博士', 'Doctor'], master: ['硕士', 'Master'], bachelor: ['学士', 'Bachelor'], none: ['无', 'None'] },
  category: {
    leading: ['领军人才', 'Leading talent'],
    highLevel: ['高层次人才', 'High-level talent'],
    shortage: ['紧缺人才', 'Shortage talent'],
    other: ['其他', 'Other'],
  },
  recruitmentChannel: {
    headhunting: ['猎头机构', 'Headhunter'],
    campus: ['校园招聘', 'Campus'],
    jobFair: ['招聘会', 'Job fair'],
    onlinePlatform: ['网络招聘平台', 'Online platform'],
    referral: ['内部推荐', 'Referral'],
    other: ['其他', 'Other'],
  },
};

export const choiceLabel = (field: string, value: string, lang: Lang) => pick(choiceLabels[field] ?? {}, value, lang);

export const requirementLabels: Pairs = {
  businessLicence: ['营业执照', 'Business licence'],
  applicationForm: ['补贴申请表（盖章）', 'Application form (stamped)'],
  headhuntingContract: ['猎头服务合同', 'Headhunting contract'],
  other: ['其他证明材料', 'Other material'],
  idDocument: ['身份证件', 'ID document'],
  diploma: ['学历学位证书', 'Diploma and degree'],
  laborContract: ['劳动合同', 'Labour contract'],
  socialInsurance: ['社保缴纳证明', 'Social insurance record'],
  invoice: ['猎头费发票', 'Headhunting fee invoice'],
  paymentProof: ['猎头费付款凭证', 'Proof of payment'],
  titleCertificate: ['职称或职业资格证书', 'Title or qualification certificate'],
};

export const talentFieldLabel = (field: string, lang: Lang) => pick({ ...talentFieldLabels, ...talentSubFieldLabels }, field, lang);
export const contactFieldLabel = (field: string, lang: Lang) => pick(contactFieldLabels, field, lang);
export const requirementLabel = (requirement: string, lang: Lang) => pick(requirementLabels, requirement, lang);
