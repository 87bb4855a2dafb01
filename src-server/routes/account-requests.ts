/** Requests to the portal staff: filing and following them (without login by secret, or as the enterprise) and staff review. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  approveAccountRequestRoute,
  getAccountRequestRoute,
  listAccountRequestsRoute,
  refuseAccountRequestRoute,
  resubmitAccountRequestRoute,
  resubmitAnonymousAccountRequestRoute,
  staffAccountRequestFileRoute,
  staffAccountRequestQueueRoute,
  staffGetAccountRequestRoute,
  submitAccountRequestRoute,
  submitAnonymousAccountRequestRoute,
  viewAnonymousAccountRequestRoute,
} from '@shared/contract/http/account-requests';
import { approveAccountRequest, refuseAccountRequest, staffFile, staffQueue, staffView } from '../domain/account-request-review';
import { enterpriseRequest, fileAccountRequest, listEnterpriseRequests, requestBySecret, requestView, resubmitAccountRequest } from '../domain/account-requests';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import { anonymousRequestLimits, sendScan } from './anonymous-requests';
import type { AccountPrincipal, Principal } from '../plugins/auth';

export const accountRequestRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const limits = anonymousRequestLimits(services);
  const ctx = (request: FastifyRequest) => ({ now: services.clock.now(), requestId: request.id, log: request.log });
  const staffId = (p: Principal) => {
    if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return p.id;
  };
  const account = (p: Principal): AccountPrincipal => {
    if (p.kind !== 'account') throw new ApiError('FORBIDDEN');
    return p;
  };

  registerRoute(app, submitAnonymousAccountRequestRoute, async ({ body, request }) => {
    limits.submit(request);
    return fileAccountRequest(services, { kind: 'anonymous' }, body, ctx(request));
  });
  registerRoute(app, viewAnonymousAccountRequestRoute, async ({ params, body, request }) => {
    limits.view(request);
    return requestView(services.db, await requestBySecret(services.db, params.requestId, body.secret));
  });
  registerRoute(app, resubmitAnonymousAccountRequestRoute, async ({ params, body, request }) => {
    limits.submit(request);
    const row = await requestBySecret(services.db, params.requestId, body.secret);
    return resubmitAccountRequest(services, { kind: 'anonymous' }, row, body, ctx(request));
  });

  registerRoute(app, submitAccountRequestRoute, async ({ body, principal, request }) =>
    fileAccountRequest(services, { kind: 'account', principal: account(principal) }, body, ctx(request)),
  );
  registerRoute(app, listAccountRequestsRoute, async ({ principal }) => listEnterpriseRequests(services.db, account(principal)));
  registerRoute(app, getAccountRequestRoute, async ({ params, principal }) => requestView(services.db, await enterpriseRequest(services.db, account(principal), params.requestId)));
  registerRoute(app, resubmitAccountRequestRoute, async ({ params, body, principal, request }) => {
    const me = account(principal);
    const row = await enterpriseRequest(services.db, me, params.requestId);
    return resubmitAccountRequest(services, { kind: 'account', principal: me }, row, body, ctx(request));
  });

  registerRoute(app, staffAccountRequestQueueRoute, async ({ query }) => staffQueue(services.db, query));
  registerRoute(app, staffGetAccountRequestRoute, async ({ params }) => staffView(services, params.requestId));
  registerRoute(app, staffAccountRequestFileRoute, async ({ params, reply }) =>
    sendScan(services, reply, await staffFile(services.db, params.requestId, params.sha256)),
  );
  registerRoute(app, approveAccountRequestRoute, async ({ params, principal, request }) => approveAccountRequest(services, params.requestId, staffId(principal), ctx(request)));
  registerRoute(app, refuseAccountRequestRoute, async ({ params, body, principal, request }) =>
    refuseAccountRequest(services, params.requestId, staffId(principal), body.reason, ctx(request)),
  );
};
