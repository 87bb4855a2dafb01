import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '@shared/ui/contrast';
import { palette } from '@shared/ui/palette';
import { AA_TEXT, contrastFindings } from '@shared/ui/palette-check';
import { themeFor } from './theme';

describe('the desktop theme', () => {
  it('draws every text pair antd uses at WCAG 2.1 AA contrast, in both languages', () => {
    expect(contrastFindings(theme.getDesignToken(themeFor('zh-CN')))).toEqual([]);
    expect(contrastFindings(theme.getDesignToken(themeFor('en')))).toEqual([]);
  });

  it('is what makes it so: antd left alone misses it (the check can fail)', () => {
    const defaults = contrastFindings(theme.getDesignToken({})).map((f) => f.what);
    expect(defaults).toEqual(expect.arrayContaining(['hints and descriptions on white', 'success tags', 'placeholders on white', 'the focus ring on white']));
  });

  it('keeps white text readable on the header band', () => {
    expect(contrastRatio(palette.onHeader, palette.headerBg)).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
