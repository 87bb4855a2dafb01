/**
 * The /ByteRange and /Contents of a signature dictionary: written as placeholders by the incremental save, then
 * patched in place, so the bytes around them — everything the signature covers — never move.
 */
import { PdfArray, PdfNumber, PdfString } from '@libpdf/core';
import { PdfSignError } from './pdf-sign-error';

/** Room for the CMS: signer certificate and chain (2–6 KB), signature, time-stamp token with the TSA's chain (3–8 KB). */
export const CONTENTS_BYTES = 24 * 1024;
/** Ten digits per number: a ByteRange up to 9.9 GB fits, far beyond the 20 MB limit. */
const WIDE = 9_999_999_999;

export function reservePlaceholders(): { ByteRange: PdfArray; Contents: PdfString } {
  return {
    ByteRange: new PdfArray([PdfNumber.of(0), PdfNumber.of(WIDE), PdfNumber.of(WIDE), PdfNumber.of(WIDE)]),
    Contents: new PdfString(new Uint8Array(CONTENTS_BYTES), 'hex'),
  };
}

const ascii = (s: string) => new TextEncoder().encode(s);

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(Buffer.from(needle), from);
}

/**
 * Finds the placeholders written after `from` (the end of the bytes that were there before), patches the
 * ByteRange, hands `build` the bytes it covers and writes the CMS it returns into /Contents. Returns the patched copy.
 */
export async function patchSignature(prepared: Uint8Array, from: number, build: (covered: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const bytes = prepared.slice();
  const zeros = ascii('<' + '0'.repeat(CONTENTS_BYTES * 2) + '>');
  const lt = indexOf(bytes, zeros, from);
  const rangeKey = indexOf(bytes, ascii('/ByteRange'), from);
  if (lt < 0 || rangeKey < 0) throw new PdfSignError('PDF_INVALID', 'signature placeholders not found in the update');
  const open = bytes.indexOf(0x5b, rangeKey);
  const close = bytes.indexOf(0x5d, open);
  const gt = lt + zeros.length;
  const range = [0, lt, gt, bytes.length - gt];
  const text = range.join(' ');
  const width = close - open - 1;
  if (open < 0 || close < 0 || text.length > width) throw new PdfSignError('PDF_INVALID', 'ByteRange placeholder too small');
  bytes.set(ascii(text.padEnd(width, ' ')), open + 1);

  const covered = new Uint8Array(lt + (bytes.length - gt));
  covered.set(bytes.subarray(0, lt), 0);
  covered.set(bytes.subarray(gt), lt);
  const cms = await build(covered);
  if (cms.length > CONTENTS_BYTES) throw new PdfSignError('PDF_INVALID', `CMS of ${cms.length} bytes exceeds the ${CONTENTS_BYTES} reserved`);
  bytes.set(ascii(Buffer.from(cms).toString('hex').toUpperCase().padEnd(CONTENTS_BYTES * 2, '0')), lt + 1);
  return bytes;
}
