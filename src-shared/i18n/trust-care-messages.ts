/** Desktop texts of a renewed CA key's confirmation (issue 17 item 3); messages.ts spreads them into its catalogs. */
export const trustCareZhCN = {
  'trustCare.renewal.title': '确认更新后的 CA 证书',
  'trustCare.renewal.sent': '这是一张更新后的证书。验证码已发送至企业管理员手机 {mobile}，10 分钟内有效；管理员确认后即可登录。确认前原证书仍可使用。',
  'trustCare.renewal.code': '管理员收到的验证码',
  'trustCare.renewal.codeFormat': '请输入 6 位数字验证码',
  'trustCare.renewal.confirm': '确认并登录',
  'trustCare.renewal.back': '返回',
};

export const trustCareEn: Record<keyof typeof trustCareZhCN, string> = {
  'trustCare.renewal.title': 'Confirm the renewed CA certificate',
  'trustCare.renewal.sent': "This is a renewed certificate. A code was sent to the enterprise administrator's mobile {mobile}; it lasts 10 minutes. Once the administrator confirms, you are signed in. Until then the previous certificate keeps working.",
  'trustCare.renewal.code': "The administrator's code",
  'trustCare.renewal.codeFormat': 'Enter the 6-digit code',
  'trustCare.renewal.confirm': 'Confirm and sign in',
  'trustCare.renewal.back': 'Back',
};
