/**
 * SMS and e-mail texts (zh-CN; the portal's recipients are mainland enterprises). The registration text follows
 * the manual's wording (001 §5). Secrets (codes, passwords) appear only here, never in logs. The portal's
 * signature (【园区一网通办】) is put in front by the gateway (config `smsSign`), not here.
 */
export const smsTemplates = {
  registrationCode: (code: string) => `您正在注册企业用户，验证码 ${code}，10 分钟内有效。请勿告诉他人。`,
  registrationDone: (p: { enterprise: string; adminPassword: string; superPassword: string }) =>
    `您申请注册的（${p.enterprise}）企业，已注册成功。企业管理员账号(admin)，密码(${p.adminPassword})。` +
    `企业超级用户账号(super)，密码(${p.superPassword})。首次登录请修改密码。`,
  passwordReset: (p: { enterprise: string; username: string; password: string }) =>
    `（${p.enterprise}）账号(${p.username})的密码已重置，新的初始密码(${p.password})，登录后请立即修改。如非本人申请，请联系企业管理员。`,
  accountCreated: (p: { enterprise: string; username: string; password: string }) =>
    `（${p.enterprise}）已为您开通账号(${p.username})，初始密码(${p.password})，首次登录请修改密码。`,
  certificateRenewed: (p: { enterprise: string; username: string; notAfter: string; oldNotAfter: string }) =>
    `（${p.enterprise}）更新后的 CA 数字证书（有效期至 ${p.notAfter}）经企业管理员确认已绑定账号(${p.username})，` +
    `原证书在 ${p.oldNotAfter} 前仍可登录。如非本企业操作，请立即联系平台客服。`,
  preRegistrationRefused: (p: { enterprise: string; reference: string }) =>
    `您提交的（${p.enterprise}）线上预注册申请（编号 ${p.reference}）已被退回。请在通办客户端查看退回原因，修改后重新提交。`,
};

export const mailTemplates = {
  registrationDone: (p: { enterprise: string; uscc: string }) => ({
    subject: `${p.enterprise} 企业用户注册成功`,
    text:
      `您好：\n\n${p.enterprise}（统一社会信用代码 ${p.uscc}）已在通办完成企业用户注册。` +
      `管理员（admin）和超级用户（super）的初始密码已通过短信发送至管理员手机，首次登录须修改密码。\n\n` +
      `如非本企业操作，请立即联系平台客服。\n`,
  }),
};
