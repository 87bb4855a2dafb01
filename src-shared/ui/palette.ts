/**
 * The colours of every desk (desktop client, staff console), chosen for WCAG 2.1 AA: 4.5:1 for text against the
 * background it sits on, 3:1 for focus rings and large text. antd's defaults miss it in about eleven places (grey
 * hints #8c8c8c at 3.36:1, error red #ff4d4f at 3.26:1, green status tags at 2.2:1, links #1677ff at 4.1:1, select
 * placeholders at 1.83:1 — walk-through item 16); the fix lives here, in the theme, not screen by screen. The e2e
 * suite runs axe on every screen it saves (tests/e2e/accessibility.ts), so a regression fails a test.
 *
 * The ratios beside each colour are against white unless said; `palette.test.ts` recomputes them.
 */

/** The portal blue clerks know from one.sipac.gov.cn (6.09:1). */
export const portalBlue = '#1f5fbf';

export const palette = {
  primary: portalBlue,
  /** The desktop's header band; white on it is 8.9:1. */
  headerBg: '#174a97',
  /** The desktop's page background. */
  bodyBg: '#f0f3f8',
  /** Secondary text, hints, descriptions, table and description labels (5.74:1; 4.9:1 on #f5f5f5). */
  textHint: '#666666',
  /** Placeholders are read before typing: 4.54:1 as text, not the 1.83:1 grey of antd. */
  textPlaceholder: '#767676',
  /** Error text and the error state's border (5.57:1; 5.1:1 on the error background). */
  error: '#cf1322',
  /** Success text and green status tags (5.44:1 on the success background). */
  success: '#237804',
  /** Warning text and status tags (5.9:1 on the warning background). */
  warning: '#874d00',
  /** White text on the header band's links and buttons. */
  onHeader: '#ffffff',
  /** A status colour for icons on the header band, where text would be white: 3:1 against #174a97 is enough for an icon. */
  onHeaderOk: '#95de64',
  onHeaderWarn: '#ffd666',
} as const;

/**
 * Each portal's welcome band on the login page (a gradient of three stops, white text on every stop ≥ 7:1): SIP's
 * portal blue, Beijing's red. Keyed by portal id (src-shared/portals); a third portal adds its colours here.
 */
export const portalBands: Readonly<Record<string, readonly [string, string, string]>> = {
  sip: [portalBlue, '#174a97', '#0f3570'],
  'beijing-sme': ['#a8071a', '#820014', '#5c0011'],
};

/**
 * antd's preset tag colours draw text in shade 7 on shade 1; for these the shade 7 is below 4.5:1, so the text takes a
 * darker shade of the same hue (antd's own shade 8 or 9).
 */
const darkerShade7 = { green: '#237804', gold: '#874d00', orange: '#ad4e00', cyan: '#006d75', lime: '#3f6600', volcano: '#ad2102', yellow: '#614700' };

/**
 * Under both names antd reads them by: `green-7` becomes the CSS variable of the prebuilt stylesheet (the desktop's
 * zero-runtime theme), `green7` is what the runtime styles (the console) read.
 */
export const presetTextShades = Object.fromEntries(
  Object.entries(darkerShade7).flatMap(([hue, shade]) => [
    [`${hue}-7`, shade],
    [`${hue}7`, shade],
  ]),
) as Record<`${keyof typeof darkerShade7}-7` | `${keyof typeof darkerShade7}7`, string>;

/**
 * The antd tokens both desks share (a plain object: the desks' `ThemeConfig` adds fonts and layout). Keys are antd's
 * token names, checked where the desks build their ThemeConfig.
 */
export const accessibleTokens = {
  colorPrimary: palette.primary,
  colorInfo: palette.primary,
  colorLink: palette.primary,
  // Hovered and pressed: darker, not antd's lighter blue (#417dcc: 4.17:1 as text, and white on it as a button).
  colorPrimaryHover: palette.headerBg,
  colorPrimaryActive: '#0f3570',
  colorLinkHover: palette.headerBg,
  colorLinkActive: '#0f3570',
  // antd draws the keyboard focus ring in this colour (outline, 3 px): its light default is 1.99:1 on a white card.
  colorPrimaryBorder: palette.primary,
  colorError: palette.error,
  colorSuccess: palette.success,
  colorWarning: palette.warning,
  // antd derives these from the seed above; from a dark seed it derives dark backgrounds. antd's own light ones.
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorTextTertiary: palette.textHint,
  colorTextDescription: palette.textHint,
  colorTextPlaceholder: palette.textPlaceholder,
  // Also the colour of a table's 暂无数据 line, which is information, not a disabled control.
  colorTextDisabled: palette.textPlaceholder,
  ...presetTextShades,
} as const;

/**
 * Inside the dark header bands (the desktop's #174a97, the console's #16324f) links and ghost buttons are white in
 * every state: antd's hover and active shades of the primary blue are 1.7–2.4:1 there.
 */
export const onDarkBandTokens = {
  token: { colorPrimaryBorder: '#ffffff', colorPrimaryHover: '#ffffff', colorPrimaryActive: '#ffffff', colorLink: '#ffffff', colorLinkHover: '#ffffff', colorLinkActive: '#ffffff' },
  components: { Button: { defaultGhostColor: '#ffffff', defaultGhostBorderColor: '#ffffff' } },
} as const;
