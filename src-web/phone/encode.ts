/** Draws a region of the camera frame or a chosen picture onto a canvas and encodes it as JPEG for the upload. */
import { PHOTO_LIMIT_BYTES } from './api';
import { outputSize, type Rect } from './crop';

const QUALITIES = [0.92, 0.8, 0.65] as const;

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * The `crop` of `source` (in the source's own pixels) as a JPEG, scaled down only when very large; a lower quality
 * when the first encoding would exceed the server's limit. Null when the browser cannot encode it or it is still too
 * large.
 */
export async function encodeCrop(source: CanvasImageSource, crop: Rect): Promise<Blob | null> {
  if (crop.width < 1 || crop.height < 1) return null;
  const out = outputSize(crop);
  const canvas = document.createElement('canvas');
  canvas.width = out.width;
  canvas.height = out.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, out.width, out.height);
  for (const q of QUALITIES) {
    const blob = await toBlob(canvas, q);
    if (blob && blob.size <= PHOTO_LIMIT_BYTES) return blob;
  }
  return null;
}
