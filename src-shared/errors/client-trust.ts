/**
 * Error codes of what the desktop client trusts (issue 17 items 1, 2, 9): which server it talks to and which
 * PKCS#11 drivers its token service loads. Main raises them (settings, the driver picker, the portal client);
 * same shape as the entries of server.ts, spread into `serverErrors` there so every desk finds one text.
 * Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

/** Where a driver may come from, said once for every refusal. */
const driverPlaces = t(
  '驱动须由 CA 机构的安装程序安装在 Program Files 或 C:\\Windows\\System32 下（或带有有效的 Windows 数字签名）。请运行 CA 机构提供的驱动安装程序，或请单位 IT 添加。',
  'A driver must be installed by the CA’s installer under Program Files or C:\\Windows\\System32 (or carry a valid Windows signature). Run the CA’s driver installer, or ask your IT department to add it.',
);

export const clientTrustErrors = {
  SERVER_URL_NOT_HTTPS: {
    status: 400,
    retriable: false,
    message: t('服务器地址必须使用 https://。', 'The server address must use https://.'),
    hint: t(
      '未加密的连接可能被他人读取或篡改密码和申报内容。请在设置中填写 https:// 开头的地址（仅本机调试可用 http://127.0.0.1）。',
      'Over an unencrypted connection passwords and filings could be read or changed on the way. Enter an https:// address in Settings (plain http only for this computer, 127.0.0.1).',
    ),
  },
  DRIVER_NOT_FOUND: {
    status: 400,
    retriable: false,
    message: t('该驱动文件不存在。', 'That driver file does not exist.'),
    hint: t('请确认 CA 驱动已安装，并选择安装目录中的驱动文件（.dll）。', 'Make sure the CA driver is installed and choose the driver file (.dll) in its installation folder.'),
  },
  DRIVER_NOT_ALLOWED: {
    status: 400,
    retriable: false,
    message: t('该驱动文件不在受信任的位置，通办不会加载它。', 'That driver file is not in a trusted place; Tongban will not load it.'),
    hint: driverPlaces,
  },
  DRIVER_PATH_INVALID: {
    status: 400,
    retriable: false,
    message: t('不能使用网络路径或相对路径的驱动。', 'A driver cannot come from a network or relative path.'),
    hint: driverPlaces,
  },
  DRIVER_PICKER_UNAVAILABLE: {
    status: 400,
    retriable: false,
    message: t('浏览器模式下不能在此添加驱动。', 'Drivers cannot be added here in browser mode.'),
    hint: t(
      '请由管理员在启动通办的电脑上设置环境变量 TONGBAN_PKCS11_MODULES（驱动文件的完整路径），然后重新启动通办。',
      'Ask an administrator to set TONGBAN_PKCS11_MODULES (the driver file’s full path) where Tongban is started, then restart Tongban.',
    ),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;
