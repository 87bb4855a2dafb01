/**
 * Error codes of online pre-registration (spread into `serverErrors`). The three failures of the manual's Q&A
 * "三、企业预注册异常提示说明" (002) are distinct codes, each saying what to do instead: none of them can be fixed
 * by this way in, so the hint names the ways that do not need the online checks (a CA key, the e-licence, the
 * counter) and the operator's number.
 */
import type { ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

/** The counter (manual 002 §六) and the operator's number (002 Q&A 三). */
export const COUNTER_ADDRESS = t('一站式服务大厅（工商大厦）二楼52号窗口', 'One-stop service hall (Industry and Commerce Building), 2nd floor, window 52');
export const COUNTER_HOURS = t('工作日上午9:00-12:00，下午14:00-17:30', 'working days 9:00–12:00 and 14:00–17:30');
export const OPERATOR_PHONE = '0512-66680236';

const otherWays = t(
  `无法通过线上预注册完成注册，请改用江苏CA或苏州CA注册、电子营业执照快捷登录，或携带材料到线下窗口注册（${COUNTER_ADDRESS['zh-CN']}，${COUNTER_HOURS['zh-CN']}）。如有疑问请联系运营：${OPERATOR_PHONE}。`,
  `Online pre-registration cannot complete this. Register with a Jiangsu CA or Suzhou CA key, log in with the e-business licence, or register at the counter (${COUNTER_ADDRESS.en}, ${COUNTER_HOURS.en}). Questions: the operator, ${OPERATOR_PHONE}.`,
);

export const preRegistrationErrors = {
  PRE_REGISTRATION_IDENTITY_MISMATCH: {
    status: 422,
    retriable: false,
    message: t(
      '法定代表人身份认证失败：输入的姓名、证件号、手机号并非该法定代表人本人持有。请输入正确的法定代表人姓名、证件号、手机号。',
      "The legal representative's identity check failed: the name, ID number and mobile entered are not held by that person. Enter the legal representative's own name, ID number and mobile.",
    ),
    hint: otherWays,
  },
  PRE_REGISTRATION_CARRIER_UNKNOWN: {
    status: 422,
    retriable: false,
    message: t(
      '法定代表人身份认证失败：输入的手机号不在省运营商体系中。请使用法定代表人本人实名登记的三大运营商手机号。',
      "The legal representative's identity check failed: the mobile is not in a provincial carrier's system. Use the legal representative's own real-name mobile of a major carrier.",
    ),
    hint: otherWays,
  },
  PRE_REGISTRATION_REGISTRY_MISMATCH: {
    status: 422,
    retriable: false,
    message: t(
      '省工商认证失败：输入的统一社会信用代码、法定代表人姓名、法定代表人证件号不在省市场监管局提供的数据中。',
      "The provincial market regulator's check failed: the USCC, legal representative's name and ID number are not in its data.",
    ),
    hint: otherWays,
  },
  PRE_REGISTRATION_PENDING: {
    status: 409,
    retriable: false,
    message: t('该企业已有一份预注册申请在审核中，请等待审核结果。', 'A pre-registration of this enterprise is already under review; wait for its result.'),
    hint: t(`如需查询，请联系运营：${OPERATOR_PHONE}。`, `To ask about it, call the operator: ${OPERATOR_PHONE}.`),
  },
  PRE_REGISTRATION_NOT_REFUSED: {
    status: 409,
    retriable: false,
    message: t('该预注册申请当前不能修改：只有被退回的申请可以修改后重新提交。', 'This pre-registration cannot be changed now: only a refused one can be corrected and resubmitted.'),
  },
  PRE_REGISTRATION_NOT_PENDING: {
    status: 409,
    retriable: false,
    message: t('该预注册申请已处理，不能再审核。', 'This pre-registration has already been decided.'),
  },
} as const;
