import type { AttachmentRef } from '@shared/contract/client-api';
import { UPLOAD_MAX_BYTES } from '@shared/contract/http/uploads';
import type { AppError } from '@shared/contract/result';
import { sniffMediaType } from '@shared/files/media-type';

/** The scans the server accepts (FILE_TYPE_UNSUPPORTED / FILE_TOO_LARGE otherwise): checked before any upload. */
export const MAX_FILE_BYTES = UPLOAD_MAX_BYTES;
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type MediaType = AttachmentRef['mediaType'];

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
