/**
 * Desktop texts of issue 21 items 1, 5 and 8 (keys): "already registered" at registration step 2, why a key cannot be
 * used or the sign button is disabled, and the PIN words that follow what the key reports. messages.ts spreads them.
 */
export const keysZhCN = {
  'keys.why.none': '请先插入 USB Key。',
  'keys.why.choose': '请先选择证书。',
  'keys.why.removed': '所选 USB Key 已拔出，请重新插入。',
  'keys.why.blocked': '所选证书不能使用，原因见证书下方。',
  'keys.check.intro': '为确认该企业是否已注册，请输入 PIN 码，由 USB Key 对平台的随机挑战签名（不会提交任何资料）。',
  'keys.check.submit': '读取并核对',
  'keys.check.ok': '已从证书读取：{enterprise}（{uscc}）。该企业尚未注册，可以继续。',
  'keys.check.needed': '请先完成核对，再进入下一步。',
  'keys.registered.title': '该企业已注册：{enterprise}（{uscc}）',
  'keys.registered.body': '无需再次注册，也不必打印、盖章和上传材料。请选择以下方式找回账号：',
  'keys.registered.recovery': '忘记密码（超级用户通过绑定的手机号或邮箱找回）',
  'keys.registered.login': '返回登录（使用 CA 登录或账号密码登录）',
  'keys.registered.request': '已注册但无人知道账号：向平台申请找回',
  'keys.registered.otherWays': '查看其他注册方式',
  'keys.pin.finalTry': '这是最后一次尝试，再输错将锁定 USB Key。',
};

export const keysEn: Record<keyof typeof keysZhCN, string> = {
  'keys.why.none': 'Plug in a USB key first.',
  'keys.why.choose': 'Choose a certificate first.',
  'keys.why.removed': 'The chosen USB key was removed; plug it back in.',
  'keys.why.blocked': 'The chosen certificate cannot be used; the reason is under it.',
  'keys.check.intro': 'To check whether this enterprise is registered, enter the PIN: the USB key signs a random challenge of the portal (nothing is submitted).',
  'keys.check.submit': 'Read and check',
  'keys.check.ok': 'Read from the certificate: {enterprise} ({uscc}). This enterprise is not registered yet; go on.',
  'keys.check.needed': 'Check the key before going on.',
  'keys.registered.title': 'This enterprise is already registered: {enterprise} ({uscc})',
  'keys.registered.body': 'There is no need to register again, nor to print, stamp and upload anything. Recover the accounts instead:',
  'keys.registered.recovery': 'Forgotten password (super recovers it by its bound mobile or e-mail)',
  'keys.registered.login': 'Back to login (CA login or username and password)',
  'keys.registered.request': 'Registered, but nobody knows the accounts: ask the portal staff',
  'keys.registered.otherWays': 'Other ways to register',
  'keys.pin.finalTry': 'This is the last try: a wrong PIN now locks the USB key.',
};
