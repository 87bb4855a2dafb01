/**
 * Error codes of roles, deactivation and certificate bindings (issue 13), spread into `serverErrors` (server.ts).
 * Same shape as its entries. Never rename a code.
 */
import type { ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const roleErrors = {
  ACCOUNT_DEACTIVATED: {
    status: 403,
    retriable: false,
    message: t('账号已停用，请联系管理员', 'This account has been deactivated; contact your administrator.'),
    hint: t('经办人请联系本企业管理员（admin），管理员请联系法定代表人（super）恢复账号。', 'Handlers ask the enterprise administrator, administrators ask the legal representative (super) to reactivate it.'),
  },
  ACCOUNT_ABOVE_YOU: {
    status: 403,
    retriable: false,
    message: t('您不能管理与您同级或更高级别的账号。', 'You cannot manage an account at or above your own level.'),
    hint: t('法定代表人（super）管理管理员，管理员管理经办人。', 'The legal representative (super) manages administrators; administrators manage handlers.'),
  },
  ACCOUNT_SELF: {
    status: 409,
    retriable: false,
    message: t('不能停用或删除自己的账号。', 'You cannot deactivate or remove your own account.'),
  },
  ACCOUNT_LAST_SUPER: {
    status: 409,
    retriable: false,
    message: t('企业至少需要保留一个可用的法定代表人（super）账号。', 'The enterprise must keep at least one active legal-representative (super) account.'),
  },
  ACCOUNT_STATUS_CONFLICT: {
    status: 409,
    retriable: false,
    message: t('该账号当前状态不允许此操作。', 'The account’s current status does not allow this.'),
    hint: t('请刷新账号列表后再操作。', 'Refresh the account list and try again.'),
  },
  PERMISSIONS_NOT_GRANTABLE: {
    status: 409,
    retriable: false,
    message: t('法定代表人和管理员拥有全部事项，只有经办人的事项可以分配。', 'The legal representative and administrators hold every item; only handlers’ items are granted.'),
  },
  CA_ACCOUNT_CHOICE_REQUIRED: {
    status: 409,
    retriable: false,
    message: t('该证书已绑定本企业的多个账号，请填写要登录的账号。', 'This certificate is bound to several accounts of the enterprise; enter the account to sign in as.'),
  },
  CA_ACCOUNT_PASSWORD_REQUIRED: {
    status: 409,
    retriable: false,
    message: t('该证书尚未绑定此账号：请输入该账号的密码，验证后绑定（仅需一次）。', 'This certificate is not bound to that account yet: enter the account’s password to bind it (once).'),
  },
  CERT_NOT_ENTERPRISE: {
    status: 422,
    retriable: false,
    message: t('该证书不属于本企业（统一社会信用代码不一致）。', 'This certificate is not your enterprise’s (its USCC differs).'),
    hint: t('请插入本企业的 CA 数字证书后重试。', "Insert your enterprise's CA key and try again."),
  },
  CERT_ALREADY_BOUND: {
    status: 409,
    retriable: false,
    message: t('该证书已绑定此账号。', 'This certificate is already bound to this account.'),
  },
} as const;
