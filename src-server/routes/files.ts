/** Enterprise file download (the owning enterprise's accounts, or staff); uploads: routes/tus-uploads.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { downloadFileRoute } from '@shared/contract/http/files';
import { serviceItemSchema } from '@shared/contract/http/route';
import { staffMayReadFile } from '@shared/contract/http/staff-duties';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';

/**
 * Who reads a file of the enterprise, by the item it was uploaded for: a service item's files only accounts holding
 * that item (a handler without `subsidy` cannot fetch subsidy attachments by hash); registration scans (ID cards,
 * licences) only super and admin; staff by their duties (staff-duties.ts). Refused as NOT_FOUND, like a file the
 * enterprise does not own, so a hash cannot be probed.
 */
function mayRead(principal: Principal, item: string): boolean {
  if (principal.kind === 'staff') return staffMayReadFile(principal.role, item);
  if (principal.kind !== 'account') return false;
  const serviceItem = serviceItemSchema.safeParse(item);
  if (serviceItem.success) return principal.permissions.includes(serviceItem.data);
  return principal.role === 'super' || principal.role === 'admin';
}

export const fileRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db } = services;

  registerRoute(app, downloadFileRoute, async ({ params, principal, reply }) => {
    const file = await db
      .selectFrom('file_owners')
      .innerJoin('files', 'files.sha256', 'file_owners.sha256')
      .select(['files.sha256', 'files.media_type', 'files.size', 'file_owners.item'])
      .where('file_owners.sha256', '=', params.sha256)
      .where('file_owners.enterprise_id', '=', params.enterpriseId)
      .executeTakeFirst();
    if (!file || !mayRead(principal, file.item)) throw new ApiError('NOT_FOUND');
    const stream = await services.files.open(file.sha256);
    if (!stream) throw new ApiError('NOT_FOUND');
    void reply
      .header('content-type', file.media_type)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename="${file.sha256}"`)
      .header('x-content-type-options', 'nosniff');
    return reply.send(stream);
  });
};
