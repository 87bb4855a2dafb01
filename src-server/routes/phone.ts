/**
 * The phone receipt page's two routes. No session: the one-time token in the path is the credential, so both are
 * rate-limited per caller address (like the anonymous registration uploads) and answer nothing beyond
 * `phoneReceiptInfoSchema`.
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { phoneReceiptInfoRoute, phoneUploadReceiptRoute } from '@shared/contract/http/disbursement';
import { phoneReceiptInfo, phoneUpload } from '../domain/receipt-links';
import { limitByAddress, SharedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import { acceptRawUploads, storeUpload } from './uploads';

export const phoneRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  acceptRawUploads(app);
  const hour = 3600_000;
  // A phone link is a secret in a URL: its lookups are counted across every server process (issue 20).
  const lookups = new SharedWindowLimiter(services.db, 'phone.lookup', services.config.phoneLimits.lookupsPerHour, hour);
  const uploads = new SharedWindowLimiter(services.db, 'phone.upload', services.config.phoneLimits.uploadsPerHour, hour);
  const limit = (limiter: SharedWindowLimiter, request: FastifyRequest) => limitByAddress(limiter, request, services.clock.now());

  registerRoute(app, phoneReceiptInfoRoute, async ({ params, request, reply }) => {
    await limit(lookups, request);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return phoneReceiptInfo(services, params.token);
  });

  registerRoute(app, phoneUploadReceiptRoute, async ({ params, request, reply }) => {
    void reply.header('cache-control', 'no-store');
    try {
      await limit(uploads, request);
      return await phoneUpload(services, params.token, () => storeUpload(services, request, phoneUploadReceiptRoute.rawBody.maxBytes), request.id);
    } catch (err) {
      // Refused before the photo was read: drain it, so the phone reads the answer instead of a reset connection.
      (request.body as Readable | undefined)?.resume?.();
      throw err;
    }
  });
};
