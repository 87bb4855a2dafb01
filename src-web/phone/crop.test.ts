import { describe, expect, it } from 'vitest';
import { RECEIPT_FRAME_ASPECT } from '@shared/contract/http/disbursement';
import { centreCrop, coverRectToSource, frameInBox, outputSize } from './crop';

describe('frameInBox', () => {
  it('fits the receipt frame across a portrait preview, centred, with the margin kept', () => {
    const f = frameInBox({ width: 400, height: 600 }, RECEIPT_FRAME_ASPECT);
    expect(f.width).toBeCloseTo(360);
    expect(f.height).toBeCloseTo(360 / RECEIPT_FRAME_ASPECT);
    expect(f.x).toBeCloseTo(20);
    expect(f.y + f.height / 2).toBeCloseTo(300);
  });

  it('is bounded by the height in a wide, low preview', () => {
    const f = frameInBox({ width: 1000, height: 200 }, 2, 0.1);
    expect(f).toEqual({ x: 340, y: 20, width: 320, height: 160 });
  });
});

describe('coverRectToSource (object-fit: cover)', () => {
  it('maps the whole box of a same-aspect video to the whole video at its own scale', () => {
    expect(coverRectToSource({ x: 0, y: 0, width: 320, height: 180 }, { width: 320, height: 180 }, { width: 1920, height: 1080 })).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
    });
  });

  it('accounts for the sides cut off when a landscape camera fills a portrait box', () => {
    // 1280×720 scaled to cover 360×640: scale 640/720 = 0.888…, shown 1137.8 wide, 388.9 px cut on each side.
    const box = { width: 360, height: 640 };
    const source = { width: 1280, height: 720 };
    const frame = { x: 18, y: 206, width: 324, height: 228 };
    const scale = 640 / 720;
    const cut = (1280 * scale - 360) / 2;
    const r = coverRectToSource(frame, box, source);
    expect(r.x).toBe(Math.round((18 + cut) / scale));
    expect(r.y).toBe(Math.round(206 / scale));
    expect(r.width).toBeCloseTo(324 / scale, -0.5);
    expect(r.height).toBeCloseTo(228 / scale, -0.5);
    // The crop keeps the frame's aspect (within a pixel of rounding).
    expect(r.width / r.height).toBeCloseTo(324 / 228, 2);
    // And stays centred horizontally in the camera image, as the frame is centred in the box.
    expect(r.x + r.width / 2).toBeCloseTo(640, 0);
  });

  it('accounts for the top and bottom cut off when a portrait camera fills a landscape box', () => {
    const r = coverRectToSource({ x: 0, y: 0, width: 800, height: 400 }, { width: 800, height: 400 }, { width: 1080, height: 1920 });
    // scale 800/1080; shown 1422 px high, 511 px cut above and below → 690 px of the source cut above.
    expect(r).toEqual({ x: 0, y: 690, width: 1080, height: 540 });
  });

  it('never reaches outside the video', () => {
    const r = coverRectToSource({ x: -50, y: -50, width: 500, height: 500 }, { width: 400, height: 400 }, { width: 800, height: 800 });
    expect(r).toEqual({ x: 0, y: 0, width: 800, height: 800 });
  });

  it('maps the frame of a real layout back onto the receipt aspect', () => {
    const box = { width: 412, height: 560 };
    const frame = frameInBox(box, RECEIPT_FRAME_ASPECT);
    const r = coverRectToSource(frame, box, { width: 3024, height: 4032 });
    expect(r.width / r.height).toBeCloseTo(RECEIPT_FRAME_ASPECT, 2);
    expect(r.x).toBeGreaterThan(0);
    expect(r.x + r.width).toBeLessThanOrEqual(3024);
  });
});

describe('centreCrop', () => {
  it('cuts the top and bottom of a portrait picture to the receipt aspect', () => {
    const r = centreCrop({ width: 3000, height: 4000 }, RECEIPT_FRAME_ASPECT);
    expect(r.width).toBe(3000);
    expect(r.height).toBe(Math.round(3000 / RECEIPT_FRAME_ASPECT));
    expect(r.y).toBe(Math.round((4000 - 3000 / RECEIPT_FRAME_ASPECT) / 2));
    expect(r.x).toBe(0);
  });

  it('cuts the sides of a picture wider than the frame', () => {
    expect(centreCrop({ width: 2000, height: 500 }, 2)).toEqual({ x: 500, y: 0, width: 1000, height: 500 });
  });
});

describe('outputSize', () => {
  it('keeps a small crop as it is and scales a large one down to the longest side', () => {
    expect(outputSize({ width: 1200, height: 845 })).toEqual({ width: 1200, height: 845 });
    expect(outputSize({ width: 4000, height: 2816 }, 2000)).toEqual({ width: 2000, height: 1408 });
  });
});
