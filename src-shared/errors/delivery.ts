/**
 * Error codes of what IT manages on the desktop (issue 19: group policy, installers, updates). Same shape as the
 * entries of server.ts, spread into `serverErrors` there. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const deliveryErrors = {
  SETTING_MANAGED: {
    status: 403,
    retriable: false,
    message: t('此设置由您的组织管理，不能在本机修改。', 'This setting is managed by your organisation and cannot be changed here.'),
    hint: t('如需修改，请联系单位 IT 部门（组策略：通办 Tongban）。', 'Ask your IT department to change it (group policy: 通办 Tongban).'),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
