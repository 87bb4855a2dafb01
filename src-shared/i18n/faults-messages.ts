/**
 * Desktop texts of issue 18 items 2 and 5 (keys as they really are): where a locked key is unlocked, and a driver
 * that hung or crashed, as the self-check reports it. messages.ts spreads them.
 */
export const faultsZhCN = {
  'faults.unlock': '请携带 USB Key 到{window}办理解锁；咨询电话：{phones}。',
  'faults.driver.crash': '驱动 {driver} 于 {time} 在{operation}时异常退出，证书服务已自动重启。',
  'faults.driver.hang': '驱动 {driver} 于 {time} 在{operation}时无响应，证书服务已自动重启。',
  'faults.driver.unknown': '（未知驱动）',
  'faults.operation.list': '读取证书',
  'faults.operation.signCms': '签名',
  'faults.operation.authenticate': 'CA 登录',
  'faults.operation.diagnose': '自检',
  'faults.operation.signPdf': 'PDF 签章',
};

export const faultsEn: Record<keyof typeof faultsZhCN, string> = {
  'faults.unlock': 'Take the USB key to {window} to have it unlocked; phone {phones}.',
  'faults.driver.crash': 'The driver {driver} crashed at {time} while {operation}; the certificate service restarted on its own.',
  'faults.driver.hang': 'The driver {driver} stopped answering at {time} while {operation}; the certificate service restarted on its own.',
  'faults.driver.unknown': '(unknown driver)',
  'faults.operation.list': 'reading certificates',
  'faults.operation.signCms': 'signing',
  'faults.operation.authenticate': 'signing in with the CA key',
  'faults.operation.diagnose': 'running the self-check',
  'faults.operation.signPdf': 'signing a PDF',
};
