/**
 * Error codes of the e-business licence login (issue 14). Same shape as the entries of server.ts, spread into
 * `serverErrors` there. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const elicenceErrors = {
  ELICENCE_NOT_CONFIGURED: {
    status: 409,
    retriable: false,
    message: t('本平台尚未接入电子营业执照服务。', 'This portal is not connected to the e-business licence service.'),
    hint: t('请使用密码或 CA 数字证书登录。', 'Sign in with the password or the CA key.'),
  },
  ELICENCE_SERVICE_UNAVAILABLE: {
    status: 502,
    retriable: true,
    message: t('电子营业执照服务暂时无法访问。', 'The e-business licence service cannot be reached right now.'),
  },
  ELICENCE_LOGIN_UNKNOWN: {
    status: 404,
    retriable: false,
    message: t('该二维码登录不存在。', 'This QR login does not exist.'),
    hint: t('请刷新二维码。', 'Refresh the QR code.'),
  },
  ELICENCE_LOGIN_CLOSED: {
    status: 409,
    retriable: false,
    message: t('该二维码已使用、已过期或已被拒绝。', 'This QR code was already used, has expired or was refused.'),
    hint: t('请刷新二维码后重新扫码。', 'Refresh the QR code and scan again.'),
  },
  ELICENCE_CALLBACK_INVALID: {
    status: 401,
    retriable: false,
    message: t('电子营业执照服务的回调签名无效或已超时。', 'The licence service callback has an invalid or stale signature.'),
  },
  ELICENCE_CALLBACK_REPLAYED: {
    status: 409,
    retriable: false,
    message: t('该回调已处理过，重复的回调被拒绝。', 'This callback was already received; a replay is refused.'),
  },
  ELICENCE_REPRESENTATIVE_NOT_ELIGIBLE: {
    status: 403,
    retriable: false,
    message: t(
      '法定代表人为外籍或港澳台人士的企业不能使用电子营业执照登录。',
      'Enterprises whose legal representative is foreign or from Hong Kong, Macao or Taiwan cannot sign in with the e-licence.',
    ),
    hint: t(
      '请使用江苏 CA 或苏州 CA 数字证书注册登录、线上预注册，或到一站式服务大厅二楼52号窗口线下注册。',
      'Register with a Jiangsu CA or Suzhou CA key, by online pre-registration, or at the counter (window 52, second floor of the one-stop service hall).',
    ),
  },
  ELICENCE_AUTHORISATION_ENDED: {
    status: 401,
    retriable: false,
    message: t('您的电子营业执照办事授权已到期。', 'Your e-licence authorisation as an agent has ended.'),
    hint: t('请联系法定代表人或证照管理员在电子营业执照中重新授权。', 'Ask the legal representative or a licence manager to authorise you again in the e-licence.'),
  },
  // Card e-licence (卡式电子营业执照, issue 14 item 3).
  ELICENCE_CARD_UNKNOWN: {
    status: 403,
    retriable: false,
    message: t('电子营业执照服务查不到这张卡式电子营业执照对应的企业。', 'The e-business licence service knows no enterprise for this card licence.'),
    hint: t('请确认插入的是本企业有效的卡式电子营业执照，或改用扫码、CA 数字证书登录。', "Check that the card is your enterprise's valid licence, or sign in by QR code or with the CA key."),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
