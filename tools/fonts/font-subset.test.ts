// The committed subset font (assets/fonts/, made by make-subset.py) covers what Chinese forms and receipts print.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CJK_FONT_FILE, PrintDocument } from '@shared/pdf';

const fontsDir = path.resolve(import.meta.dirname, '..', '..', 'assets', 'fonts');
const fontFile = path.join(fontsDir, CJK_FONT_FILE);

/** The 6763 hanzi of GB 2312: rows 0xB0–0xF7, columns 0xA1–0xFE (row 0xD7 ends at 0xF9). */
function gb2312Hanzi(): string {
  const gb = new TextDecoder('gb2312');
  let out = '';
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= (hi === 0xd7 ? 0xf9 : 0xfe); lo++) out += gb.decode(new Uint8Array([hi, lo]));
  }
  return out;
}

describe(`assets/fonts/${CJK_FONT_FILE}`, () => {
  it('is small enough to ship and comes with its licence', () => {
    expect(statSync(fontFile).size).toBeLessThan(3 * 1024 * 1024);
    expect(readFileSync(path.join(fontsDir, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('covers GB 2312, the names beyond it, capital numerals and the marks forms use', async () => {
    const doc = await PrintDocument.create(new Uint8Array(readFileSync(fontFile)), { title: 'coverage' });
    const hanzi = gb2312Hanzi();
    expect([...hanzi]).toHaveLength(6763);
    expect(doc.missingCharacters(hanzi)).toEqual([]);
    // From the 通用规范汉字表, outside GB 2312: common in people's names.
    expect(doc.missingCharacters('堃喆玥昇珺犇淼镕赟琇')).toEqual([]);
    expect(doc.missingCharacters('零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整')).toEqual([]);
    expect(doc.missingCharacters('，。、；：？！（）《》“”‘’【】…—·￥％＋－０１２ＡＢＣ□■√①②③')).toEqual([]);
    const ascii = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    expect(doc.missingCharacters(ascii)).toEqual([]);
  });
});
