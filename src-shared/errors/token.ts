import type { ErrorCatalog } from './catalog';

/**
 * Errors of the CA key bridge. The texts follow the manuals' Q&A ("插上CA但检测不到CA？" and friends); the raw
 * PKCS#11 return value (CKR_…) goes to the log only, never to the user.
 */
export const TOKEN_ERROR_CODES = [
  'NO_TOKEN',
  'MODULE_LOAD_FAILED',
  'TOKEN_REMOVED',
  'PIN_INCORRECT',
  'PIN_LOCKED',
  'PIN_FORMAT',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'NO_USCC',
  'UNSUPPORTED_KEY',
  'USER_CANCELLED',
  'TIMEOUT',
  'CERT_NOT_FOUND',
  'SIGNATURE_INVALID',
  'BAD_REQUEST',
  'TOKEN_SERVICE_UNAVAILABLE',
  'TOKEN_ERROR',
  // issue 18: a driver that aborted the token service process mid-call
  'TOKEN_DRIVER_CRASHED',
] as const;
export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

export const tokenErrors: ErrorCatalog<TokenErrorCode> = {
  NO_TOKEN: {
    retriable: true,
    message: { 'zh-CN': '未检测到 CA 数字证书（USB Key）。', en: 'No CA key (USB key) was detected.' },
    hint: {
      'zh-CN': '请插入江苏CA或苏州CA的 USB Key，确认指示灯亮起；若仍未检测到，请安装 CA 厂商驱动后打开“检测不到CA？”自检页。',
      en: 'Insert the Jiangsu CA or Suzhou CA USB key and check that its light is on. If it is still not found, install the CA vendor driver and open the "CA not detected?" self-check.',
    },
  },
  MODULE_LOAD_FAILED: {
    retriable: false,
    message: { 'zh-CN': 'CA 驱动无法加载。', en: 'The CA driver could not be loaded.' },
    hint: {
      'zh-CN': '驱动文件缺失或为 32 位版本。请向 CA 机构获取 64 位驱动并重新安装，然后重启通办。',
      en: 'The driver file is missing or is a 32-bit build. Get the 64-bit driver from your CA, reinstall it and restart Tongban.',
    },
  },
  TOKEN_REMOVED: {
    retriable: true,
    message: { 'zh-CN': 'CA 数字证书已被拔出。', en: 'The CA key was removed.' },
    hint: { 'zh-CN': '请重新插入 USB Key 后重试，已填写的内容不会丢失。', en: 'Plug the USB key back in and try again; nothing you typed is lost.' },
  },
  PIN_INCORRECT: {
    retriable: false,
    message: { 'zh-CN': 'PIN 码错误。', en: 'Incorrect PIN.' },
    hint: {
      'zh-CN': '请核对 PIN 码（区分大小写）。连续输错多次将锁定 USB Key，需到 CA 机构解锁。',
      en: 'Check the PIN (case-sensitive). Too many wrong tries lock the key, and only the CA can unlock it.',
    },
  },
  PIN_LOCKED: {
    retriable: false,
    message: { 'zh-CN': 'USB Key 的 PIN 码已被锁定。', en: 'The key’s PIN is locked.' },
    hint: {
      'zh-CN': '请携带 USB Key 到 CA 机构（江苏CA或苏州CA服务网点）办理解锁。',
      en: 'Take the key to your CA’s service desk (Jiangsu CA or Suzhou CA) to have it unlocked.',
    },
  },
  PIN_FORMAT: {
    retriable: false,
    message: { 'zh-CN': 'PIN 码长度或格式不符合要求。', en: 'The PIN has the wrong length or format.' },
    hint: { 'zh-CN': '未消耗尝试次数。请按 USB Key 的要求输入 PIN 码。', en: 'No try was used up. Enter the PIN as the key requires.' },
  },
  CERT_EXPIRED: {
    retriable: false,
    message: { 'zh-CN': '数字证书已过期或尚未生效。', en: 'The certificate has expired or is not valid yet.' },
    hint: { 'zh-CN': '请到 CA 机构办理证书更新（请使用最新版本的 CA）。', en: 'Renew the certificate with your CA (use the latest version of the key).' },
  },
  CERT_NOT_YET_VALID: {
    retriable: false,
    message: { 'zh-CN': '数字证书尚未生效。', en: 'The certificate is not valid yet.' },
    hint: { 'zh-CN': '请检查电脑的日期和时间是否正确。', en: 'Check that the computer’s date and time are correct.' },
  },
  NO_USCC: {
    retriable: false,
    message: { 'zh-CN': '证书中未找到有效的统一社会信用代码。', en: 'No valid Unified Social Credit Code was found in the certificate.' },
    hint: {
      'zh-CN': '该证书可能不是企业证书或版本过旧。请使用企业的江苏CA或苏州CA证书，或到 CA 机构更新证书。',
      en: 'This may not be an enterprise certificate, or it is too old. Use the company’s Jiangsu CA or Suzhou CA key, or renew it with the CA.',
    },
  },
  UNSUPPORTED_KEY: {
    retriable: false,
    message: { 'zh-CN': '不支持该 USB Key 的密钥类型。', en: 'This key type is not supported.' },
    hint: { 'zh-CN': '请联系通办技术支持，并附上“CA 自检”报告。', en: 'Contact Tongban support with the "CA self-check" report.' },
  },
  USER_CANCELLED: {
    retriable: true,
    message: { 'zh-CN': '操作已取消。', en: 'The operation was cancelled.' },
  },
  TIMEOUT: {
    retriable: true,
    message: { 'zh-CN': 'USB Key 响应超时。', en: 'The key did not answer in time.' },
    hint: { 'zh-CN': '如 USB Key 带有 PIN 键盘，请在键盘上输入 PIN 码；然后重试。', en: 'If the key has a PIN pad, enter the PIN on it; then try again.' },
  },
  CERT_NOT_FOUND: {
    retriable: true,
    message: { 'zh-CN': '未找到所选的数字证书。', en: 'The selected certificate was not found.' },
    hint: { 'zh-CN': '请确认插入的是同一个 USB Key，然后重新选择证书。', en: 'Make sure the same USB key is plugged in, then choose the certificate again.' },
  },
  SIGNATURE_INVALID: {
    retriable: false,
    message: { 'zh-CN': '签名未通过校验：签名与内容或证书不符。', en: 'The signature did not verify against the content or the certificate.' },
    hint: { 'zh-CN': '请重新签名后提交；如仍失败，证书与密钥可能不匹配，请联系 CA 机构。', en: 'Sign again and resubmit; if it keeps failing, the certificate and key may not match: contact your CA.' },
  },
  BAD_REQUEST: {
    retriable: false,
    message: { 'zh-CN': '请求参数不正确。', en: 'The request was malformed.' },
  },
  TOKEN_SERVICE_UNAVAILABLE: {
    retriable: true,
    message: { 'zh-CN': '证书服务正在重启。', en: 'The certificate service is restarting.' },
    hint: { 'zh-CN': '请稍候重试。', en: 'Wait a moment and try again.' },
  },
  TOKEN_ERROR: {
    retriable: false,
    message: { 'zh-CN': 'USB Key 操作失败。', en: 'The key operation failed.' },
    hint: { 'zh-CN': '请重新插拔 USB Key 后重试；如仍失败，请导出“CA 自检”报告联系技术支持。', en: 'Unplug and replug the key and try again; if it still fails, send the "CA self-check" report to support.' },
  },
  // issue 18: the vendor driver crashed; the service restarts on its own, the screen keeps what was typed.
  TOKEN_DRIVER_CRASHED: {
    retriable: true,
    message: { 'zh-CN': 'CA 驱动程序异常退出，证书服务已自动重启。', en: 'The CA driver crashed; the certificate service restarted on its own.' },
    hint: {
      'zh-CN': '已填写的内容不会丢失，请重试。如反复出现，请打开“检测不到CA？”自检页，复制报告发给技术支持。',
      en: 'Nothing you typed is lost: try again. If it keeps happening, open the "CA not detected?" self-check and send its report to support.',
    },
  },
};
