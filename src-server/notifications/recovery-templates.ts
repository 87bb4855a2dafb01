/**
 * SMS and e-mail of password recovery and contact binding (zh-CN like the other templates). Codes appear only here,
 * on their way to the phone or mailbox; never in logs.
 */
export const recoverySms = {
  recoveryCode: (code: string) => `您正在找回企业账号密码，验证码 ${code}，10 分钟内有效。请勿告诉他人；如非本人操作，请忽略本短信。`,
  bindCode: (code: string) => `您正在绑定手机号到企业账号，验证码 ${code}，10 分钟内有效。请勿告诉他人。`,
  passwordRecovered: (p: { enterprise: string; username: string }) =>
    `（${p.enterprise}）账号(${p.username})的密码已通过“忘记密码”重新设置，其他登录已退出。如非本人操作，请立即联系企业管理员或平台客服 0512-66680236。`,
  contactChanged: (p: { enterprise: string; username: string; what: string; to: string }) =>
    `（${p.enterprise}）账号(${p.username})绑定的${p.what}已更换为 ${p.to}。如非本人操作，请立即联系平台客服 0512-66680236。`,
};

export const recoveryMail = {
  recoveryCode: (code: string) => ({
    subject: '找回密码验证码',
    text: `您好：\n\n您正在找回企业账号密码，验证码 ${code}，10 分钟内有效。请勿告诉他人；如非本人操作，请忽略本邮件。\n`,
  }),
  bindCode: (code: string) => ({
    subject: '绑定邮箱验证码',
    text: `您好：\n\n您正在将本邮箱绑定到企业账号，验证码 ${code}，10 分钟内有效。请勿告诉他人。\n`,
  }),
  passwordRecovered: (p: { enterprise: string; username: string }) => ({
    subject: '账号密码已重新设置',
    text: `您好：\n\n${recoverySms.passwordRecovered(p)}\n`,
  }),
  contactChanged: (p: { enterprise: string; username: string; what: string; to: string }) => ({
    subject: '账号绑定信息已更换',
    text: `您好：\n\n${recoverySms.contactChanged(p)}\n`,
  }),
};
