/**
 * Message catalogs. Every user-visible string lives here, keyed the same in each language, so a screen never
 * carries inline Chinese and the English switch cannot miss a string (the type makes `en` complete).
 */
export const zhCN = {
  'app.name': '通办',
  'app.tagline': '企业一网通办客户端',
  'app.loading': '正在加载…',
  'shell.browserMode': '浏览器模式',
  'shell.desktop': '桌面客户端',
  'home.welcome': '欢迎使用通办',
  'home.intro': '插入企业 CA 数字证书（江苏CA、苏州CA），即可办理企业注册、登录与人才补贴申报。',
  'key.status.unknown': '正在检测 CA 数字证书…',
  'language.switch': 'English',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Catalog = Record<MessageKey, string>;

export const en: Catalog = {
  'app.name': 'Tongban',
  'app.tagline': 'One-stop portal client for enterprises',
  'app.loading': 'Loading…',
  'shell.browserMode': 'Browser mode',
  'shell.desktop': 'Desktop client',
  'home.welcome': 'Welcome to Tongban',
  'home.intro': 'Insert the company CA key (Jiangsu CA, Suzhou CA) to register, sign in and apply for the talent subsidy.',
  'key.status.unknown': 'Looking for CA keys…',
  'language.switch': '中文',
};

export type Locale = 'zh-CN' | 'en';
export const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, en };

export function translate(locale: Locale, key: MessageKey): string {
  return catalogs[locale][key];
}
