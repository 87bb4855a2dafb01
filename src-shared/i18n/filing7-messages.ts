/**
 * Desktop texts of the filing's finishing part (issue 15): the time-stamp authority in 设置, the level a signed PDF
 * got, and the reviewer's comments beside the form's fields. zh-CN and English; messages.ts spreads them.
 */
export const filing7ZhCN = {
  'settings.tsaUrl': '时间戳服务地址（用于 PDF 签章）',
  'settings.tsaUrlHint': '签章时加盖可信时间戳（PAdES B-T）。一般由单位 IT 设置；留空则使用一网通办平台提供的时间戳服务（如有）。',
  'filing.pdf.levelBB': '本次签章未加盖可信时间戳（未配置时间戳服务）。如需加盖，请在“设置”中填写时间戳服务地址后重新签章。',
  'filing.pdf.levelBT': '已加盖可信时间戳。',
  'filing.form.commented': '以下 {count} 项需要核对修改（审核意见所指之处，修改后不再列出）：',
} as const;

export const filing7En: Record<keyof typeof filing7ZhCN, string> = {
  'settings.tsaUrl': 'Time-stamp service address (for PDF signatures)',
  'settings.tsaUrlHint': 'Signatures get a trusted time-stamp (PAdES B-T). Usually set by your IT department; left empty, the portal’s time-stamp service is used if it offers one.',
  'filing.pdf.levelBB': 'This signature has no trusted time-stamp (no time-stamp service is set). To add one, enter a time-stamp service address in Settings and sign again.',
  'filing.pdf.levelBT': 'A trusted time-stamp was added.',
  'filing.form.commented': '{count} items to check and correct (where the reviewer commented; an item leaves the list once changed):',
};
