/**
 * One-request raw-body uploads (the phone's receipt photo; the desktop resumes over tus, routes/tus-uploads.ts):
 * the request stream goes straight to the file store (hashed, measured, typed by content) and the file is recorded
 * by its SHA-256. Parsers here hand the body over unread; they are registered only in the upload plugins, so other
 * routes still refuse these content types.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { FILE_MEDIA_TYPES } from '@shared/contract/http/registration';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import type { StoredFile } from '../storage/file-store';

export function acceptRawUploads(app: FastifyInstance): void {
  app.addContentTypeParser([...FILE_MEDIA_TYPES], (_request, payload, done) => done(null, payload));
}

export async function storeUpload(services: Services, request: FastifyRequest, maxBytes: number) {
  const body = request.body as Readable | undefined;
  if (!body || typeof (body as Readable).pipe !== 'function') throw new ApiError('FILE_TYPE_UNSUPPORTED');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new ApiError('FILE_TOO_LARGE');
  // The row is written (or its touched_at renewed) before the file appears under its name: housekeeping deletes
  // a row and its file in one transaction only while touched_at is old, so either it finished before this
  // upsert (a new row, then the file is put back by the rename) or it sees this upload and leaves the file alone.
  return services.files.put(body, maxBytes, recordFile(services));
}

/** The `beforePublish` of every upload: the `files` row, or its touched_at renewed for bytes stored before. */
export function recordFile(services: Services) {
  return async (stored: StoredFile) => {
    const now = services.clock.now().toISOString();
    await services.db
      .insertInto('files')
      .values({ sha256: stored.sha256, size: stored.size, media_type: stored.mediaType, created_at: now, touched_at: now })
      .onConflict((oc) => oc.column('sha256').doUpdateSet({ touched_at: now }))
      .execute();
  };
}
