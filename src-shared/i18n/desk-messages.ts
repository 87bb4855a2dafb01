/**
 * Desktop texts of the walk-through's remaining item 15 (several files per material) and issue 13's request
 * follow-ups, zh-CN and English; messages.ts spreads them into its catalogs.
 */
export const deskZhCN = {
  'material.add': '添加文件',
  'material.addLabel': '添加文件：{name}',
  'material.count': '{count} 个文件（最多 {max} 个）',
  'material.files': '{name}的文件',
  'material.full': '已达 {max} 个文件',
  'material.remove': '删除',
  'material.removeLabel': '删除{name}的文件：{file}',
  'material.waiting': '等待上传',
  'material.failedFile': '“{file}”未能上传',
  'material.notSent': '未上传：{files}。请稍后重新添加。',
  'material.hint': '一项材料有多页时，可逐页添加图片（最多 {max} 个文件），或合成一个 PDF 上传。',
  'acctreq.draft.restored': '已恢复上次未提交的申请内容',
  'reg.start.accountsUnknown': '已注册但无人知道账号？提交账户申请',
} as const;

export const deskEn: Record<keyof typeof deskZhCN, string> = {
  'material.add': 'Add file',
  'material.addLabel': 'Add file: {name}',
  'material.count': '{count} file(s) (at most {max})',
  'material.files': 'Files of {name}',
  'material.full': '{max} files, the most',
  'material.remove': 'Remove',
  'material.removeLabel': 'Remove file of {name}: {file}',
  'material.waiting': 'Waiting to upload',
  'material.failedFile': '“{file}” could not be uploaded',
  'material.notSent': 'Not uploaded: {files}. Add them again later.',
  'material.hint': 'A document of several pages may be added page by page as images (at most {max} files) or as one PDF.',
  'acctreq.draft.restored': 'The request you had not sent yet was restored',
  'reg.start.accountsUnknown': 'Registered, but nobody knows the accounts? File a request',
};
