/** CA registration: scans upload, signed submit, SMS code resend and confirmation. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  registrationConfirmRoute,
  registrationResendRoute,
  registrationSubmitRoute,
  registrationUploadRoute,
} from '@shared/contract/http/registration';
import { confirmRegistration, resendRegistrationCode, submitRegistration } from '../domain/registration';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import { acceptRawUploads, storeUpload } from './uploads';

export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  acceptRawUploads(app);
  const hour = 3600_000;
  const uploads = new FixedWindowLimiter(services.config.anonymousLimits.uploadsPerHour, hour);
  const submits = new FixedWindowLimiter(services.config.anonymousLimits.submitsPerHour, hour);
  const limit = (limiter: FixedWindowLimiter, request: FastifyRequest) => {
    const wait = limiter.hit(request.ip, services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };

  // Anonymous: the enterprise has no account yet. Files uploaded here are readable only by staff until a
  // registration that lists them completes, which makes the new enterprise their owner.
  registerRoute(app, registrationUploadRoute, async ({ request }) => {
    limit(uploads, request);
    return storeUpload(services, request, registrationUploadRoute.rawBody.maxBytes);
  });

  registerRoute(app, registrationSubmitRoute, async ({ body, request }) => {
    limit(submits, request);
    const raw = (request.body as { payload?: unknown }).payload;
    return submitRegistration(services, body, raw, services.clock.now(), request.id);
  });

  registerRoute(app, registrationResendRoute, async ({ params, request }) =>
    resendRegistrationCode(services, params.registrationId, services.clock.now(), request.id),
  );

  registerRoute(app, registrationConfirmRoute, async ({ params, body, request }) =>
    confirmRegistration(
      services,
      { registrationId: params.registrationId, code: body.code },
      { now: services.clock.now(), requestId: request.id, log: request.log },
    ),
  );
};
