/**
 * Draws a captcha: each glyph scaled, sheared and jittered by a random amount, over speckle noise and crossing
 * lines, as a greyscale PNG. Enough to stop scripted guessing at the login form; the lockout does the rest.
 */
import { randomInt } from 'node:crypto';
import { CAPTCHA_ALPHABET, CAPTCHA_GLYPHS } from './font';
import { encodeGreyPng } from './png';

const WIDTH = 130;
const HEIGHT = 44;
const SCALE = 4;

export function randomCaptchaText(length = 5): string {
  return Array.from({ length }, () => CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)]!).join('');
}

export function renderCaptcha(text: string): Buffer {
  const px = new Uint8Array(WIDTH * HEIGHT).fill(235);
  const plot = (x: number, y: number, v: number) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi >= 0 && xi < WIDTH && yi >= 0 && yi < HEIGHT) px[yi * WIDTH + xi] = v;
  };
  for (let i = 0; i < 350; i++) plot(randomInt(WIDTH), randomInt(HEIGHT), randomInt(120, 220));

  const step = (WIDTH - 10) / text.length;
  [...text].forEach((ch, i) => {
    const glyph = CAPTCHA_GLYPHS[ch] ?? [];
    const shear = (randomInt(-30, 31) / 100) * SCALE;
    const ox = 6 + i * step + randomInt(-3, 4);
    const oy = (HEIGHT - 7 * SCALE) / 2 + randomInt(-4, 5);
    const ink = randomInt(10, 80);
    glyph.forEach((row, gy) => {
      for (let gx = 0; gx < 5; gx++) {
        if (!((row >> (4 - gx)) & 1)) continue;
        for (let sy = 0; sy < SCALE; sy++) {
          for (let sx = 0; sx < SCALE - 1; sx++) {
            const y = oy + gy * SCALE + sy;
            plot(ox + gx * (SCALE - 1) + sx + (shear * (y - HEIGHT / 2)) / SCALE, y, ink);
          }
        }
      }
    });
  });

  for (let l = 0; l < 3; l++) {
    let y = randomInt(HEIGHT);
    const slope = randomInt(-30, 31) / 100;
    for (let x = 0; x < WIDTH; x++, y += slope) plot(x, y, randomInt(40, 120));
  }
  return encodeGreyPng(WIDTH, HEIGHT, px);
}
