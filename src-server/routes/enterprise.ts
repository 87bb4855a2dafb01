/** An enterprise's record and accounts. Access (own enterprise, roles) is enforced from the contract. */
import type { FastifyPluginAsync } from 'fastify';
import {
  createAccountRoute,
  getEnterpriseRoute,
  listAccountsRoute,
  resetAccountPasswordRoute,
  setPermissionsRoute,
} from '@shared/contract/http/enterprise';
import { creatableRoles } from '@shared/contract/http/account-roles';
import { managedAccount } from '../domain/account-roles';
import { accountView, insertAccount, permissionsOf } from '../domain/accounts';
import { writeAudit } from '../domain/audit';
import { findEnterpriseAccount, mayReset, resetPassword } from '../domain/password-reset';
import { generateInitialPassword } from '../domain/passwords';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import { smsTemplates } from '../notifications/templates';

export const enterpriseRoutes: FastifyPluginAsync = async (app) => {
  const { db, clock, sms, principals } = app.services;

  registerRoute(app, getEnterpriseRoute, async ({ params }) => {
    const e = await db.selectFrom('enterprises').selectAll().where('id', '=', params.enterpriseId).executeTakeFirst();
    if (!e) throw new ApiError('NOT_FOUND');
    return { id: e.id, uscc: e.uscc, name: e.name, address: e.address, legalRepresentative: e.legal_representative, createdAt: e.created_at };
  });

  registerRoute(app, listAccountsRoute, async ({ params }) => {
    const rows = await db.selectFrom('accounts').selectAll().where('enterprise_id', '=', params.enterpriseId).where('status', '!=', 'removed').orderBy('username').execute();
    return { accounts: await Promise.all(rows.map((r) => accountView(db, r))) };
  });

  registerRoute(app, createAccountRoute, async ({ params, body, principal, request }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    // super creates admins; admins add handlers (DESIGN.md "Account care").
    if (!creatableRoles(principal.role).includes(body.role)) throw new ApiError('FORBIDDEN');
    const now = clock.now();
    const password = generateInitialPassword();
    const row = await db.transaction().execute((tx) =>
      insertAccount(
        tx,
        { enterpriseId: params.enterpriseId, username: body.username, role: body.role, displayName: body.displayName, mobile: body.mobile, password, permissions: body.permissions },
        { type: 'account', id: principal.id },
        now,
        request.id,
      ),
    );
    const enterprise = await db.selectFrom('enterprises').select('name').where('id', '=', params.enterpriseId).executeTakeFirstOrThrow();
    await sms.send(body.mobile, smsTemplates.accountCreated({ enterprise: enterprise.name, username: row.username, password }));
    return accountView(db, row);
  });

  registerRoute(app, setPermissionsRoute, async ({ params, body, principal, request }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    // Only a handler's items are granted (super and admin hold them all), by who manages it.
    const target = await managedAccount(app.services, principal, params.accountId);
    if (target.role !== 'handler') throw new ApiError('PERMISSIONS_NOT_GRANTABLE');
    const now = clock.now();
    const before = await permissionsOf(db, target);
    const after = [...new Set(body.permissions)].sort();
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('account_permissions').where('account_id', '=', target.id).execute();
      if (after.length) await tx.insertInto('account_permissions').values(after.map((item) => ({ account_id: target.id, item }))).execute();
      await writeAudit(tx, {
        actor: { type: 'account', id: principal.id },
        enterpriseId: params.enterpriseId,
        action: 'account.permissions',
        subjectType: 'account',
        subjectId: target.id,
        before: { permissions: before },
        after: { permissions: after },
        at: now,
        requestId: request.id,
      });
    });
    principals.clear();
    return accountView(db, target);
  });

  registerRoute(app, resetAccountPasswordRoute, async ({ params, principal, request }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    const target = await findEnterpriseAccount(db, params.enterpriseId, { id: params.accountId });
    if (target.id === principal.id || !mayReset(principal.role, target.role)) throw new ApiError('FORBIDDEN');
    // Only ever to the account's own mobile: texting super's new password to the admin who reset it made that admin
    // super. Without a mobile the reset is refused (RESET_NEEDS_OWN_MOBILE names the staff-reviewed request).
    return resetPassword(app.services, target, target.mobile, {
      actor: { type: 'account', id: principal.id },
      now: clock.now(),
      requestId: request.id,
    });
  });
};
