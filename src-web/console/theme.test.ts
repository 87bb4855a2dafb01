import { theme } from 'antd';
import { expect, it } from 'vitest';
import { contrastFindings } from '@shared/ui/palette-check';
import { consoleTheme } from './theme';

it('the console theme draws every text pair antd uses at WCAG 2.1 AA contrast', () => {
  expect(contrastFindings(theme.getDesignToken(consoleTheme))).toEqual([]);
});
