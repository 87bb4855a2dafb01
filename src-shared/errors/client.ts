import type { ErrorCatalog } from './catalog';

/**
 * Errors the clients raise themselves (not the server, not the CA key): main's client services, the renderer's
 * transport and file reading, the console's and the phone page's HTTP clients. The one text of each code.
 */
export const CLIENT_ERROR_CODES = ['SERVER_UNREACHABLE', 'SERVER_ANSWER_UNREADABLE', 'NOT_SIGNED_IN', 'INPUT_INVALID', 'DRAFT_TOO_LARGE', 'IPC_FORBIDDEN', 'CLIENT_ERROR', 'CLIENT_UNAVAILABLE', 'FILE_READ_FAILED', 'SUBMISSION_QUEUED', 'CERT_OTHER_ENTERPRISE'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export const clientErrors: ErrorCatalog<ClientErrorCode> = {
  SERVER_UNREACHABLE: {
    retriable: true,
    message: { 'zh-CN': '无法连接一网通办服务器。', en: 'The portal server cannot be reached.' },
    hint: { 'zh-CN': '请检查网络连接或在设置中核对服务器地址，稍后重试。已填写的内容已保存。', en: 'Check the network or the server address in Settings and try again later. What you typed is saved.' },
  },
  SERVER_ANSWER_UNREADABLE: {
    retriable: true,
    message: { 'zh-CN': '服务器的应答无法识别。', en: 'The answer from the server could not be understood.' },
    hint: {
      'zh-CN': '网络代理或网关可能暂时故障，请稍后重试；如持续出现，请联系本单位网络管理员。已填写的内容已保存。',
      en: 'A proxy or gateway may be failing for a while; try again later, and if it persists ask your network administrator. What you typed is saved.',
    },
  },
  NOT_SIGNED_IN: {
    retriable: false,
    message: { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  },
  INPUT_INVALID: {
    retriable: false,
    message: { 'zh-CN': '填写的内容不完整或格式不正确。', en: 'Some fields are missing or not in the right format.' },
    hint: { 'zh-CN': '请检查填写的内容后重试。', en: 'Check what you entered and try again.' },
  },
  DRAFT_TOO_LARGE: {
    retriable: false,
    message: { 'zh-CN': '草稿过大，无法保存。', en: 'The draft is too large to save.' },
  },
  IPC_FORBIDDEN: {
    retriable: false,
    message: { 'zh-CN': '请求来源不受信任。', en: 'The request came from an untrusted page.' },
  },
  CLIENT_ERROR: {
    retriable: false,
    message: { 'zh-CN': '客户端发生错误。', en: 'The client ran into an error.' },
    hint: { 'zh-CN': '请重试；如仍失败，请联系技术支持。', en: 'Try again; if it keeps failing, contact support.' },
  },
  SUBMISSION_QUEUED: {
    retriable: true,
    message: { 'zh-CN': '已签名并保存，暂未送达服务器。', en: 'Signed and kept, not yet delivered to the server.' },
    hint: {
      'zh-CN': '服务器恢复连接后将自动发送，无需再次输入 PIN 码；可在页面顶部查看待发送事项。',
      en: 'It will be sent automatically once the server can be reached, without the PIN again; see what is waiting at the top of the window.',
    },
  },
  CLIENT_UNAVAILABLE: {
    retriable: true,
    message: { 'zh-CN': '与通办客户端服务的连接中断。', en: 'The connection to the Tongban client service was lost.' },
    hint: { 'zh-CN': '请稍候重试；如仍失败，请重新启动通办。', en: 'Wait a moment and try again; if it persists, restart Tongban.' },
  },
  CERT_OTHER_ENTERPRISE: {
    retriable: false,
    message: { 'zh-CN': '该证书属于其他企业，不能用于本企业的办理。', en: 'This certificate belongs to another enterprise; it cannot be used here.' },
    hint: { 'zh-CN': '请插入本企业的 CA 数字证书。', en: 'Insert this enterprise’s CA key.' },
  },
  FILE_READ_FAILED: {
    retriable: false,
    message: { 'zh-CN': '无法读取该文件。', en: 'The file could not be read.' },
    hint: { 'zh-CN': '请确认文件未被其他程序占用，然后重新选择。', en: 'Make sure no other program holds it open, then choose it again.' },
  },
};
