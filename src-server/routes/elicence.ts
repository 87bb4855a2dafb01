/** E-licence QR login (issue 14): start, the desktop's poll, the licence service's callback, and super's list. */
import type { FastifyPluginAsync } from 'fastify';
import { elicenceCallbackRoute, elicencePersonsRoute, elicenceStartRoute, elicenceStateRoute } from '@shared/contract/http/elicence';
import { serviceItemSchema, type ServiceItem } from '@shared/contract/http/route';
import type {} from '../db/schema-elicence';
import { pollElicenceLogin, receiveCallback, startElicenceLogin } from '../elicence/elicence-login';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import { accountSessionAnswer } from './auth';

/** Per caller address and hour: new QR logins (each one is a call to the licence service). */
export const ELICENCE_STARTS_PER_HOUR = 60;

export const elicenceRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const starts = new FixedWindowLimiter(ELICENCE_STARTS_PER_HOUR, 3600_000);

  registerRoute(app, elicenceStartRoute, async ({ request }) => {
    const now = services.clock.now();
    const wait = starts.hit(request.ip, now.getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
    return startElicenceLogin(services, now, request.id, request.log);
  });

  registerRoute(app, elicenceStateRoute, async ({ params, body, request }) => {
    const now = services.clock.now();
    const { accountId, ...answer } = await pollElicenceLogin(services, params.loginId, body.secret, now, request.id);
    if (!accountId) return answer;
    const account = await services.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    request.log.info({ accountId }, 'account e-licence login');
    return { ...answer, session: await accountSessionAnswer(services, account, now, 'qr') };
  });

  registerRoute(app, elicenceCallbackRoute, async ({ body, request }) => {
    const state = await receiveCallback(services, body, { now: services.clock.now(), requestId: request.id, log: request.log });
    return { ok: true as const, state };
  });

  registerRoute(app, elicencePersonsRoute, async ({ params }) => {
    const rows = await services.db
      .selectFrom('elicence_persons')
      .innerJoin('accounts', 'accounts.id', 'elicence_persons.account_id')
      .select(['elicence_persons.name', 'elicence_persons.role', 'elicence_persons.valid_until', 'elicence_persons.last_login_at', 'accounts.id', 'accounts.username'])
      .where('elicence_persons.enterprise_id', '=', params.enterpriseId)
      .where('elicence_persons.role', '!=', 'legal')
      .where('accounts.status', '!=', 'removed')
      .orderBy('elicence_persons.role')
      .orderBy('elicence_persons.name')
      .execute();
    const permissions = rows.length
      ? await services.db.selectFrom('account_permissions').select(['account_id', 'item']).where('account_id', 'in', rows.map((r) => r.id)).execute()
      : [];
    return {
      persons: rows.map((r) => ({
        name: r.name,
        role: r.role,
        username: r.username,
        items: serviceItemSchema.options.filter((item: ServiceItem) => permissions.some((p) => p.account_id === r.id && p.item === item)),
        validUntil: r.valid_until,
        lastLoginAt: r.last_login_at,
      })),
    };
  });
};
