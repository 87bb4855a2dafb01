import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap';

// Hanzi and full-width marks 1 unit wide, everything else half a unit: close to the real font's proportions.
const measure = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5), 0);

describe('wrapText', () => {
  it('breaks between hanzi to fill each line', () => {
    expect(wrapText('苏州工业园区星湖街创意产业园', measure, 5)).toEqual(['苏州工业园', '区星湖街创', '意产业园']);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    // '，' would start line 2 and '（' end line 1: both move with their neighbour.
    expect(wrapText('甲乙丙丁，戊己', measure, 4)).toEqual(['甲乙丙', '丁，戊己']);
    expect(wrapText('甲乙丙（丁）', measure, 4)).toEqual(['甲乙丙', '（丁）']);
  });

  it('keeps Latin words and numbers whole and drops the space at a break', () => {
    expect(wrapText('账号 admin 和 super', measure, 5)).toEqual(['账号 admin', '和 super']);
    expect(wrapText('账号 administrator', measure, 5)).toEqual(['账号', 'administra', 'tor']);
    expect(wrapText('星湖街328号', measure, 4)).toEqual(['星湖街', '328号']);
  });

  it('splits a word wider than a line', () => {
    expect(wrapText('aaaaaaaaaa@example.com', measure, 4)).toEqual(['aaaaaaaa', 'aa@examp', 'le.com']);
  });

  it('keeps explicit line breaks and gives no lines for no text', () => {
    expect(wrapText('第一行\n\n第三行', measure, 10)).toEqual(['第一行', '', '第三行']);
    expect(wrapText('', measure, 10)).toEqual([]);
  });
});
