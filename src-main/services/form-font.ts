/**
 * Reads the CJK subset font that printable PDFs embed (assets/fonts/, made by tools/fonts/make-subset.py). Resolved
 * from this file's folder, two levels below the repository root both in the source tree (src-main/services/) and in
 * a build (dist/<bundle>/); the installer packs assets/fonts/ into the app archive beside dist/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CJK_FONT_FILE } from '@shared/pdf';

// Electron's main process is a CommonJS bundle, where import.meta is empty and __dirname is the bundle's folder.
const here = typeof __dirname === 'string' ? __dirname : import.meta.dirname;

export const formFontPath = path.resolve(here, '..', '..', 'assets', 'fonts', CJK_FONT_FILE);

let cached: Promise<Uint8Array> | undefined;

/** The font's bytes, read once per process (2.3 MB; each PDF embeds only the glyphs it uses). */
export function loadFormFont(): Promise<Uint8Array> {
  cached ??= readFile(formFontPath).then((buf) => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
