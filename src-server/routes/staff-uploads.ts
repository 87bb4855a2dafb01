/**
 * The console's one upload route (`staffUploadRoute`): the raw body straight into the file store, recorded as the
 * signed-in staff member's upload. A flow that names a file checks it is one of that staff member's uploads
 * (`staff_uploads`); the file itself stays unowned, and housekeeping removes it after the retention, until the
 * flow gives it an owner (counter registration: the new enterprise).
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { staffUploadRoute } from '@shared/contract/http/staff';
import type { StoredMediaType } from '@shared/files/media-type';
import type {} from '../db/schema-counter';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import { acceptRawUploads, storeUpload } from './uploads';

export const staffUploadRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  acceptRawUploads(app);

  registerRoute(app, staffUploadRoute, async ({ principal, request }) => {
    try {
      if (principal.kind !== 'staff') throw new ApiError('FORBIDDEN');
      const stored = await storeUpload(services, request, staffUploadRoute.rawBody.maxBytes);
      await services.db
        .insertInto('staff_uploads')
        .values({ id: randomUUID(), staff_id: principal.id, sha256: stored.sha256, created_at: services.clock.now().toISOString() })
        .execute();
      return { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType as StoredMediaType };
    } catch (err) {
      // Refused before the file was read: drain it, so the console reads the answer instead of a reset connection.
      (request.body as Readable | undefined)?.resume?.();
      throw err;
    }
  });
};
