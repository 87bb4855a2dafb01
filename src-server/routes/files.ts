/** Enterprise file download (the owning enterprise's accounts, or staff); uploads: routes/tus-uploads.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { downloadFileRoute } from '@shared/contract/http/files';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';

export const fileRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db } = services;

  registerRoute(app, downloadFileRoute, async ({ params, reply }) => {
    const file = await db
      .selectFrom('file_owners')
      .innerJoin('files', 'files.sha256', 'file_owners.sha256')
      .select(['files.sha256', 'files.media_type', 'files.size'])
      .where('file_owners.sha256', '=', params.sha256)
      .where('file_owners.enterprise_id', '=', params.enterpriseId)
      .executeTakeFirst();
    const stream = file ? await services.files.open(file.sha256) : null;
    if (!file || !stream) throw new ApiError('NOT_FOUND');
    void reply
      .header('content-type', file.media_type)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename="${file.sha256}"`)
      .header('x-content-type-options', 'nosniff');
    return reply.send(stream);
  });
};
