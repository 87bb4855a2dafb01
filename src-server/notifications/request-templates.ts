/** SMS of requests to the portal staff (zh-CN like the other templates). The initial password appears only here. */
const KIND_NAMES = { administratorChange: '管理员变更', enterpriseChange: '企业名称/地址变更', accountsUnknown: '账号找回（已注册但无人知晓账号）' } as const;
type Kind = keyof typeof KIND_NAMES;

export const requestSms = {
  refused: (p: { enterprise: string; kind: Kind; reference: string }) =>
    `您提交的（${p.enterprise}）${KIND_NAMES[p.kind]}申请（编号 ${p.reference}）已被退回。请在通办客户端查看退回原因，修改后重新提交。`,
  approved: (p: { enterprise: string; kind: Kind; reference: string }) =>
    `您提交的（${p.enterprise}）${KIND_NAMES[p.kind]}申请（编号 ${p.reference}）已审核通过。`,
  administratorAppointed: (p: { enterprise: string; username: string; password: string }) =>
    `（${p.enterprise}）企业管理员已变更为您。企业管理员账号(${p.username})，初始密码(${p.password})，首次登录请修改密码。`,
};
