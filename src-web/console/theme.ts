import type { ThemeConfig } from 'antd';
import { accessibleTokens } from '@shared/ui/palette';

/** The console's antd theme: the colours every desk shares (WCAG 2.1 AA, src-shared/ui/palette.ts). */
export const consoleTheme: ThemeConfig = { token: { ...accessibleTokens } };
