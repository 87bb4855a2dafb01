/**
 * The file type is decided by the bytes, never by the name or the Content-Type the client sent: a PDF starts with
 * `%PDF-`, a JPEG with FF D8 FF, a PNG with its 8-byte signature. One rule for the server (at an upload's last byte)
 * and the desk (before sending), so the desk refuses exactly what the server would.
 */
export type StoredMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const SNIFF_BYTES = 8;

export function sniffMediaType(head: Uint8Array): StoredMediaType | null {
  const starts = (sig: readonly number[]) => sig.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
