/**
 * Error codes of password recovery and of binding an account's own mobile and e-mail (issue 13). Same shape as the
 * entries of server.ts, spread into `serverErrors` there. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const recoveryErrors = {
  VERIFICATION_CODE_INVALID: {
    status: 400,
    retriable: false,
    message: t('验证码错误、已使用或已过期。', 'The code is wrong, already used or expired.'),
    hint: t('每个验证码 10 分钟内有效，最多尝试 5 次；请重新获取验证码。', 'A code lasts 10 minutes and allows 5 tries; request a new one.'),
  },
  RECOVERY_EXPIRED: {
    status: 400,
    retriable: false,
    message: t('找回密码已超时或已完成，请重新开始。', 'This password recovery has expired or is finished; please start again.'),
  },
  CONTACT_UNCHANGED: {
    status: 400,
    retriable: false,
    message: t('该手机号或邮箱已绑定在本账号上。', 'This mobile or e-mail is already bound to this account.'),
  },
  MOBILE_BINDING_SUPER_ONLY: {
    status: 403,
    retriable: false,
    message: t('只有超级用户（super）在此绑定手机号。', 'Only the super account binds its mobile here.'),
    hint: t(
      '管理员的手机号通过“管理员变更”申请更换；经办人的手机号由本企业管理员维护。',
      "An administrator's mobile changes through an administrator-change request; a handler's mobile is kept by the enterprise's administrator.",
    ),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
