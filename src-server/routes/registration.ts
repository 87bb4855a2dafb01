/** CA registration: signed submit, SMS code resend and confirmation (the scans: routes/tus-uploads.ts). */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  registrationConfirmRoute,
  registrationResendRoute,
  registrationSubmitRoute,
} from '@shared/contract/http/registration';
import { confirmRegistration, resendRegistrationCode, submitRegistration } from '../domain/registration';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';

export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const hour = 3600_000;
  const submits = new FixedWindowLimiter(services.config.anonymousLimits.submitsPerHour, hour);
  const limit = (limiter: FixedWindowLimiter, request: FastifyRequest) => {
    const wait = limiter.hit(request.ip, services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };

  // Scans come over tus (routes/tus-uploads.ts) under the attempt's upload token, which the submit presents.
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
