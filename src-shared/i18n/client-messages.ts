/**
 * Desktop texts of what the client trusts (issue 17 items 1, 2, 9; issue 21 item 11): the drivers on the Settings
 * page and the self-check's server line, zh-CN and English; messages.ts spreads them into its catalogs.
 */
export const clientZhCN = {
  'settings.drivers': '其他 CA 驱动',
  'settings.driversHint': '江苏CA、苏州CA 的常见驱动会自动检测。检测不到时，可添加 CA 机构安装的驱动文件（PKCS#11，位于 Program Files 或 C:\\Windows\\System32）。',
  'settings.driversNone': '未添加其他驱动。',
  'settings.addDriver': '添加驱动',
  'settings.removeDriver': '移除',
  'settings.driverAdded': '驱动已添加，正在重新检测 USB Key',
  'settings.driverRemoved': '驱动已移除',
  'selfCheck.server.title': '连接一网通办服务器',
  'selfCheck.server.pass': '已连接 {url}（服务器版本 {version}，{ms} 毫秒）',
  'selfCheck.server.notHttps': '服务器地址 {url} 未使用 https://，通办不会连接。',
  'selfCheck.server.unreachable': '无法连接 {url}。',
  'selfCheck.server.fixHttps': '请在“设置”中填写 https:// 开头的服务器地址（可向单位 IT 询问）。',
  'selfCheck.server.fixUnreachable': '请检查网络连接，并在“设置”中核对服务器地址；如使用代理，请联系单位网络管理员。',
  'selfCheck.token.empty': '插槽中有未初始化的空 USB Key，不计为可用的 Key：{labels}',
} as const;

export const clientEn: Record<keyof typeof clientZhCN, string> = {
  'settings.drivers': 'Other CA drivers',
  'settings.driversHint': 'The usual Jiangsu CA and Suzhou CA drivers are found automatically. If yours is not, add the driver file the CA installed (PKCS#11, under Program Files or C:\\Windows\\System32).',
  'settings.driversNone': 'No other driver added.',
  'settings.addDriver': 'Add driver',
  'settings.removeDriver': 'Remove',
  'settings.driverAdded': 'Driver added; looking for keys again',
  'settings.driverRemoved': 'Driver removed',
  'selfCheck.server.title': 'Connection to the portal server',
  'selfCheck.server.pass': 'Connected to {url} (server version {version}, {ms} ms)',
  'selfCheck.server.notHttps': 'The server address {url} does not use https://; Tongban will not connect to it.',
  'selfCheck.server.unreachable': 'Cannot connect to {url}.',
  'selfCheck.server.fixHttps': 'Enter an https:// server address in Settings (ask your IT department).',
  'selfCheck.server.fixUnreachable': 'Check the network and the server address in Settings; behind a proxy, ask your network administrator.',
  'selfCheck.token.empty': 'An empty, uninitialised key in a slot is not counted as a key: {labels}',
};
