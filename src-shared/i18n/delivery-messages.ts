/**
 * Desktop texts of what IT manages (issue 19): fields set by group policy, the portal IT chose and how this
 * installation is updated. zh-CN and English; messages.ts spreads them into its catalogs.
 */
export const deliveryZhCN = {
  'delivery.managed': '由您的组织管理',
  'delivery.managedHint': '此项由单位 IT 通过组策略设置，不能在本机修改。',
  'delivery.portal': '门户',
  'delivery.portal.sip': '苏州工业园区一网通办',
  'delivery.portal.beijing-sme': '北京市中小企业公共服务平台',
  'delivery.update': '更新',
  'delivery.update.self': '自动更新（{channel}）：新版本在后台下载，退出通办时安装。',
  'delivery.update.it': '由您的 IT 部门更新。',
  'delivery.update.off.policy': '自动更新已由您的组织关闭。',
  'delivery.update.off.unsigned': '此安装包未签名，不自动更新。',
  'delivery.update.none': '此版本不是安装版，不自动更新。',
  'delivery.channel.stable': '正式版',
  'delivery.channel.beta': '测试版',
  'delivery.state.checking': '正在检查更新…',
  'delivery.state.current': '已是最新版本。',
  'delivery.state.downloading': '正在下载新版本 {version}…',
  'delivery.state.ready': '新版本 {version} 已下载，退出通办时安装。',
  'delivery.state.failed': '检查更新失败，下次启动时重试。',
};

export const deliveryEn: Record<keyof typeof deliveryZhCN, string> = {
  'delivery.managed': 'Managed by your organisation',
  'delivery.managedHint': 'Your IT department sets this by group policy; it cannot be changed on this computer.',
  'delivery.portal': 'Portal',
  'delivery.portal.sip': 'SIP one-stop government portal',
  'delivery.portal.beijing-sme': 'Beijing SME public service platform',
  'delivery.update': 'Updates',
  'delivery.update.self': 'Automatic updates ({channel}): new versions download in the background and install when you quit Tongban.',
  'delivery.update.it': 'Updated by your IT department.',
  'delivery.update.off.policy': 'Automatic updates are turned off by your organisation.',
  'delivery.update.off.unsigned': 'This installer is not signed, so it does not update itself.',
  'delivery.update.none': 'This is not an installed version; it does not update itself.',
  'delivery.channel.stable': 'stable',
  'delivery.channel.beta': 'beta',
  'delivery.state.checking': 'Checking for updates…',
  'delivery.state.current': 'Tongban is up to date.',
  'delivery.state.downloading': 'Downloading version {version}…',
  'delivery.state.ready': 'Version {version} is downloaded and installs when you quit Tongban.',
  'delivery.state.failed': 'Checking for updates failed; it is tried again at the next start.',
};
