/** SMS texts of the renewal confirmation (issue 17 item 3); the portal's signature goes in front (sms.ts). */
export const trustCareSms = {
  renewalCode: (p: { enterprise: string; notAfter: string; code: string; minutes: number }) =>
    `（${p.enterprise}）有人使用更新后的 CA 数字证书（有效期至 ${p.notAfter}）登录，需您确认后方可绑定。验证码${p.code}，${p.minutes}分钟内有效。` +
    `如非本企业更新证书，请勿告知他人并联系平台客服。`,
};
