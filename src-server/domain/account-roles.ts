/**
 * Managing accounts by role (manual 000 §2, issue 13): who may manage whom is the contract's `mayManage` (super
 * manages admins and handlers, admin manages handlers, nobody themselves); here it is applied to an account found
 * by id within the caller's enterprise only, so another enterprise's id is simply not found. Deactivation ends the
 * account's sessions at once (the principal cache is cleared; its next request answers ACCOUNT_DEACTIVATED) and
 * refuses its logins; reactivation revokes the sessions it had, so none comes back to life. The last active super
 * can never be deactivated: only super manages and nobody manages themselves.
 */
import { mayManage } from '@shared/contract/http/account-roles';
import type { AccountTable } from '../db/schema';
import type { AccountStatus } from '../db/schema-roles';
import { ApiError } from '../http/api-error';
import type { AccountPrincipal } from '../plugins/auth';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { revokeAllSessions } from './sessions';

/** The account, unless it is deactivated (ACCOUNT_DEACTIVATED) or removed (as if it did not exist). */
export function assertActive<T extends Pick<AccountTable, 'status'>>(account: T): T {
  if (account.status === 'deactivated') throw new ApiError('ACCOUNT_DEACTIVATED');
  if (account.status === 'removed') throw new ApiError('LOGIN_FAILED');
  return account;
}

/** An account of the caller's enterprise, by id; NOT_FOUND for another enterprise's or a removed one. */
export async function enterpriseAccount(services: Services, principal: AccountPrincipal, accountId: string): Promise<AccountTable> {
  const row = await services.db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', accountId)
    .where('enterprise_id', '=', principal.enterpriseId)
    .where('status', '!=', 'removed')
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

/** An account the caller manages: ACCOUNT_SELF for itself, ACCOUNT_ABOVE_YOU at or above its level. */
export async function managedAccount(services: Services, principal: AccountPrincipal, accountId: string): Promise<AccountTable> {
  const target = await enterpriseAccount(services, principal, accountId);
  if (target.id === principal.id) throw new ApiError('ACCOUNT_SELF');
  if (!mayManage(principal.role, target.role)) throw new ApiError('ACCOUNT_ABOVE_YOU');
  return target;
}

interface ChangeContext {
  /** Who manages it (super, admin), or portal staff stopping a lost key's account (issue 17 item 3). */
  actor: Actor;
  now: Date;
  requestId: string;
  /** Staff say why (staff-keys.ts); kept in the audit row. */
  reason?: string;
}

export async function setAccountStatus(services: Services, target: AccountTable, status: 'active' | 'deactivated', ctx: ChangeContext) {
  if (target.status === status) throw new ApiError('ACCOUNT_STATUS_CONFLICT');
  await changeStatus(services, target, status, 'account.status', ctx);
  return { id: target.id, status };
}

/** Removal: the account's items and certificate bindings go, its sessions end, its row stays for the history. */
export async function removeAccount(services: Services, target: AccountTable, ctx: ChangeContext) {
  await changeStatus(services, target, 'removed', 'account.remove', ctx);
}

async function changeStatus(services: Services, target: AccountTable, status: AccountStatus, action: string, ctx: ChangeContext) {
  await services.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('accounts')
      .set({ status, updated_at: ctx.now.toISOString() })
      .where('id', '=', target.id)
      .where('status', '=', target.status)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new ApiError('ACCOUNT_STATUS_CONFLICT');
    // A deactivated account's sessions stay so that their next request can say why (ACCOUNT_DEACTIVATED).
    if (status !== 'deactivated') await revokeAllSessions(tx, { type: 'account', id: target.id }, ctx.now);
    if (status === 'removed') {
      await tx.deleteFrom('account_permissions').where('account_id', '=', target.id).execute();
      await tx.deleteFrom('certificate_bindings').where('account_id', '=', target.id).execute();
    }
    await writeAudit(tx, {
      actor: ctx.actor,
      enterpriseId: target.enterprise_id,
      action,
      subjectType: 'account',
      subjectId: target.id,
      before: { status: target.status, role: target.role },
      after: { status, role: target.role, ...(ctx.reason ? { reason: ctx.reason } : {}) },
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  // At once: the next request of any of its sessions loads the account again and meets the new status.
  services.principals.clear();
}
