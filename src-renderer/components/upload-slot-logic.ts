/**
 * What an upload slot does besides drawing itself (UploadSlot.tsx): hand the file to main in chunks, read the
 * outcome as the slot's state, and find its own unfinished upload again after a restart. Kept apart from React so
 * it is tested without a screen.
 */
import { UPLOAD_CHUNK_BYTES, type AttachmentRef, type TongbanClientApi, type UploadPurpose, type UploadState } from '@shared/contract/client-api';
import type { AppError, Result } from '@shared/contract/result';

/** What a slot shows: nothing going on, bytes going out (percent), waiting for the line, or an error to show. */
export type SlotActivity =
  | { kind: 'idle' }
  | { kind: 'sending'; uploadId: string; percent: number }
  | { kind: 'paused'; uploadId: string; error: AppError }
  | { kind: 'failed'; error: AppError; retry: (() => void) | null };

export interface SlotFile {
  name: string;
  size: number;
  slice(start: number, end: number): Blob;
}

type UploadsApi = Pick<TongbanClientApi, 'uploads'>['uploads'];

/**
 * Start, the bytes in chunks (one IPC message each), send: the server's AttachmentRef, named as the slot's file.
 * `sent` says whether main got every byte (then a retriable failure is a pause main recovers from by itself);
 * before that, nothing is resumable and the upload is forgotten.
 */
export async function sendFile(
  uploads: UploadsApi,
  readBase64: (blob: Blob) => Promise<string>,
  target: { uploadId: string; purpose: UploadPurpose; requirement: string; slot: string },
  file: SlotFile,
): Promise<{ sent: boolean; result: Result<AttachmentRef> }> {
  const unsent = async (result: Result<never>) => {
    await uploads.discard({ uploadId: target.uploadId });
    return { sent: false, result };
  };
  const started = await uploads.start({ ...target, fileName: file.name, size: file.size });
  if (!started.ok) return { sent: false, result: started };
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    let content: string;
    try {
      content = await readBase64(file.slice(offset, Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)));
    } catch {
      return unsent({ ok: false, error: { code: 'FILE_READ_FAILED', retriable: false } });
    }
    const appended = await uploads.append({ uploadId: target.uploadId, offset, content });
    if (!appended.ok) return unsent(appended);
  }
  return { sent: true, result: await uploads.send({ uploadId: target.uploadId }) };
}

/**
 * The slot's state after a send or resume: done (null: the caller records the file), paused when main will try
 * again by itself (a dropped line, a server fault), or failed with the error to show.
 */
export function activityAfter(uploadId: string, result: Result<AttachmentRef>, retry: () => void): SlotActivity | null {
  if (result.ok) return null;
  if (result.error.retriable && result.error.code !== 'CLIENT_UNAVAILABLE') return { kind: 'paused', uploadId, error: result.error };
  return { kind: 'failed', error: result.error, retry: result.error.retriable ? retry : null };
}

export function percentOf(sent: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
}

/** The slot's own upload that main still has (after a restart): unfinished or finished but not yet taken. */
export function ownUpload(uploads: readonly UploadState[], slot: string): UploadState | null {
  const mine = uploads.filter((u) => u.slot === slot && (u.status === 'sending' || u.status === 'paused' || u.status === 'done'));
  return mine[mine.length - 1] ?? null;
}
