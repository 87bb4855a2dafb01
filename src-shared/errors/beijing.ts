/**
 * Error codes of the Beijing SME platform (manual 004, issue 16). Same shape as the entries of server.ts, spread
 * into `serverErrors` there. The texts follow the manual's wording and phone numbers. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

/** 一证通 technical support (manual 004 step 3 and Q&A). */
export const YZT_SUPPORT = t('一证通技术咨询电话 010-58511090，邮箱 yztyunwei@bjca.org.cn', 'Yizhengtong support: 010-58511090, yztyunwei@bjca.org.cn');
/** The platform's call centre (manual 004 Q&A 1), for unbinding. */
export const PLATFORM_CALL_CENTRE = t('北京市中小企业公共服务平台呼叫中心 010-82176966 / 010-82176996', 'the platform\u2019s call centre, 010-82176966 / 010-82176996');

export const beijingErrors = {
  PLATFORM_MOBILE_TAKEN: {
    status: 409,
    retriable: false,
    message: t('该手机号已注册平台账号。企业认证仅支持一部手机一个账号。', 'This mobile already has a platform account: one mobile, one account.'),
    hint: t('请直接登录；忘记密码请联系平台呼叫中心 010-82176966。', 'Sign in with it; for a forgotten password call 010-82176966.'),
  },
  PLATFORM_LOGIN_FAILED: {
    status: 401,
    retriable: false,
    message: t('手机号或密码错误。', 'The mobile or the password is wrong.'),
  },
  PLATFORM_SESSION_ONLY: {
    status: 403,
    retriable: false,
    message: t('平台账号只能使用北京市中小企业公共服务平台的功能。', 'A platform account reaches only the Beijing SME platform\u2019s functions.'),
  },
  LEGAL_REPRESENTATIVE_MISMATCH: {
    status: 422,
    retriable: false,
    message: t('法人身份鉴证未通过：企业名称、统一社会信用代码与法人代表姓名、身份证号不一致。', 'The legal representative check failed: the enterprise and the representative\u2019s name and ID number do not match.'),
    hint: YZT_SUPPORT,
  },
  ALREADY_CERTIFIED: {
    status: 409,
    retriable: false,
    message: t('本账号已提交企业认证，请勿重复提交。', 'This account already has an enterprise certification.'),
  },
  YZT_USERNAME_TAKEN: {
    status: 409,
    retriable: false,
    message: t('该一证通账号已被注册。一个办事人在同一个单位下只能注册一个口令账号。', 'This Yizhengtong username is taken; one person may register one password account per enterprise.'),
  },
  CERTIFICATION_DOCUMENT_REQUIRED: {
    status: 400,
    retriable: false,
    message: t('法定代表人身份所在地非中国大陆的，请上传护照或其它有效身份证件。', 'A legal representative from outside the mainland: upload the passport or other identity document.'),
  },
  CERTIFICATION_PENDING: {
    status: 409,
    retriable: false,
    message: t('身份证件审核中：注册完成后系统需要一个工作日进行审核，审核通过后账号才能正常登录使用。', 'The identity document is under review (one working day); the account signs in once it is approved.'),
  },
  CERTIFICATION_REJECTED: {
    status: 409,
    retriable: false,
    message: t('身份证件审核未通过，该一证通账号不能登录。', 'The identity document was not approved; this Yizhengtong account cannot sign in.'),
    hint: YZT_SUPPORT,
  },
  YZT_LOGIN_FAILED: {
    status: 401,
    retriable: false,
    message: t('一证通账号或密码错误。', 'The Yizhengtong username or password is wrong.'),
    hint: t('忘记密码请在 PC 端点击“忘记密码”找回。', 'Forgot it? Use “Forgot password” on the PC.'),
  },
  ENTERPRISE_BOUND: {
    status: 409,
    retriable: false,
    message: t(
      '该企业已被其他用户绑定，请咨询贵公司相关人员是否有过绑定，获取已被绑定的平台账号和密码，并用该账号重新登录。',
      'This enterprise is already bound to another platform account: ask your colleagues who bound it and sign in with that account.',
    ),
    hint: t(
      '若找不到已被绑定的平台账号和密码，可申请解绑，或咨询北京市中小企业公共服务平台呼叫中心 010-82176966 / 010-82176996。',
      'If nobody can find that account, request unbinding, or call the platform\u2019s call centre at 010-82176966 / 010-82176996.',
    ),
  },
  ENTERPRISE_NOT_BOUND: {
    status: 409,
    retriable: false,
    message: t('该企业未被其他平台账号绑定，无需解绑，可直接认证。', 'No other platform account holds this enterprise: certify it directly.'),
  },
  UNBINDING_PENDING: {
    status: 409,
    retriable: false,
    message: t('您已提交该企业的解绑申请，请等待审核。', 'Your unbinding request for this enterprise is waiting for review.'),
  },
  BEIJING_ALREADY_DECIDED: {
    status: 409,
    retriable: false,
    message: t('该申请已处理。', 'This has already been decided.'),
  },
  YZT_NOT_REGISTERED: {
    status: 409,
    retriable: false,
    message: t('本账号尚未注册一证通账号。', 'This account has not registered a Yizhengtong account.'),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
