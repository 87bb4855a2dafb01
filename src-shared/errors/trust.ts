/**
 * Error codes of the server's limits and of hostile input (issue 17). Same shape as the entries of server.ts,
 * spread into `serverErrors` there. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const trustErrors = {
  LOGIN_THROTTLED: {
    status: 429,
    retriable: true,
    message: t('登录尝试过于频繁，请稍候再试。', 'Too many sign-in attempts; please wait a moment and try again.'),
    hint: t(
      '连续输错密码后，每次重试前需等待的时间会逐渐延长（最长 1 分钟）。忘记密码可通过“忘记密码”找回。',
      'After repeated wrong passwords each retry waits a little longer (at most a minute). Use "Forgot password" if needed.',
    ),
  },
  WRITE_CONFLICT: {
    status: 409,
    retriable: true,
    message: t('该记录刚被其他操作修改或已存在，请刷新后再试。', 'Someone changed or created this record at the same moment; refresh and try again.'),
  },
  TEXT_INVALID: {
    status: 400,
    retriable: false,
    message: t('提交的内容含有无法识别的字符，请删除后重新输入。', 'The request contains characters that cannot be stored; remove them and type again.'),
  },
  BODY_TOO_DEEP: {
    status: 400,
    retriable: false,
    message: t('请求内容的层级过深。', 'The request is nested too deeply.'),
  },
  REQUEST_TIMEOUT: {
    status: 408,
    retriable: true,
    message: t('请求发送超时，请检查网络后重试。', 'The request took too long to arrive; check the network and try again.'),
  },
  SUBSIDY_YEAR_CAP_EXCEEDED: {
    status: 409,
    retriable: false,
    message: t('核定金额超出该企业本年度的补贴上限。', "The amount would exceed the enterprise's subsidy cap for the year."),
  },
  UPLOAD_QUOTA_EXCEEDED: {
    status: 507,
    retriable: false,
    message: t('上传空间已满，请删除不再需要的文件或联系平台客服。', 'Upload storage is full; remove files you no longer need or contact support.'),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
