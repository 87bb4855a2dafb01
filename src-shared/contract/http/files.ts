/** Enterprise files: downloads by owner or staff (uploads: contract/http/uploads.ts). */
import { defineRoute, enterpriseParamsSchema, sha256HexSchema } from './route';

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
