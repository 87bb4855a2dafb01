import type { AttachmentRef } from '@shared/contract/client-api';
import { UPLOAD_MAX_BYTES } from '@shared/contract/http/uploads';
import type { AppError } from '@shared/contract/result';

/** The scans the server accepts (FILE_TYPE_UNSUPPORTED / FILE_TOO_LARGE otherwise): checked before any upload. */
export const MAX_FILE_BYTES = UPLOAD_MAX_BYTES;
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type MediaType = AttachmentRef['mediaType'];

/** The media type from the file's first bytes (its name can lie): PDF, JPEG or PNG, else null. */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

/** Why `file` cannot be uploaded (as the server's code would say), or its media type. */
export function checkFile(file: { name: string; size: number }, head: Uint8Array): { ok: true; mediaType: MediaType } | { ok: false; error: AppError } {
  if (file.size === 0) return { ok: false, error: { code: 'FILE_EMPTY', retriable: false } };
  if (file.size > MAX_FILE_BYTES) return { ok: false, error: { code: 'FILE_TOO_LARGE', retriable: false } };
  const extension = /\.(pdf|jpe?g|png)$/i.test(file.name);
  const mediaType = sniffMediaType(head);
  if (!extension || !mediaType) return { ok: false, error: { code: 'FILE_TYPE_UNSUPPORTED', retriable: false } };
  return { ok: true, mediaType };
}

/** `1.2 MB` / `350 KB`, for showing sizes next to file names. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A file's content as base64 (the client API carries binary content that way). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
