/**
 * Error codes of requests to the portal staff (账户变更申请, issue 13), spread into `serverErrors` (server.ts).
 * Same shape as its entries. Never rename a code.
 */
import type { ErrorText } from './catalog';
import { OPERATOR_PHONE } from './pre-registration';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const requestErrors = {
  ACCOUNT_REQUEST_PENDING: {
    status: 409,
    retriable: false,
    message: t('该企业已有一份同类申请正在等待审核。', 'A request of this kind for this enterprise is already waiting for review.'),
    hint: t(`请等待审核结果（短信通知），或查看已提交申请的状态。如有疑问请联系运营：${OPERATOR_PHONE}。`, `Wait for the decision (sent by SMS) or look at the status of the request already filed. Questions: the operator, ${OPERATOR_PHONE}.`),
  },
  ACCOUNT_REQUEST_NOT_REFUSED: {
    status: 409,
    retriable: false,
    message: t('只有被退回的申请可以修改后重新提交。', 'Only a refused request can be corrected and sent again.'),
  },
  ACCOUNT_REQUEST_NOT_PENDING: {
    status: 409,
    retriable: false,
    message: t('该申请已处理，不能再审核。', 'This request has already been decided.'),
    hint: t('请刷新后查看最新状态。', 'Reload to see its current status.'),
  },
  ACCOUNT_REQUEST_NOT_ALLOWED: {
    status: 403,
    retriable: false,
    message: t('您的账号不能提交此类申请。', 'Your account cannot file this kind of request.'),
    hint: t('管理员变更由法定代表人（super）提交；企业名称/地址变更由法定代表人或管理员提交。', 'An administrator change is filed by the legal representative (super); a name or address change by super or an administrator.'),
  },
  ACCOUNT_REQUEST_NO_CHANGE: {
    status: 422,
    retriable: false,
    message: t('新的企业名称和地址与现有信息相同，无需变更。', 'The new name and address are the same as today\u2019s: there is nothing to change.'),
  },
  ACCOUNT_REQUEST_NO_ENTERPRISE: {
    status: 409,
    retriable: false,
    message: t('平台上没有该统一社会信用代码的企业，不能批准，请退回并说明原因。', 'No enterprise on the portal has this USCC: refuse the request with the reason.'),
  },
} as const;
