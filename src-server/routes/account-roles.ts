/** Deactivation, removal, the accounts' history and certificate bindings (issue 13); rules in domain/account-roles.ts. */
import type { FastifyPluginAsync } from 'fastify';
import {
  accountHistoryRoute,
  bindAccountCertificateRoute,
  listAccountCertificatesRoute,
  removeAccountRoute,
  setAccountStatusRoute,
  unbindAccountCertificateRoute,
} from '@shared/contract/http/account-roles';
import type { AccountTable } from '../db/schema';
import { accountHistory } from '../domain/account-history';
import { enterpriseAccount, managedAccount, removeAccount, setAccountStatus } from '../domain/account-roles';
import { provenCertificate } from '../domain/ca-login';
import { bindCertificate, certificatesOf, unbindCertificate } from '../domain/certificate-bindings';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { AccountPrincipal, Principal } from '../plugins/auth';
import type { Services } from '../services';

const asAccount = (principal: Principal): AccountPrincipal => {
  if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
  return principal;
};

/** The account itself, or one the caller manages: whose certificates may be listed, bound and unbound. */
async function selfOrManaged(services: Services, principal: AccountPrincipal, accountId: string): Promise<AccountTable> {
  return accountId === principal.id ? enterpriseAccount(services, principal, accountId) : managedAccount(services, principal, accountId);
}

export const accountRoleRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db, clock } = services;

  registerRoute(app, setAccountStatusRoute, async ({ params, body, principal, request }) => {
    const me = asAccount(principal);
    const target = await managedAccount(services, me, params.accountId);
    return setAccountStatus(services, target, body.status, { actor: { type: 'account', id: me.id }, now: clock.now(), requestId: request.id });
  });

  registerRoute(app, removeAccountRoute, async ({ params, principal, request }) => {
    const me = asAccount(principal);
    const target = await managedAccount(services, me, params.accountId);
    await removeAccount(services, target, { actor: { type: 'account', id: me.id }, now: clock.now(), requestId: request.id });
    return { ok: true as const };
  });

  registerRoute(app, accountHistoryRoute, async ({ params, query }) => accountHistory(db, params.enterpriseId, query.page, query.pageSize));

  registerRoute(app, listAccountCertificatesRoute, async ({ params, principal }) => {
    const target = await selfOrManaged(services, asAccount(principal), params.accountId);
    return { certificates: await certificatesOf(db, target.id) };
  });

  registerRoute(app, bindAccountCertificateRoute, async ({ params, body, principal, request }) => {
    const me = asAccount(principal);
    const target = await selfOrManaged(services, me, params.accountId);
    const now = clock.now();
    const cert = await provenCertificate(services, body, now);
    return db.transaction().execute((tx) =>
      bindCertificate(tx, target, cert, { actor: { type: 'account', id: me.id }, now, requestId: request.id, how: 'key-signature' }),
    );
  });

  registerRoute(app, unbindAccountCertificateRoute, async ({ params, principal, request }) => {
    const me = asAccount(principal);
    const target = await selfOrManaged(services, me, params.accountId);
    await db.transaction().execute((tx) => unbindCertificate(tx, target, params.fingerprint, { actor: { type: 'account', id: me.id }, now: clock.now(), requestId: request.id }));
    return { ok: true as const };
  });
};
