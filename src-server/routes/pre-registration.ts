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
import { registerRoute } from '../http/register-route';
import { anonymousRequestLimits, sendScan } from './anonymous-requests';
import type { Principal } from '../plugins/auth';

export const preRegistrationRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const limits = anonymousRequestLimits(services);
  const ctx = (request: FastifyRequest) => ({ now: services.clock.now(), requestId: request.id, log: request.log });
  const staffId = (p: Principal) => {
    if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return p.id;
  };

  registerRoute(app, submitPreRegistrationRoute, async ({ body, request }) => {
    limits.submit(request);
    return submitPreRegistration(services, body, ctx(request));
  });
  registerRoute(app, viewPreRegistrationRoute, async ({ params, body, request }) => {
    limits.view(request);
    return viewPreRegistration(services, params.preRegistrationId, body.secret);
  });
  registerRoute(app, resubmitPreRegistrationRoute, async ({ params, body, request }) => {
    limits.submit(request);
    return resubmitPreRegistration(services, params.preRegistrationId, body, ctx(request));
  });

  registerRoute(app, staffPreRegistrationQueueRoute, async ({ query }) => staffQueue(services.db, query));
  registerRoute(app, staffGetPreRegistrationRoute, async ({ params }) => staffView(services.db, params.preRegistrationId));
  registerRoute(app, staffPreRegistrationFileRoute, async ({ params, reply }) =>
    sendScan(services, reply, await staffFile(services.db, params.preRegistrationId, params.sha256)),
  );
  registerRoute(app, approvePreRegistrationRoute, async ({ params, principal, request }) =>
    approvePreRegistration(services, params.preRegistrationId, staffId(principal), ctx(request)),
  );
  registerRoute(app, refusePreRegistrationRoute, async ({ params, body, principal, request }) =>
    refusePreRegistration(services, params.preRegistrationId, staffId(principal), body.reason, ctx(request)),
  );
};
