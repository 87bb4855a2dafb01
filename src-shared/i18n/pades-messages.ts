/**
 * Texts of the PAdES signature (issue 15), zh-CN and English; messages.ts spreads them into its catalogs. The
 * appearance lines are drawn into the signed PDF in Chinese (the portal's language), whatever the desk's locale.
 */
export const padesZhCN = {
  'pades.appearance.title': '电子签章',
  'pades.appearance.time': '签章时间：{time}',
  'pades.level.B-B': 'PAdES B-B（无时间戳）',
  'pades.level.B-T': 'PAdES B-T（含可信时间戳）',
  'pades.level.B-LT': 'PAdES B-LT（含时间戳和吊销信息）',
};

export const padesEn: Record<keyof typeof padesZhCN, string> = {
  'pades.appearance.title': 'Electronic seal',
  'pades.appearance.time': 'Signed: {time}',
  'pades.level.B-B': 'PAdES B-B (no time-stamp)',
  'pades.level.B-T': 'PAdES B-T (with a trusted time-stamp)',
  'pades.level.B-LT': 'PAdES B-LT (with time-stamp and revocation data)',
};
