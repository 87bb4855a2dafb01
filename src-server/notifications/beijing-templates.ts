/** SMS of the Beijing SME platform (issue 16), zh-CN like the other templates; codes appear only in `code`. */
export const beijingSms = {
  code: (p: { code: string; purpose: 'register' | 'yztPassword' }) =>
    p.purpose === 'register' ? `您正在注册北京市中小企业公共服务平台账号，验证码${p.code}，10分钟内有效。如非本人操作请忽略。` : `您正在找回一证通口令密码，验证码${p.code}，10分钟内有效。如非本人操作请忽略。`,
  certificationApproved: (p: { enterprise: string; username: string }) =>
    `您提交的（${p.enterprise}）法人身份鉴证已审核通过。请使用一证通账号 ${p.username} 口令登录，完成企业认证。`,
  certificationRejected: (p: { enterprise: string; reason: string }) =>
    `您提交的（${p.enterprise}）法人身份鉴证未通过审核：${p.reason}。如有疑问请咨询一证通技术人员 010-58511090。`,
  unbindingApproved: (p: { enterprise: string }) => `您申请解绑的（${p.enterprise}）已解除原绑定，请重新进行企业认证。`,
  unbindingRejected: (p: { enterprise: string; reason: string }) => `您对（${p.enterprise}）的解绑申请未通过：${p.reason}。`,
  bindingEnded: (p: { enterprise: string }) =>
    `（${p.enterprise}）与您的北京市中小企业公共服务平台账号的绑定已按解绑申请解除。如有疑问请咨询 010-82176966。`,
};
