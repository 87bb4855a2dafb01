/** Staff stop a lost key: see the accounts, unbind a certificate, deactivate or reactivate an account (contract: staff-keys.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { staffKeyAccountsRoute, staffSetAccountStatusRoute, staffUnbindCertificateRoute } from '@shared/contract/http/staff-keys';
import { setAccountStatus } from '../domain/account-roles';
import { unbindCertificate } from '../domain/certificate-bindings';
import { findEnterpriseAccount } from '../domain/password-reset';
import { staffKeyAccounts } from '../domain/staff-key-accounts';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';

const staffActor = (p: Principal) => {
  if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
  return { type: 'staff' as const, id: p.id };
};

export const staffKeyRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db, clock } = services;

  registerRoute(app, staffKeyAccountsRoute, async ({ query, principal, request }) =>
    staffKeyAccounts(services, query.uscc, { actor: staffActor(principal), now: clock.now(), requestId: request.id }),
  );

  registerRoute(app, staffUnbindCertificateRoute, async ({ params, principal, request }) => {
    const target = await findEnterpriseAccount(db, params.enterpriseId, { id: params.accountId });
    await db.transaction().execute((tx) => unbindCertificate(tx, target, params.fingerprint, { actor: staffActor(principal), now: clock.now(), requestId: request.id }));
    return { ok: true as const };
  });

  registerRoute(app, staffSetAccountStatusRoute, async ({ params, body, principal, request }) => {
    const target = await findEnterpriseAccount(db, params.enterpriseId, { id: params.accountId });
    // A removed account stays removed (its bindings and items are gone); only active ⇄ deactivated here.
    if (target.status === 'removed') throw new ApiError('NOT_FOUND');
    return setAccountStatus(services, target, body.status, { actor: staffActor(principal), now: clock.now(), requestId: request.id, reason: body.reason });
  });
};
