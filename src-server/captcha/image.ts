/**
 * Draws a captcha as a greyscale PNG. A script's first try — the 5×7 font slid over each character's slot — read
 * 69 % of the characters when the glyphs were only sheared and jittered (image.test.ts), so each glyph is now
 * rotated, scaled and placed at random, the whole picture is bent by two sine waves, and strokes of the glyphs' ink
 * cross it, over speckle noise. People still read it: the alphabet has no look-alikes.
 */
import { randomInt } from 'node:crypto';
import { CAPTCHA_ALPHABET, CAPTCHA_GLYPHS } from './font';
import { encodeGreyPng } from './png';

const WIDTH = 130;
const HEIGHT = 44;

export const CAPTCHA_SIZE = { width: WIDTH, height: HEIGHT };

const rand = (min: number, max: number) => min + (randomInt(0, 1_000_001) / 1_000_000) * (max - min);

export function randomCaptchaText(length = 5): string {
  return Array.from({ length }, () => CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)]!).join('');
}

export function renderCaptcha(text: string): Buffer {
  return encodeGreyPng(WIDTH, HEIGHT, drawCaptcha(text));
}

interface Placed {
  glyph: readonly number[];
  cx: number;
  cy: number;
  /** Inverse rotation and scale: from picture offsets to glyph cells. */
  cos: number;
  sin: number;
  sx: number;
  sy: number;
  ink: number;
}

/** The captcha's grey pixels, row by row (0 black … 255 white). */
export function drawCaptcha(text: string): Uint8Array {
  const px = new Uint8Array(WIDTH * HEIGHT).fill(235);
  for (let i = 0; i < 350; i++) px[randomInt(HEIGHT) * WIDTH + randomInt(WIDTH)] = randomInt(120, 220);

  const chars = [...text];
  // Each glyph's place follows the one before it by its own width and a random gap, so the slots drift: no fixed
  // grid for a template to slide over.
  const sizes = chars.map(() => ({ sx: rand(2.4, 4.4), sy: rand(3.2, 4.6) }));
  const widths = sizes.map((z) => 5 * z.sx + rand(-1, 5));
  let x = rand(4, Math.max(5, WIDTH - 4 - widths.reduce((a, w) => a + w, 0)));
  const placed: Placed[] = chars.map((ch, i) => {
    const angle = rand(-0.5, 0.5);
    const cx = x + widths[i]! / 2;
    x += widths[i]!;
    return {
      glyph: CAPTCHA_GLYPHS[ch] ?? [],
      cx,
      cy: HEIGHT / 2 + rand(-5, 5),
      cos: Math.cos(angle),
      sin: Math.sin(angle),
      ...sizes[i]!,
      ink: randomInt(10, 80),
    };
  });
  // The bend: every pixel samples the glyphs at a place moved along two sine waves of random phase.
  const wave = { ax: rand(2, 3.5), fx: rand(0.12, 0.2), px: rand(0, 6.3), ay: rand(2, 3.5), fy: rand(0.05, 0.09), py: rand(0, 6.3) };
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const wx = x + wave.ax * Math.sin(y * wave.fx + wave.px);
      const wy = y + wave.ay * Math.sin(x * wave.fy + wave.py);
      for (const g of placed) {
        const dx = wx - g.cx;
        const dy = wy - g.cy;
        const gx = Math.floor((dx * g.cos + dy * g.sin) / g.sx + 2.5);
        const gy = Math.floor((-dx * g.sin + dy * g.cos) / g.sy + 3.5);
        if (gx < 0 || gx > 4 || gy < 0 || gy > 6) continue;
        if ((g.glyph[gy]! >> (4 - gx)) & 1) px[y * WIDTH + x] = g.ink;
      }
    }
  }
  // Strokes of the glyphs' ink, so darkness alone does not tell glyph from noise; thin enough to read through.
  for (let l = 0; l < 3; l++) {
    const y0 = rand(4, HEIGHT - 4);
    const amp = rand(3, 9);
    const freq = rand(0.03, 0.08);
    const phase = rand(0, 6.3);
    const from = randomInt(0, WIDTH / 2);
    const to = randomInt(WIDTH / 2, WIDTH);
    const width = randomInt(1, 3);
    const ink = randomInt(10, 80);
    for (let x = from; x < to; x++) {
      const yc = Math.round(y0 + amp * Math.sin(x * freq + phase));
      for (let t = 0; t < width; t++) {
        const y = yc + t;
        if (y >= 0 && y < HEIGHT) px[y * WIDTH + x] = ink;
      }
    }
  }
  return px;
}
