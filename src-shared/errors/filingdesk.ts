/**
 * Error codes of the filing desk (小型建设工程开工备案 on the desktop, issue 15): main answers them when the clerk
 * signs or submits before the application PDF exists or is signed (the buttons prevent it; a second window or a
 * restart between the steps may not). Same shape as the entries of server.ts, spread into `serverErrors` there.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const filingDeskErrors = {
  FILING_NOT_GENERATED: {
    status: 409,
    retriable: false,
    message: t('尚未生成申请表。', 'The application form has not been generated yet.'),
    hint: t('请先点击“生成申请表”，预览无误后再签章。', 'Press “Generate the application form” first, check the preview, then sign.'),
  },
  FILING_NOT_SIGNED: {
    status: 409,
    retriable: false,
    message: t('申请表尚未签章。', 'The application form has not been signed yet.'),
    hint: t('请点击“签章（江苏CA）”，用企业的CA证书签章后再提交。', 'Press “Sign (Jiangsu CA)” to sign it with the enterprise’s CA key, then submit.'),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
