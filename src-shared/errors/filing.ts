/**
 * Error codes of the construction filing (小型建设工程开工备案, issue 15). The signed PDF's own failures (not
 * signed, not the generated one, invalid, another enterprise's) are pades.ts's codes, which submission answers
 * with. Same shape as the entries of server.ts, spread into `serverErrors` there. Never rename a code.
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
} as const satisfies Record<string, ErrorEntry & { status: number }>;
