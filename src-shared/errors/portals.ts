/**
 * Error codes of portals as data (issue 16 part 1), spread into `serverErrors`. Same shape as the entries of
 * server.ts; never rename a code. The desktop raises them when the server it was pointed at is not the portal the
 * clerk chose (GET /api/portal).
 */
import type { ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const portalErrors = {
  PORTAL_MISMATCH: {
    status: 409,
    retriable: false,
    message: t('该服务器不属于所选的平台。', 'This server does not serve the portal you chose.'),
    hint: t(
      '请在“设置”中核对该平台的服务器地址（可向本单位信息管理员索取），或选择该服务器所属的平台。',
      "Check the portal's server address in Settings (your IT administrator has it), or choose the portal this server belongs to.",
    ),
  },
  PORTAL_UNKNOWN_SERVER: {
    status: 404,
    retriable: false,
    message: t('该服务器未说明所属平台，可能不是通办服务器或版本过旧。', 'This server does not say which portal it serves: it may not be a Tongban server, or an old one.'),
    hint: t('请核对服务器地址，或联系本单位信息管理员。', 'Check the server address, or ask your IT administrator.'),
  },
} as const;
