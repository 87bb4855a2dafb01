/**
 * A "camera" for end-to-end tests of the phone receipt page: Chromium's fake capture device plays a Y4M file
 * (YUV4MPEG2, 4:2:0) in a loop, so a picture turned into Y4M is what the phone's rear camera films.
 *
 *   const file = await writeFakeCamera(await receiptScenePng(receiptPdf), path.join(dir, 'camera.y4m'));
 *   const browser = await chromium.launch({ executablePath, args: fakeCameraArgs(file) });
 *
 * Pure Node: a small PNG decoder (zlib + the five PNG filters; 8-bit greyscale, RGB, RGBA, grey+alpha, palette;
 * not interlaced), bilinear scaling, BT.601 RGB → YCbCr. `pdftoppm` (poppler-utils) renders a receipt PDF.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync, inflateSync } from 'node:zlib';
import { RECEIPT_CROP_FRAME, RECEIPT_PAGE } from '../../src-shared/contract/http/disbursement';

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Chromium flags for a camera that films `y4mFile`, and no permission prompt (the page's request is granted). */
export function fakeCameraArgs(y4mFile: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4mFile}`];
}

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────────────────────

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Buffer): RgbaImage {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    at += 12 + length;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8]!;
      colourType = data[9]!;
      interlace = data[12]!;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
  }
  if (bitDepth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: bit depth ${bitDepth}, interlace ${interlace}`);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colourType];
  if (!channels) throw new Error(`unsupported PNG colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels]! : 0;
      const b = prev ? prev[i]! : 0;
      const c = prev && i >= channels ? prev[i - channels]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    let r: number, g: number, b: number, alpha = 255;
    if (colourType === 3) {
      const idx = pixels[s]!;
      r = palette![idx * 3]!;
      g = palette![idx * 3 + 1]!;
      b = palette![idx * 3 + 2]!;
      if (transparency && idx < transparency.length) alpha = transparency[idx]!;
    } else if (channels <= 2) {
      r = g = b = pixels[s]!;
      if (channels === 2) alpha = pixels[s + 1]!;
    } else {
      r = pixels[s]!;
      g = pixels[s + 1]!;
      b = pixels[s + 2]!;
      if (channels === 4) alpha = pixels[s + 3]!;
    }
    data.set([r, g, b, alpha], i * 4);
  }
  return { width, height, data };
}

// ── Pictures ────────────────────────────────────────────────────────────────────────────────────────────────

/** Bilinear sample of `src` at (x, y) in source pixels; transparent pixels are composed over white. */
function sample(src: RgbaImage, x: number, y: number, out: number[]): void {
  const x0 = Math.max(0, Math.min(src.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(src.height - 1, Math.floor(y)));
  const x1 = Math.min(src.width - 1, x0 + 1);
  const y1 = Math.min(src.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  for (let ch = 0; ch < 3; ch++) {
    const at = (px: number, py: number) => {
      const i = (py * src.width + px) * 4;
      const alpha = src.data[i + 3]! / 255;
      return src.data[i + ch]! * alpha + 255 * (1 - alpha);
    };
    out[ch] = (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
  }
}

export interface SceneOptions {
  /**
   * The camera's frame size (even numbers); 720×1280 by default, a phone camera held upright. With the default
   * `fill` the receipt then spans the phone page's alignment frame on a Pixel 7 (412 CSS px wide).
   */
  width?: number;
  height?: number;
  /** What is around the picture (a desk), RGB. */
  background?: readonly [number, number, number];
  /** The share of the frame's width (or height, whichever binds) the picture takes; 0.9 by default. */
  fill?: number;
}

/** Places `picture` centred on a background of the camera's size, scaled to `fill` of the frame. */
export function composeScene(picture: RgbaImage, opts: SceneOptions = {}): RgbaImage {
  const width = opts.width ?? 720;
  const height = opts.height ?? 1280;
  const [br, bg, bb] = opts.background ?? [92, 84, 74];
  const scale = Math.min((width * (opts.fill ?? 0.9)) / picture.width, (height * (opts.fill ?? 0.9)) / picture.height);
  const w = picture.width * scale;
  const h = picture.height * scale;
  const left = (width - w) / 2;
  const top = (height - h) / 2;
  const data = new Uint8Array(width * height * 4);
  const px = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const sx = (x + 0.5 - left) / scale - 0.5;
      const sy = (y + 0.5 - top) / scale - 0.5;
      if (x >= left && x < left + w && y >= top && y < top + h) {
        sample(picture, sx, sy, px);
        data.set([px[0]!, px[1]!, px[2]!, 255], i);
      } else {
        data.set([br, bg, bb, 255], i);
      }
    }
  }
  return { width, height, data };
}

// ── Y4M ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The image as a YUV4MPEG2 stream (4:2:0, BT.601 full range as JPEG uses it), `frames` identical frames. */
export function y4m(image: RgbaImage, opts: { frames?: number; fps?: number } = {}): Buffer {
  const { width, height, data } = image;
  if (width % 2 || height % 2) throw new Error('Y4M 4:2:0 needs an even width and height');
  const frames = opts.frames ?? 3;
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const frame = Buffer.alloc(ySize + 2 * cSize);
  const cb = new Float64Array(ySize);
  const cr = new Float64Array(ySize);
  for (let i = 0; i < ySize; i++) {
    const r = data[i * 4]!;
    const g = data[i * 4 + 1]!;
    const b = data[i * 4 + 2]!;
    frame[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    cb[i] = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
    cr[i] = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      const i = 2 * y * width + 2 * x;
      const avg = (p: Float64Array) => Math.max(0, Math.min(255, Math.round((p[i]! + p[i + 1]! + p[i + width]! + p[i + width + 1]!) / 4)));
      frame[ySize + y * (width / 2) + x] = avg(cb);
      frame[ySize + cSize + y * (width / 2) + x] = avg(cr);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${opts.fps ?? 30}:1 Ip A1:1 C420jpeg\n`, 'latin1');
  const marker = Buffer.from('FRAME\n', 'latin1');
  return Buffer.concat([header, ...Array.from({ length: frames }, () => [marker, frame]).flat()]);
}

/**
 * Writes the Y4M file a fake camera plays: the picture (PNG bytes or an image) placed on a desk-coloured background
 * of the camera's size. Returns the file's path.
 */
export async function writeFakeCamera(picture: Buffer | RgbaImage, file: string, opts: SceneOptions & { frames?: number } = {}): Promise<string> {
  const image = Buffer.isBuffer(picture) ? decodePng(picture) : picture;
  await writeFile(file, y4m(composeScene(image, opts), { frames: opts.frames }));
  return file;
}

// ── A receipt to film ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The first page of a receipt PDF rendered by pdftoppm, cut to its dashed crop frame (plus `margin` points around
 * it, so the frame's dashes are in the picture): what the phone should see through its alignment frame.
 */
export async function receiptPng(pdf: Buffer, opts: { dpi?: number; margin?: number } = {}): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-receipt-'));
  try {
    const dpi = opts.dpi ?? 110;
    const margin = opts.margin ?? 6;
    const k = dpi / 72;
    const x = Math.max(0, Math.floor((RECEIPT_CROP_FRAME.x - margin) * k));
    const y = Math.max(0, Math.floor((RECEIPT_CROP_FRAME.y - margin) * k));
    const w = Math.min(Math.ceil(RECEIPT_PAGE.width * k) - x, Math.ceil((RECEIPT_CROP_FRAME.width + 2 * margin) * k));
    const h = Math.ceil((RECEIPT_CROP_FRAME.height + 2 * margin) * k);
    await writeFile(path.join(dir, 'receipt.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', '-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h), 'receipt.pdf', 'page'], { cwd: dir });
    return await readFile(path.join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A stand-in receipt when no PDF is at hand: white paper with a dashed frame, dark bars for text and a red
 * stamp, of the crop frame's aspect.
 */
export function syntheticReceipt(width = 710): RgbaImage {
  const height = Math.round(width / (RECEIPT_CROP_FRAME.width / RECEIPT_CROP_FRAME.height));
  const data = new Uint8Array(width * height * 4).fill(255);
  const put = (x: number, y: number, [r, g, b]: readonly number[]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    data.set([r!, g!, b!, 255], (y * width + x) * 4);
  };
  const ink = [40, 40, 48];
  // The dashed crop frame, 4 px in from the edge.
  for (let x = 4; x < width - 4; x++) if (Math.floor(x / 8) % 2 === 0) for (const y of [4, 5, height - 6, height - 5]) put(x, y, ink);
  for (let y = 4; y < height - 4; y++) if (Math.floor(y / 8) % 2 === 0) for (const x of [4, 5, width - 6, width - 5]) put(x, y, ink);
  // A title and lines of "text".
  const bar = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) put(x, y, ink);
  };
  bar(Math.round(width * 0.38), Math.round(height * 0.08), Math.round(width * 0.24), Math.round(height * 0.06));
  for (let line = 0; line < 7; line++) bar(Math.round(width * 0.08), Math.round(height * (0.24 + line * 0.09)), Math.round(width * (0.5 + (line % 3) * 0.1)), Math.max(3, Math.round(height * 0.025)));
  // The red stamp: a ring at the lower right.
  const cx = width * 0.74;
  const cy = height * 0.66;
  const rad = height * 0.2;
  for (let y = Math.floor(cy - rad - 4); y < cy + rad + 4; y++) {
    for (let x = Math.floor(cx - rad - 4); x < cx + rad + 4; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if ((d > rad - 5 && d < rad) || d < rad * 0.18) put(x, y, [205, 32, 40]);
    }
  }
  return { width, height, data };
}

/** A minimal PNG encoder (RGBA, filter 0), for pictures made here. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(data.buffer, data.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
