/**
 * Error codes of the last parts of issue 17 (renewal confirmation, the staff lost-key desk). Same shape as the
 * entries of server.ts, spread into `serverErrors` there. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const trustCareErrors = {
  RENEWAL_NEEDS_CONFIRMATION: {
    status: 409,
    retriable: false,
    message: t(
      '这是一张更新后的 CA 证书，需由企业管理员确认后才能使用：验证码已发送至管理员手机，请输入验证码。',
      "This is a renewed CA certificate; the enterprise's administrator must confirm it before it can be used. A code was sent to the administrator's mobile: enter it.",
    ),
    hint: t(
      '确认前，原证书仍可正常登录。如非本企业更新证书，请勿提供验证码，并联系平台客服。',
      'Until then the previous certificate keeps working. If your enterprise did not renew its key, do not give the code out and contact support.',
    ),
  },
  RENEWAL_CODE_INVALID: {
    status: 422,
    retriable: false,
    message: t(
      '验证码不正确、已使用或已过期，请重新用新证书登录以获取新的验证码。',
      'The code is wrong, already used or expired; sign in with the new certificate again to get a new code.',
    ),
  },
  RENEWAL_NO_ADMIN_MOBILE: {
    status: 409,
    retriable: false,
    message: t(
      '企业管理员（admin）没有可用的手机号，无法确认更新后的证书。请用原证书或密码登录，由管理员绑定新证书，或联系平台客服。',
      "The enterprise administrator (admin) has no usable mobile, so the renewed certificate cannot be confirmed. Sign in with the previous key or a password and have the administrator bind the new one, or contact support.",
    ),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
