import { describe, expect, it } from 'vitest';
import { CAPTCHA_ALPHABET, CAPTCHA_GLYPHS } from './font';
import { randomCaptchaText } from './image';

const pixels = (g: readonly number[]) => g.flatMap((row) => [4, 3, 2, 1, 0].map((bit) => (row >> bit) & 1));

describe('captcha alphabet', () => {
  it('has no two characters a person could take for each other', () => {
    const chars = [...CAPTCHA_ALPHABET];
    for (const [i, a] of chars.entries()) {
      for (const b of chars.slice(i + 1)) {
        const pa = pixels(CAPTCHA_GLYPHS[a]!);
        const pb = pixels(CAPTCHA_GLYPHS[b]!);
        expect(pa.filter((v, k) => v !== pb[k]).length, `${a} and ${b}`).toBeGreaterThanOrEqual(6);
      }
    }
    for (const confusable of ['0', 'O', '1', 'I', 'L', 'H', 'G', 'B']) expect(CAPTCHA_ALPHABET).not.toContain(confusable);
  });

  it('draws every character it asks for from the alphabet, with enough of them to stop guessing', () => {
    expect(CAPTCHA_ALPHABET.length).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < 200; i++) expect(randomCaptchaText()).toMatch(new RegExp(`^[${CAPTCHA_ALPHABET}]{5}$`));
  });
});
