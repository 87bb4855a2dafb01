/**
 * 忘记密码 (public, throttled per address here and per account in the domain) and the signed-in account's own
 * contacts. The rules: domain/password-recovery.ts, domain/contact-binding.ts.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  confirmContactChangeRoute,
  getProfileRoute,
  recoveryPasswordRoute,
  recoveryStartRoute,
  recoveryVerifyRoute,
  startContactChangeRoute,
} from '@shared/contract/http/recovery';
import type {} from '../db/schema-recovery';
import { confirmContactChange, profileOf, startContactChange } from '../domain/contact-binding';
import { finishRecovery, startRecovery, verifyRecovery } from '../domain/password-recovery';
import { ApiError } from '../http/api-error';
import { limitByAddress, SharedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import { accountSessionAnswer } from './auth';

/** Per caller address and hour: recovery requests (each may cost an SMS), code and password tries. */
export const RECOVERY_STARTS_PER_HOUR = 10;
export const RECOVERY_TRIES_PER_HOUR = 30;

export const recoveryRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const hour = 3600_000;
  // Codes are guessed by trying: counted across every server process (issue 20).
  const starts = new SharedWindowLimiter(services.db, 'recovery.start', RECOVERY_STARTS_PER_HOUR, hour);
  const tries = new SharedWindowLimiter(services.db, 'recovery.try', RECOVERY_TRIES_PER_HOUR, hour);
  const limit = (limiter: SharedWindowLimiter, request: FastifyRequest) => limitByAddress(limiter, request, services.clock.now());
  const ctx = (request: FastifyRequest) => ({ now: services.clock.now(), requestId: request.id, log: request.log });

  registerRoute(app, recoveryStartRoute, async ({ body, request }) => {
    await limit(starts, request);
    return startRecovery(services, body, ctx(request));
  });

  registerRoute(app, recoveryVerifyRoute, async ({ params, body, request }) => {
    await limit(tries, request);
    return verifyRecovery(services, params.recoveryId, body.code, ctx(request));
  });

  registerRoute(app, recoveryPasswordRoute, async ({ params, body, request }) => {
    await limit(tries, request);
    const account = await finishRecovery(services, params.recoveryId, body, ctx(request));
    request.log.info({ accountId: account.id }, 'password recovered');
    return accountSessionAnswer(services, account, services.clock.now());
  });

  registerRoute(app, getProfileRoute, async ({ principal }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    return profileOf(await services.db.selectFrom('accounts').selectAll().where('id', '=', principal.id).executeTakeFirstOrThrow());
  });

  registerRoute(app, startContactChangeRoute, async ({ body, principal, request }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    await limit(starts, request);
    return startContactChange(services, principal.id, body, ctx(request));
  });

  registerRoute(app, confirmContactChangeRoute, async ({ params, body, principal, request }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    await limit(tries, request);
    return confirmContactChange(services, principal.id, { challengeId: params.challengeId, code: body.code }, ctx(request));
  });
};
