import type { ThemeConfig } from 'antd';
import type { Locale } from '@shared/i18n/messages';
import { accessibleTokens, palette } from '@shared/ui/palette';

/** CJK-first font stack: Windows clerks get Microsoft YaHei; Linux CI gets Noto Sans CJK. */
export const fontFamily =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", system-ui, sans-serif';

/** In English, Latin fonts first (CJK fonts draw Latin punctuation full-width), CJK after for enterprise names. */
const latinFirst = `"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, ${fontFamily}`;

const layout = { headerBg: palette.headerBg, headerHeight: 60, headerPadding: '0 24px', bodyBg: palette.bodyBg };

export function themeFor(locale: Locale): ThemeConfig {
  return {
    // Styles come from antd's prebuilt stylesheet (imported in main.tsx) instead of being generated in the
    // browser on every first render: that generation was most of the time to an interactive login screen.
    zeroRuntime: true,
    token: {
      fontFamily: locale === 'en' ? latinFirst : fontFamily,
      // Colours meeting WCAG 2.1 AA, shared with the console (src-shared/ui/palette.ts).
      ...accessibleTokens,
      fontSize: 14,
      borderRadius: 4,
      // No animations: the office PCs this runs on are slow, and an interrupted leave animation (a key event
      // re-rendering mid-transition) can leave a button's loading icon in place, renaming it "loading 登录".
      motion: false,
    },
    components: { Layout: layout },
  };
}
