/**
 * Error codes of staff duties, the SMS outbox and revoked keys (issue 17 items 3, 4, 6), spread into
 * `serverErrors` (server.ts). Same shape as its entries. Never rename a code.
 */
import type { ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const staffErrors = {
  CERT_REVOKED: {
    status: 403,
    retriable: false,
    message: t('该数字证书已被 CA 吊销，不能再使用。', 'The CA has revoked this certificate; it can no longer be used.'),
    hint: t(
      '如 Key 遗失或被盗，请联系 CA 机构补办新证书；已绑定的账号可由法定代表人（super）或平台工作人员解除绑定。',
      'If the key was lost or stolen, ask the CA for a new certificate; super or portal staff can unbind it from accounts.',
    ),
  },
  CERT_REVOCATION_UNKNOWN: {
    status: 503,
    retriable: true,
    message: t('暂时无法确认该数字证书是否已被吊销，请稍后再试。', 'Whether this certificate has been revoked cannot be confirmed right now; try again later.'),
  },
  FOUR_EYES_REQUIRED: {
    status: 403,
    retriable: false,
    message: t('审批该申请的工作人员不能确认其资金拨付，请由另一名财务人员办理。', 'Whoever approved this application cannot mark its disbursement paid; another finance staff member must do it.'),
  },
  RESET_NEEDS_OWN_MOBILE: {
    status: 409,
    retriable: false,
    message: t(
      '该账号未绑定手机号，新密码无处发送，无法在此重置。',
      'This account has no mobile of its own, so a new password would have nowhere to go; it cannot be reset here.',
    ),
    hint: t(
      '请法定代表人（super）向平台客服提交重置申请（附企业名称、营业执照及法定代表人身份证复印件，加盖公章），客服审核后重置；super 绑定手机号后，可在登录页点“忘记密码”自行找回。',
      'The legal representative (super) asks platform support to reset it (with the enterprise name, the business licence and the legal representative’s ID, stamped); support reviews the request and resets it. Once super has a mobile, “Forgot password” on the login screen works.',
    ),
  },
} as const;
