/**
 * Error codes of the construction filing (小型建设工程开工备案, issue 15): the signed application PDF's checks at
 * submission and the filing's state machine. Same shape as the entries of server.ts, spread into `serverErrors`
 * there. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });
const REGENERATE = t('请点击“生成申请表”重新生成，签章后再提交。', 'Press “Generate the application form” again, sign it, then submit.');

export const filingErrors = {
  FILING_STATE_CONFLICT: {
    status: 409,
    retriable: false,
    message: t('该备案当前状态不允许此操作。', 'The filing\u2019s current status does not allow this action.'),
    hint: t('请刷新页面查看备案的最新状态后再操作。', 'Reload the filing to see its current status, then try again.'),
  },
  FILING_PDF_NOT_UPLOADED: {
    status: 422,
    retriable: false,
    message: t('签章后的申请表尚未上传。', 'The signed application form has not been uploaded.'),
    hint: REGENERATE,
  },
  FILING_PDF_NOT_GENERATED: {
    status: 422,
    retriable: false,
    message: t(
      '签章后的申请表与提交的信息不一致：申请表须由系统根据所填信息生成，签章后不得修改。',
      'The signed application form does not match the submitted data: it must be the form generated from what was typed, unchanged after signing.',
    ),
    hint: REGENERATE,
  },
  FILING_SIGNATURE_MISSING: {
    status: 422,
    retriable: false,
    message: t('申请表尚未签章。', 'The application form is not signed.'),
    hint: t('请点击“签章（江苏CA）”，插入本单位的CA证书并输入PIN码。', 'Press “Sign (Jiangsu CA)”, insert your enterprise\u2019s CA key and enter its PIN.'),
  },
  FILING_SIGNATURE_INVALID: {
    status: 422,
    retriable: false,
    message: t('申请表的签章无效（签名验证失败，或证书不受信任、已过期、已吊销）。', 'The application form\u2019s signature is not valid (it does not verify, or the certificate is untrusted, expired or revoked).'),
    hint: REGENERATE,
  },
  FILING_SIGNER_MISMATCH: {
    status: 422,
    retriable: false,
    message: t('签章证书不属于本单位（统一社会信用代码不一致）。', 'The signing certificate is not your enterprise\u2019s (its USCC differs).'),
    hint: t('请使用本单位的CA证书签章。', 'Sign with your own enterprise\u2019s CA key.'),
  },
  FILING_SIGNATURE_UNCHECKED: {
    status: 503,
    retriable: true,
    message: t('暂时无法校验申请表的签章，请稍后再提交。', 'The application form\u2019s signature cannot be checked right now; submit again later.'),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
