/** Enterprise file upload (per service item) and download (the owning enterprise's accounts, or staff). */
import type { FastifyPluginAsync } from 'fastify';
import { downloadFileRoute, uploadFileRoute } from '@shared/contract/http/files';
import { writeAudit } from '../domain/audit';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import { acceptRawUploads, storeUpload } from './uploads';

export const fileRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db, clock } = services;
  acceptRawUploads(app);

  registerRoute(app, uploadFileRoute, async ({ params, query, principal, request }) => {
    const stored = await storeUpload(services, request, uploadFileRoute.rawBody.maxBytes);
    const now = clock.now();
    const inserted = await db
      .insertInto('file_owners')
      .values({ sha256: stored.sha256, enterprise_id: params.enterpriseId, item: query.item, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['sha256', 'enterprise_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await writeAudit(db, {
        actor: { type: 'account', id: principal.kind === 'account' ? principal.id : null },
        enterpriseId: params.enterpriseId,
        action: 'file.upload',
        subjectType: 'file',
        subjectId: stored.sha256,
        after: { ...stored, item: query.item },
        at: now,
        requestId: request.id,
      });
    }
    return stored;
  });

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
