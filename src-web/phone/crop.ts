/**
 * The geometry of the phone page's alignment frame, as pure functions (unit-tested in crop.test.ts): where the frame
 * sits over the live preview, which pixels of the camera image it covers when the preview is shown with
 * `object-fit: cover`, the centre crop of a chosen picture, and the size the cropped photo is encoded at.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The alignment frame inside the preview box (CSS pixels, relative to the box): the largest rectangle of the given
 * aspect (width / height) that leaves `margin` (a fraction of the box) free on every side, centred.
 */
export function frameInBox(box: Size, aspect: number, margin = 0.05): Rect {
  const maxWidth = box.width * (1 - 2 * margin);
  const maxHeight = box.height * (1 - 2 * margin);
  const width = Math.min(maxWidth, maxHeight * aspect);
  const height = width / aspect;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

/**
 * Maps a rectangle drawn over a video element (CSS pixels relative to the element's box) to the video's intrinsic
 * pixels, for `object-fit: cover` with the default centred `object-position`: the video is scaled by the larger of
 * the two ratios so that it covers the box, and the overflow is cut equally on both sides. The result is clamped to
 * the frame and rounded to whole pixels.
 */
export function coverRectToSource(rect: Rect, box: Size, source: Size): Rect {
  const scale = Math.max(box.width / source.width, box.height / source.height);
  const offsetX = (box.width - source.width * scale) / 2;
  const offsetY = (box.height - source.height * scale) / 2;
  const left = clamp((rect.x - offsetX) / scale, 0, source.width);
  const top = clamp((rect.y - offsetY) / scale, 0, source.height);
  const right = clamp((rect.x + rect.width - offsetX) / scale, 0, source.width);
  const bottom = clamp((rect.y + rect.height - offsetY) / scale, 0, source.height);
  const x = Math.round(left);
  const y = Math.round(top);
  return { x, y, width: Math.round(right) - x, height: Math.round(bottom) - y };
}

/** The largest centred rectangle of the given aspect inside an image (for a picture chosen from the gallery). */
export function centreCrop(source: Size, aspect: number): Rect {
  const width = Math.min(source.width, source.height * aspect);
  const height = width / aspect;
  const x = Math.round((source.width - width) / 2);
  const y = Math.round((source.height - height) / 2);
  return { x, y, width: Math.round(width), height: Math.round(height) };
}

/**
 * The size the crop is encoded at: its own pixels (never enlarged), scaled down so the longer side is at most
 * `maxSide` — enough to read the stamp and the figures, small enough to upload over a phone connection.
 */
export function outputSize(crop: Size, maxSide = 2400): Size {
  const scale = Math.min(1, maxSide / Math.max(crop.width, crop.height));
  return { width: Math.max(1, Math.round(crop.width * scale)), height: Math.max(1, Math.round(crop.height * scale)) };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
