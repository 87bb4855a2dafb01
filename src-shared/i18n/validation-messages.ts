/**
 * The text of every field-issue code (`validation.<CODE>`), zh-CN and English, with the numbers the issue carries
 * (`{min}`, `{max}`). Its own module so the console and the phone page render issues without the desktop catalog;
 * `messages.ts` includes it. The key type is built from the code lists, so a code without a text does not compile.
 */
import { DISBURSEMENT_RULE_CODES } from '../contract/http/disbursement';
import { ACCOUNT_RULE_CODES } from '../contract/http/enterprise';
import { SUBSIDY_RULE_CODES } from '../contract/http/subsidy';
import { FORM_PARSE_CODES } from '../forms/parse';
import { GENERIC_ISSUE_CODES } from '../validation/issues';
import { MOBILE_ERROR_CODES } from '../validation/mobile';
import { RESIDENT_ID_ERROR_CODES } from '../validation/resident-id';
import { USCC_ERROR_CODES } from '../validation/uscc';

/** Every code a contract schema, a validator, a contract rule or a desk's parsing can put on a field. */
export const VALIDATION_CODES = [
  ...GENERIC_ISSUE_CODES,
  ...USCC_ERROR_CODES,
  ...RESIDENT_ID_ERROR_CODES,
  ...MOBILE_ERROR_CODES,
  ...SUBSIDY_RULE_CODES,
  ...DISBURSEMENT_RULE_CODES,
  ...ACCOUNT_RULE_CODES,
  ...FORM_PARSE_CODES,
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];
type ValidationCatalog = Record<`validation.${ValidationCode}`, string>;

export const validationZhCN = {
  'validation.REQUIRED': '此项为必填项',
  'validation.TOO_SHORT': '至少 {min} 个字',
  'validation.TOO_LONG': '不能超过 {max} 个字',
  'validation.TOO_SMALL': '不能小于 {min}',
  'validation.TOO_LARGE': '不能大于 {max}',
  'validation.TOO_FEW': '至少 {min} 项',
  'validation.TOO_MANY': '最多 {max} 项',
  'validation.EMAIL_FORMAT': '请输入正确的电子邮箱',
  'validation.DATE_FORMAT': '请输入日期（年-月-日）',
  'validation.MONTH_FORMAT': '请输入年月（年-月）',
  'validation.FORMAT': '格式不正确',
  'validation.CHOICE_INVALID': '请从列表中选择',
  'validation.TYPE_INVALID': '填写的内容类型不正确',
  'validation.NOT_ALLOWED': '不应填写此项',
  'validation.USCC_LENGTH': '统一社会信用代码应为 18 位',
  'validation.USCC_CHARSET': '统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）',
  'validation.USCC_AUTHORITY': '统一社会信用代码第 1 位（登记管理部门码）无效',
  'validation.USCC_CATEGORY': '统一社会信用代码第 2 位（机构类别码）无效',
  'validation.USCC_DIVISION': '统一社会信用代码第 3–8 位（行政区划码）无效',
  'validation.USCC_ORG_CODE_CHECK': '统一社会信用代码第 9–17 位（组织机构代码）校验错误',
  'validation.USCC_CHECK_DIGIT': '统一社会信用代码校验位错误，请核对',
  'validation.ID_LENGTH': '身份证号码应为 18 位',
  'validation.ID_CHARSET': '身份证号码只能包含数字，最后一位可以是 X',
  'validation.ID_BIRTH_DATE': '身份证号码中的出生日期无效',
  'validation.ID_CHECK_DIGIT': '身份证号码校验位错误，请核对',
  'validation.MOBILE_FORMAT': '请输入 11 位中国大陆手机号码',
  'validation.DATE_ORDER': '终止日期不能早于起始日期',
  'validation.HEADHUNTER_REQUIRED': '通过猎头引进的人才须填写猎头机构',
  'validation.FEE_REQUIRED': '请填写已支付的猎头费（元）',
  'validation.INVOICE_REQUIRED': '请填写猎头费发票号码',
  'validation.PAYMENT_DATE_REQUIRED': '请填写猎头费支付日期',
  'validation.FEE_WITHOUT_HEADHUNTING': '只有通过猎头引进的人才才能申报猎头费',
  'validation.COMMENT_REQUIRED': '请填写退回意见（总体意见或针对字段、附件的意见）',
  'validation.ATTACHMENT_REQUIRED': '请上传此项材料',
  'validation.ATTACHMENT_NOT_UPLOADED': '此文件未上传成功，请重新上传',
  'validation.BANK_ACCOUNT_NUMBER_INVALID': '银行账号应为 8–32 位数字',
  'validation.CNAPS_INVALID': '大额支付行号应为 12 位数字',
  'validation.PHONE_INVALID': '固定电话只能包含数字、“-”、“+”、括号和空格',
  'validation.BANK_ACCOUNT_NAME_MISMATCH': '户名必须与企业名称一致：{name}',
  'validation.USERNAME_FORMAT': '请输入 3–32 位字母、数字或 _ . -',
  'validation.AMOUNT_FORMAT': '请输入金额（元），最多两位小数',
  'validation.WHOLE_NUMBER_FORMAT': '请输入整数',
} as const satisfies ValidationCatalog;

export const validationEn: Record<keyof typeof validationZhCN, string> = {
  'validation.REQUIRED': 'Required',
  'validation.TOO_SHORT': 'At least {min} characters',
  'validation.TOO_LONG': 'At most {max} characters',
  'validation.TOO_SMALL': 'At least {min}',
  'validation.TOO_LARGE': 'At most {max}',
  'validation.TOO_FEW': 'At least {min} entries',
  'validation.TOO_MANY': 'At most {max} entries',
  'validation.EMAIL_FORMAT': 'Enter a valid e-mail address',
  'validation.DATE_FORMAT': 'Enter a date (year-month-day)',
  'validation.MONTH_FORMAT': 'Enter a month (year-month)',
  'validation.FORMAT': 'The format is not valid',
  'validation.CHOICE_INVALID': 'Choose from the list',
  'validation.TYPE_INVALID': 'This is not the kind of value expected',
  'validation.NOT_ALLOWED': 'This field is not expected',
  'validation.USCC_LENGTH': 'The USCC has 18 characters',
  'validation.USCC_CHARSET': 'The USCC contains invalid characters (I, O, S, V, Z are not used)',
  'validation.USCC_AUTHORITY': 'USCC position 1 (registration authority) is invalid',
  'validation.USCC_CATEGORY': 'USCC position 2 (category) is invalid',
  'validation.USCC_DIVISION': 'USCC positions 3–8 (division) are invalid',
  'validation.USCC_ORG_CODE_CHECK': 'USCC positions 9–17 (organisation code) fail their check',
  'validation.USCC_CHECK_DIGIT': 'The USCC check character is wrong; check the code',
  'validation.ID_LENGTH': 'The ID number has 18 characters',
  'validation.ID_CHARSET': 'Digits only; the last character may be X',
  'validation.ID_BIRTH_DATE': 'The birth date in the ID number is not valid',
  'validation.ID_CHECK_DIGIT': 'The ID number’s check character is wrong; check the number',
  'validation.MOBILE_FORMAT': 'Enter an 11-digit mainland China mobile number',
  'validation.DATE_ORDER': 'The end date cannot be before the start date',
  'validation.HEADHUNTER_REQUIRED': 'A talent recruited through a headhunter needs the headhunter’s details',
  'validation.FEE_REQUIRED': 'Enter the headhunting fee paid (yuan)',
  'validation.INVOICE_REQUIRED': 'Enter the number of the headhunter’s invoice',
  'validation.PAYMENT_DATE_REQUIRED': 'Enter the date the headhunting fee was paid',
  'validation.FEE_WITHOUT_HEADHUNTING': 'Only a talent recruited through a headhunter can have a headhunting fee',
  'validation.COMMENT_REQUIRED': 'Enter a comment (overall, or on a field or an attachment)',
  'validation.ATTACHMENT_REQUIRED': 'Upload this document',
  'validation.ATTACHMENT_NOT_UPLOADED': 'This file did not finish uploading; upload it again',
  'validation.BANK_ACCOUNT_NUMBER_INVALID': 'The account number has 8 to 32 digits',
  'validation.CNAPS_INVALID': 'The CNAPS code has 12 digits',
  'validation.PHONE_INVALID': 'A landline may contain digits, “-”, “+”, brackets and spaces only',
  'validation.BANK_ACCOUNT_NAME_MISMATCH': 'The account name must be the enterprise name: {name}',
  'validation.USERNAME_FORMAT': 'Enter 3–32 letters, digits or _ . -',
  'validation.AMOUNT_FORMAT': 'Enter an amount in yuan, at most two decimals',
  'validation.WHOLE_NUMBER_FORMAT': 'Enter a whole number',
};
