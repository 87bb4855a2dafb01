/**
 * Resumable uploads over tus 1.0 (https://tus.io/protocols/resumable-upload) at `/api/uploads`: the client creates
 * an upload with its length and metadata, sends the bytes in PATCH requests, and after a dropped connection or an
 * app restart asks the server (HEAD) how far it got and sends the rest. At completion the server decides the type
 * by the bytes, computes the SHA-256 over the stored bytes and moves the file into the content-addressed store;
 * the client reads that result from `uploadedFileRoute`.
 *
 * Who may upload: an enterprise account (Bearer session; the service item in the metadata, checked like `?item=`
 * elsewhere) or, before any account exists, the holder of a registration upload token (`Upload-Token` header).
 * An upload belongs to whoever created it (the account, or the token): anyone else gets 404.
 */
import { z } from 'zod';
import { uploadedFileSchema, uploadTokenSchema } from './registration';
import { defineRoute, isoDateTimeSchema, serviceItemSchema, uuidSchema } from './route';

/**
 * 25 MB: the issue speaks of 20 MB scans (a multi-page A4 scan at 300 dpi in colour), so 20 MB must fit with room
 * to spare; above that a scanner is misconfigured and the reviewer's download would be the next problem. The
 * phone's one-shot receipt photo keeps FILE_MAX_BYTES (10 MB).
 */
export const UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

/** The tus endpoint; upload URLs are `${UPLOADS_PATH}/<uploadId>`. */
export const UPLOADS_PATH = '/api/uploads';

/** The header that carries a registration upload token (before any account exists). */
export const UPLOAD_TOKEN_HEADER = 'upload-token';

/** How long a registration upload token may upload and be presented at submission. */
export const UPLOAD_TOKEN_TTL_HOURS = 24;

/**
 * Upload-Metadata the server reads (others are ignored and never stored): `item` for enterprise uploads. File
 * names stay on the client: the name belongs to the slot the file was put in, not to the bytes.
 */
export const uploadMetadataSchema = z.object({ item: serviceItemSchema.optional() });

const uploadParamsSchema = z.object({ uploadId: uuidSchema });

const tusHeadersNote = 'tus 1.0 (creation, termination): headers Tus-Resumable, Upload-Length, Upload-Offset, Upload-Metadata';
const uploaderAccess = { kind: 'uploader' } as const;

export const createUploadRoute = defineRoute({
  method: 'POST',
  path: UPLOADS_PATH,
  operationId: 'createUpload',
  summary: `Creates a resumable upload (${tusHeadersNote}); Upload-Length at most 25 MB; answers 201 with Location`,
  tag: 'uploads',
  access: uploaderAccess,
  rawBody: { mediaTypes: ['application/offset+octet-stream'], maxBytes: UPLOAD_MAX_BYTES },
});

export const uploadOffsetRoute = defineRoute({
  method: 'HEAD',
  path: `${UPLOADS_PATH}/:uploadId`,
  operationId: 'uploadOffset',
  summary: 'How many bytes of an upload the server has (Upload-Offset), to resume it',
  tag: 'uploads',
  access: uploaderAccess,
  params: uploadParamsSchema,
});

export const appendUploadRoute = defineRoute({
  method: 'PATCH',
  path: `${UPLOADS_PATH}/:uploadId`,
  operationId: 'appendUpload',
  summary: 'Appends bytes at Upload-Offset; the last PATCH completes the upload (type by content, SHA-256, store)',
  tag: 'uploads',
  access: uploaderAccess,
  params: uploadParamsSchema,
  rawBody: { mediaTypes: ['application/offset+octet-stream'], maxBytes: UPLOAD_MAX_BYTES },
});

export const cancelUploadRoute = defineRoute({
  method: 'DELETE',
  path: `${UPLOADS_PATH}/:uploadId`,
  operationId: 'cancelUpload',
  summary: 'Abandons an unfinished upload',
  tag: 'uploads',
  access: uploaderAccess,
  params: uploadParamsSchema,
});

/** The stored file a completed upload became: the SHA-256 the signatures carry. */
export const uploadedFileRoute = defineRoute({
  method: 'GET',
  path: `${UPLOADS_PATH}/:uploadId/file`,
  operationId: 'uploadedFile',
  summary: 'The file a completed upload became (SHA-256, size, type by content); 409 UPLOAD_INCOMPLETE before',
  tag: 'uploads',
  access: uploaderAccess,
  params: uploadParamsSchema,
  response: uploadedFileSchema,
});

/** A registration attempt's upload token: public and rate-limited; only its hash is stored. */
export const createUploadTokenRoute = defineRoute({
  method: 'POST',
  path: '/api/registrations/upload-tokens',
  operationId: 'createRegistrationUploadToken',
  summary: 'Issues an upload token for one registration attempt (its scans are uploaded and submitted under it)',
  tag: 'registration',
  access: { kind: 'public' },
  response: z.object({ token: uploadTokenSchema, expiresAt: isoDateTimeSchema }),
});
