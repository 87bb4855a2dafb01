/** Enterprise files: content-addressed uploads (PDF, JPEG, PNG by content) and downloads by owner or staff. */
import { z } from 'zod';
import { FILE_MAX_BYTES, FILE_MEDIA_TYPES, uploadedFileSchema } from './registration';
import { defineRoute, enterpriseParamsSchema, serviceItemSchema, sha256HexSchema } from './route';

export const uploadFileRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/files',
  operationId: 'uploadFile',
  summary: 'Uploads a file for a service item (raw bytes, at most 10 MB; the type is decided by content)',
  tag: 'files',
  access: { kind: 'account', item: true },
  params: enterpriseParamsSchema,
  query: z.object({ item: serviceItemSchema }),
  rawBody: { mediaTypes: FILE_MEDIA_TYPES, maxBytes: FILE_MAX_BYTES },
  response: uploadedFileSchema,
});

export const downloadFileRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/files/:sha256',
  operationId: 'downloadFile',
  summary: 'Downloads a file the enterprise owns (its accounts, or staff)',
  tag: 'files',
  access: { kind: 'enterpriseOrStaff' },
  params: enterpriseParamsSchema.extend({ sha256: sha256HexSchema }),
  responseMediaType: 'application/octet-stream',
});
