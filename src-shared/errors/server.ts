/**
 * Stable error codes of the platform server. Every HTTP error body is
 * `{ error: { code, message: { 'zh-CN', en }, hint?: { 'zh-CN', en }, retriable, issues?, requestId } }` with a code from this table;
 * clients key on the code, never on the text. Hints come from the manuals' Q&A sections where one exists.
 * Never rename a code: clients and logs in the field depend on it.
 */
import type { ErrorEntry, ErrorText } from './catalog';
import { recoveryErrors } from './recovery';
import { beijingErrors } from './beijing';
import { filingErrors } from './filing';
import { filingDeskErrors } from './filingdesk';
import { elicenceErrors } from './elicence';
import { counterErrors } from './counter';
import { legacyErrors } from './legacy';
import { preRegistrationErrors } from './pre-registration';
import { requestErrors } from './requests';
import { roleErrors } from './roles';
import { staffErrors } from './staff';
import { formsErrors } from './forms';
import { tokenErrors } from './token';
import { clientTrustErrors } from './client-trust';
import { deliveryErrors } from './delivery';
import { trustErrors } from './trust';
import { trustCareErrors } from './trust-care';
import { padesErrors } from './pades';
import { portalErrors } from './portals';

export type LocalizedText = ErrorText;

/** A catalog entry (message, hint, whether retrying unchanged may help) plus the HTTP status it answers with. */
export interface ServerErrorDefinition extends ErrorEntry {
  status: number;
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Recovery paths the manuals give when an enterprise is already registered (001 Q&A 3). */
const alreadyRegisteredHint = t(
  '如忘记密码：super 用户可在登录页点“忘记密码”，以绑定的手机号或邮箱找回，也可由 admin 用户在“账号与权限管理”中重置；admin 用户的密码由 super 用户重置，或联系平台客服，由客服核对企业名称和预留的 admin 手机号后重置，新密码以短信发送。',
  "If a password is lost: super uses \"Forgot password\" on the login screen with its bound mobile or e-mail, or the admin user resets it under Accounts and permissions; the admin user's password is reset by super, or by platform support, who check the enterprise name and admin's registered mobile; the new password comes by SMS.",
)

/** What the manuals advise when a Jiangsu CA key's fields are out of date (001 Q&A 6). */
const updateCaKeyHint = t(
  '请携带 CA 数字证书（Key）前往 CA 服务窗口更新证书后再办理。',
  'Take the CA key to the CA service counter to have the certificate updated, then try again.',
);

export const serverErrors = {
  // ── Requests ──────────────────────────────────────────────────────────────
  BODY_MALFORMED: { status: 400, retriable: false, message: t('请求内容格式错误。', 'The request body is not well-formed.') },
  URL_MALFORMED: { status: 400, retriable: false, message: t('请求地址格式错误。', 'The request address is not well-formed.') },
  BODY_INVALID: {
    status: 400,
    retriable: false,
    message: t('提交的信息有误，请检查标出的字段。', 'Some fields are invalid; check the fields marked.'),
  },
  BODY_TOO_LARGE: { status: 413, retriable: false, message: t('请求内容过大。', 'The request is too large.') },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, retriable: false, message: t('不支持的请求内容类型。', 'Unsupported content type.') },
  ROUTE_NOT_FOUND: { status: 404, retriable: false, message: t('接口不存在。', 'No such endpoint.') },
  NOT_FOUND: { status: 404, retriable: false, message: t('未找到该记录，或您无权访问。', 'Not found, or you may not access it.') },
  RATE_LIMITED: {
    status: 429,
    retriable: true,
    message: t('操作过于频繁，请稍后再试。', 'Too many attempts; please wait and try again.'),
  },
  INTERNAL: {
    status: 500,
    retriable: true,
    message: t('服务器内部错误，请稍后再试。', 'Internal server error; please try again later.'),
    hint: t('如持续出现，请联系平台客服并提供请求编号。', 'If it persists, contact support with the request id.'),
  },
  // ── Sessions and permissions ──────────────────────────────────────────────
  AUTH_REQUIRED: { status: 401, retriable: false, message: t('请先登录。', 'Please sign in.') },
  SESSION_EXPIRED: { status: 401, retriable: false, message: t('登录已过期，请重新登录。', 'Your session has expired; please sign in again.') },
  FORBIDDEN: { status: 403, retriable: false, message: t('您没有权限执行此操作。', 'You are not allowed to do this.') },
  PERMISSION_DENIED: {
    status: 403,
    retriable: false,
    message: t('您没有该事项的办理权限。', 'You have no permission for this service item.'),
    hint: t('请联系本企业管理员（admin）为您分配事项权限。', "Ask your enterprise's administrator (admin) to grant the item."),
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    retriable: false,
    message: t('首次登录请先修改初始密码。', 'Change your initial password before continuing.'),
  },
  // ── Login, captcha, passwords ─────────────────────────────────────────────
  CAPTCHA_INVALID: {
    status: 400,
    retriable: false,
    message: t('验证码错误或已过期。', 'The captcha is wrong or has expired.'),
    hint: t('请点击图片刷新验证码后重新输入。', 'Click the image for a new captcha and type it again.'),
  },
  LOGIN_FAILED: {
    status: 401,
    retriable: false,
    message: t('企业、用户名或密码错误。', 'Enterprise, username or password is wrong.'),
    hint: t('连续多次输入错误将暂时锁定账号。忘记密码可通过“忘记密码”找回。', 'Repeated failures lock the account for a while. Use "Forgot password" if needed.'),
  },
  LOGIN_LOCKED: {
    status: 429,
    retriable: true,
    message: t('密码错误次数过多，账号已暂时锁定。', 'Too many wrong passwords: the account is locked for a while.'),
    hint: t('请 15 分钟后再试，或联系管理员重置密码。', 'Try again in 15 minutes, or ask an administrator to reset the password.'),
  },
  PASSWORD_POLICY: {
    status: 400,
    retriable: false,
    message: t(
      '密码须为 10–64 位，至少包含大写字母、小写字母、数字、符号中的三类，且不能包含用户名。',
      'Passwords need 10–64 characters from at least three of: upper case, lower case, digits, symbols, and must not contain the username.',
    ),
  },
  PASSWORD_CURRENT_WRONG: { status: 400, retriable: false, message: t('原密码错误。', 'The current password is wrong.') },
  PASSWORD_REUSED: { status: 400, retriable: false, message: t('新密码不能与原密码相同。', 'The new password must differ from the current one.') },
  // ── Certificates and signatures ───────────────────────────────────────────
  SIGNATURE_MALFORMED: {
    status: 400,
    retriable: false,
    message: t('签名数据格式错误。', 'The signature is not a valid CMS structure.'),
  },
  SIGNATURE_INVALID: {
    status: 422,
    retriable: false,
    // One code, one text: the key's own check and the server's say the same thing.
    message: tokenErrors.SIGNATURE_INVALID.message,
    hint: tokenErrors.SIGNATURE_INVALID.hint!,
  },
  CERT_UNTRUSTED: {
    status: 422,
    retriable: false,
    message: t('无效的 CA 证书：证书不是受信任的 CA 签发的。', 'Invalid CA certificate: it was not issued by a trusted CA.'),
    hint: t('请使用江苏CA或苏州CA签发的最新版本证书。', 'Use a current Jiangsu CA or Suzhou CA key.'),
  },
  CERT_EXPIRED: {
    status: 422,
    retriable: false,
    message: tokenErrors.CERT_EXPIRED.message,
    hint: tokenErrors.CERT_EXPIRED.hint!,
  },
  CERT_KEY_USAGE: {
    status: 422,
    retriable: false,
    message: t('该证书不能用于签名。', 'This certificate may not be used for signing.'),
    hint: t('请选择 Key 中的签名证书。', 'Choose the signing certificate on the key.'),
  },
  CERT_NO_USCC: {
    status: 422,
    retriable: false,
    message: t('无法自动匹配出企业统一社会信用代码。', 'No Unified Social Credit Code could be read from the certificate.'),
    hint: updateCaKeyHint,
  },
  CERT_USCC_MISMATCH: {
    status: 422,
    retriable: false,
    message: t('证书中的统一社会信用代码与填写的不一致。', 'The USCC in the certificate differs from the one entered.'),
    hint: updateCaKeyHint,
  },
  // ── Registration ──────────────────────────────────────────────────────────
  ENTERPRISE_ALREADY_REGISTERED: {
    status: 409,
    retriable: false,
    message: t('该企业已注册。', 'This enterprise is already registered.'),
    hint: alreadyRegisteredHint,
  },
  REGISTRY_NO_MATCH: {
    status: 422,
    retriable: false,
    message: t('无法匹配法人库：未找到该统一社会信用代码的企业，或企业名称不一致。', 'No match in the legal-person registry for this USCC and name.'),
    hint: updateCaKeyHint,
  },
  REGISTRY_INACTIVE: {
    status: 422,
    retriable: false,
    message: t('法人库中该企业不是存续状态，无法注册。', 'The registry lists this enterprise as not active; it cannot register.'),
    hint: t('如信息有误，请携带营业执照到线下窗口办理。', 'If this is wrong, register at the service counter with the business licence.'),
  },
  ATTACHMENT_MISSING: {
    status: 422,
    retriable: false,
    message: t('缺少必需的附件，或附件尚未上传。', 'A required attachment is missing or has not been uploaded.'),
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    retriable: false,
    message: t('该提交编号已用于另一份不同的提交。', 'This idempotency key was already used for a different submission.'),
  },
  REGISTRATION_NOT_PENDING: {
    status: 409,
    retriable: false,
    message: t('该注册申请已完成或已失效。', 'This registration is already completed or no longer pending.'),
  },
  SMS_CODE_INVALID: {
    status: 400,
    retriable: false,
    message: t('短信验证码错误或已过期。', 'The SMS code is wrong or has expired.'),
    hint: t('请重新获取验证码。', 'Request a new code.'),
  },
  // ── CA login ──────────────────────────────────────────────────────────────
  CA_NONCE_INVALID: {
    status: 401,
    retriable: true,
    message: t('登录请求已失效，请重新操作。', 'The sign-in challenge has expired or was used; start again.'),
  },
  CA_TOKEN_INVALID: {
    status: 401,
    retriable: false,
    message: t('CA 登录验证失败。', 'CA sign-in failed: the key\u2019s answer did not verify.'),
    hint: t('请确认使用的是本企业的 CA 数字证书后重试。', "Make sure it is your enterprise's CA key and try again."),
  },
  CA_CERT_NOT_BOUND: {
    status: 401,
    retriable: false,
    message: t('该 CA 证书尚未绑定企业账号。', 'This CA certificate is not bound to an enterprise account.'),
    hint: t(
      '如企业尚未注册，请先用该证书注册；续期后的证书（同一 CA、同一证书主题）会自动绑定。其他情况请用账号密码登录，并联系平台客服绑定新证书。',
      'If the enterprise is not registered yet, register with this key first; a renewed certificate (same CA and subject) is bound automatically. Otherwise sign in with a password and contact platform support to bind the new certificate.',
    ),
  },
  // ── Files ─────────────────────────────────────────────────────────────────
  FILE_TOO_LARGE: {
    status: 413,
    retriable: false,
    message: t('文件过大。', 'The file is too large.'),
    hint: t('扫描件最大 25 MB，手机拍照最大 10 MB；请降低扫描分辨率或改用黑白扫描后重新上传。', 'Scans may be up to 25 MB, phone photos up to 10 MB; scan at a lower resolution or in black and white and upload again.'),
  },
  FILE_TYPE_UNSUPPORTED: {
    status: 415,
    retriable: false,
    message: t('只支持 PDF、JPEG、PNG 文件。', 'Only PDF, JPEG and PNG files are accepted.'),
  },
  FILE_EMPTY: { status: 400, retriable: false, message: t('文件为空。', 'The file is empty.') },
  UPLOAD_TOKEN_INVALID: {
    status: 401,
    retriable: false,
    message: t('上传凭证无效或已过期。', 'The upload token is invalid or has expired.'),
    hint: t('请重新开始注册并重新上传扫描件。', 'Start the registration again and upload the scans again.'),
  },
  UPLOAD_OFFSET_CONFLICT: {
    status: 409,
    retriable: true,
    message: t('上传进度与服务器不一致，正在从服务器记录的位置继续。', 'The upload position differs from the server\u2019s; resuming from where the server is.'),
  },
  UPLOAD_INCOMPLETE: { status: 409, retriable: true, message: t('文件尚未上传完成。', 'The file has not finished uploading.') },
  // ── Talent recruitment subsidy ────────────────────────────────────────────
  SUBSIDY_STATE_CONFLICT: {
    status: 409,
    retriable: false,
    message: t('该申请当前状态不允许此操作。', 'The application\u2019s current status does not allow this action.'),
    hint: t('请刷新页面查看申请的最新状态后再操作。', 'Reload the application to see its current status, then try again.'),
  },
  // ── Disbursement and receipt ──────────────────────────────────────────────
  PUBLICITY_NOT_OVER: {
    status: 409,
    retriable: false,
    message: t('公示期尚未结束，不能启动资金拨付。', 'The publicity period has not ended yet; the disbursement cannot be opened.'),
  },
  DISBURSEMENT_INCOMPLETE: {
    status: 409,
    retriable: false,
    message: t('请先上传每位人才的在职证明，并确认银行账户和联系人。', 'Upload every talent’s employment certificate and confirm the bank account and contact first.'),
  },
  BANK_ACCOUNT_NAME_MISMATCH: {
    status: 400,
    retriable: false,
    message: t('银行账户户名必须与企业名称一致。', 'The account name must be the enterprise’s registered name.'),
    hint: t('补贴只能拨付到以本企业名义开立的对公账户。', 'Subsidies are paid only into an account opened in the enterprise’s own name.'),
  },
  RECEIPT_LINK_INVALID: {
    status: 404,
    retriable: false,
    message: t('二维码链接无效。', 'This QR link is not valid.'),
    hint: t('请在电脑端重新生成二维码后再扫描。', 'Generate a new QR code on the PC and scan it again.'),
  },
  RECEIPT_LINK_EXPIRED: {
    status: 410,
    retriable: false,
    message: t('二维码已过期。', 'This QR code has expired.'),
    hint: t('请在电脑端重新生成二维码后再扫描。', 'Generate a new QR code on the PC and scan it again.'),
  },
  RECEIPT_LINK_USED: {
    status: 410,
    retriable: false,
    message: t('二维码已使用过，每个二维码只能上传一次。', 'This QR code has already been used; each code uploads once.'),
    hint: t('如需重新上传，请在电脑端重新生成二维码。', 'To upload again, generate a new QR code on the PC.'),
  },
  // ── Staff ─────────────────────────────────────────────────────────────────
  REGISTRY_CSV_INVALID: {
    status: 400,
    retriable: false,
    message: t('法人库 CSV 文件格式错误。', 'The registry CSV is not valid.'),
  },
  USERNAME_TAKEN: { status: 409, retriable: false, message: t('该用户名已存在。', 'This username is taken.') },
  OUTBOX_DISABLED: {
    status: 404,
    retriable: false,
    message: t('短信发件箱仅在开发模式下可用。', 'The SMS outbox exists only with the development SMS provider.'),
  },
  ...recoveryErrors,
  ...beijingErrors,
  ...filingErrors,
  ...filingDeskErrors,
  ...counterErrors,
  ...legacyErrors,
  ...preRegistrationErrors,
  ...roleErrors,
  ...clientTrustErrors,
  ...deliveryErrors,
  ...trustErrors,
  ...trustCareErrors,
  ...staffErrors,
  ...elicenceErrors,
  ...requestErrors,
  ...formsErrors,
  ...padesErrors,
  ...portalErrors,
} as const satisfies Record<string, ServerErrorDefinition>;

export type ServerErrorCode = keyof typeof serverErrors;

export const serverErrorCodes = Object.keys(serverErrors) as ServerErrorCode[];

/**
 * The answers that mean the session is gone (expired, revoked, or a token the server no longer knows): main
 * forgets its session and tells the renderer once (`session.expired`), whatever call met it.
 */
export const SESSION_GONE_CODES: readonly ServerErrorCode[] = ['SESSION_EXPIRED', 'AUTH_REQUIRED', 'ACCOUNT_DEACTIVATED', 'ELICENCE_AUTHORISATION_ENDED'];
