/** Online pre-registration: the clerk's submit / status / correction (public, by secret) and staff review. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  approvePreRegistrationRoute,
  refusePreRegistrationRoute,
  resubmitPreRegistrationRoute,
  staffGetPreRegistrationRoute,
  staffPreRegistrationFileRoute,
  staffPreRegistrationQueueRoute,
  submitPreRegistrationRoute,
  viewPreRegistrationRoute,
} from '@shared/contract/http/pre-registration';
import {
  approvePreRegistration,
  refusePreRegistration,
  resubmitPreRegistration,
  staffFile,
  staffQueue,
  staffView,
  submitPreRegistration,
  viewPreRegistration,
} from '../domain/pre-registration';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';

/**
 * Status look-ups per address and hour: the desk asks when it opens and while the status page is shown (about
 * twice a minute); a secret is 256 bits, so the limit is about load, not guessing.
 */
const VIEWS_PER_HOUR = 240;

export const preRegistrationRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const hour = 3600_000;
  // Submits and corrections share registration's budget: each asks the identity service and the regulator.
  const submits = new FixedWindowLimiter(services.config.anonymousLimits.submitsPerHour, hour);
  const views = new FixedWindowLimiter(VIEWS_PER_HOUR, hour);
  const limit = (limiter: FixedWindowLimiter, request: FastifyRequest) => {
    const wait = limiter.hit(request.ip, services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };
  const ctx = (request: FastifyRequest) => ({ now: services.clock.now(), requestId: request.id, log: request.log });
  const staffId = (p: Principal) => {
    if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return p.id;
  };

  registerRoute(app, submitPreRegistrationRoute, async ({ body, request }) => {
    limit(submits, request);
    return submitPreRegistration(services, body, ctx(request));
  });
  registerRoute(app, viewPreRegistrationRoute, async ({ params, body, request }) => {
    limit(views, request);
    return viewPreRegistration(services, params.preRegistrationId, body.secret);
  });
  registerRoute(app, resubmitPreRegistrationRoute, async ({ params, body, request }) => {
    limit(submits, request);
    return resubmitPreRegistration(services, params.preRegistrationId, body, ctx(request));
  });

  registerRoute(app, staffPreRegistrationQueueRoute, async ({ query }) => staffQueue(services.db, query));
  registerRoute(app, staffGetPreRegistrationRoute, async ({ params }) => staffView(services.db, params.preRegistrationId));
  registerRoute(app, staffPreRegistrationFileRoute, async ({ params, reply }) => {
    const file = await staffFile(services.db, params.preRegistrationId, params.sha256);
    const stream = await services.files.open(file.sha256);
    if (!stream) throw new ApiError('NOT_FOUND');
    void reply
      .header('content-type', file.media_type)
      .header('content-length', String(file.size))
      .header('content-disposition', `inline; filename="${file.sha256}"`)
      .header('x-content-type-options', 'nosniff');
    return reply.send(stream);
  });
  registerRoute(app, approvePreRegistrationRoute, async ({ params, principal, request }) =>
    approvePreRegistration(services, params.preRegistrationId, staffId(principal), ctx(request)),
  );
  registerRoute(app, refusePreRegistrationRoute, async ({ params, body, principal, request }) =>
    refusePreRegistration(services, params.preRegistrationId, staffId(principal), body.reason, ctx(request)),
  );
};
