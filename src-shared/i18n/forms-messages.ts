/**
 * Desktop texts of the walk-through's form fixes (issue 21 items 6 and 15): the printouts of the subsidy
 * application, the upload counter, the remembered sign-in, the contact from the last application and the banner
 * back to an unfinished draft. Spread into messages.ts.
 */
export const formsZhCN = {
  'forms.print.applicationForm': '打印补贴申请表',
  'forms.print.applicationFormHint': '补贴申请表按上方填写的内容生成；打印后加盖企业公章，扫描或拍照后在此上传。内容修改后请重新打印。',
  'forms.print.copy': '打印申请副本',
  'forms.print.preview': '预览：{name}',
  'forms.print.download': '下载 PDF',
  'forms.print.print': '打印',
  'forms.print.close': '关闭',
  'forms.upload.count': '已上传 {done}/{total}',
  'forms.file.open': '查看',
  'forms.file.openLabel': '查看 {name}',
  'forms.draft.banner': '您有一份未提交的补贴申请（{time} 保存）。',
  'forms.draft.continue': '继续填写',
  'forms.login.remembered': '已填入本机上次登录的企业和用户名（密码不保存）。',
  'forms.login.forget': '清除',
} as const;

export const formsEn: Record<keyof typeof formsZhCN, string> = {
  'forms.print.applicationForm': 'Print the application form',
  'forms.print.applicationFormHint': 'The application form is made from what you typed above; print it, stamp it with the company seal, scan or photograph it and upload it here. Print it again after changes.',
  'forms.print.copy': 'Print a copy',
  'forms.print.preview': 'Preview: {name}',
  'forms.print.download': 'Download PDF',
  'forms.print.print': 'Print',
  'forms.print.close': 'Close',
  'forms.upload.count': 'Uploaded {done}/{total}',
  'forms.file.open': 'View',
  'forms.file.openLabel': 'View {name}',
  'forms.draft.banner': 'You have an unsubmitted subsidy application (saved {time}).',
  'forms.draft.continue': 'Continue',
  'forms.login.remembered': 'The enterprise and username of the last sign-in on this PC are filled in (the password is never kept).',
  'forms.login.forget': 'Clear',
};
