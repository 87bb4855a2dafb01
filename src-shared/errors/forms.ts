/**
 * Error codes of the walk-through's form fixes (issue 21 items 6, 10, 15). Same shape as the entries of server.ts,
 * spread into `serverErrors` there. Never rename a code.
 */
import type { ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const formsErrors = {
  SUBSIDY_NOT_FILED: {
    status: 409,
    retriable: false,
    message: t('该申请尚未提交，还没有提交副本。', 'This application has not been submitted yet, so there is no copy of it.'),
    hint: t('提交前可在“附件信息”中打印补贴申请表。', 'Before submitting, print the application form under Attachments.'),
  },
} as const;
