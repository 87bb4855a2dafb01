/** The administrator's SMS code for a renewed CA certificate (domain/renewal-confirmation.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { caRenewalConfirmRoute } from '@shared/contract/http/renewal';
import { confirmRenewal } from '../domain/renewal-confirmation';
import { limitByAddress, SharedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import { accountSessionAnswer } from './auth';

/** Per address and hour, on top of the five tries each confirmation allows. */
export const RENEWAL_TRIES_PER_HOUR = 30;

export const renewalRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const tries = new SharedWindowLimiter(services.db, 'renewal.try', RENEWAL_TRIES_PER_HOUR, 3600_000);
  registerRoute(app, caRenewalConfirmRoute, async ({ params, body, request }) => {
    const now = services.clock.now();
    await limitByAddress(tries, request, now);
    const account = await confirmRenewal(services, params.confirmationId, body.code, { now, requestId: request.id, log: request.log });
    request.log.info({ accountId: account.id, confirmationId: params.confirmationId }, 'account CA login with a confirmed renewed certificate');
    return accountSessionAnswer(services, account, now);
  });
};
