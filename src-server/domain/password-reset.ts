/**
 * Password resets by someone else (manual 001 Q&A 3): an enterprise admin resets super, super resets anyone, portal
 * support resets an enterprise's admin. The account gets a new random initial password by SMS, must change it at
 * the next login, loses its sessions, and its lockout is lifted.
 */
import type { Kysely } from 'kysely';
import { maskMobile } from '@shared/validation/mobile';
import type { AccountTable, Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { smsTemplates } from '../notifications/templates';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { accountSubject, clearLoginFailures } from './login-throttle';
import { generateInitialPassword, hashPassword } from './passwords';
import { revokeAllSessions } from './sessions';

/** Whether an account of role `actor` may reset the password of an account of role `target` (not itself). */
export function mayReset(actor: AccountTable['role'], target: AccountTable['role']): boolean {
  if (actor === 'super') return true;
  return actor === 'admin' && (target === 'super' || target === 'handler');
}

export async function findEnterpriseAccount(db: Kysely<Database>, enterpriseId: string, where: { id: string } | { username: string }) {
  let q = db.selectFrom('accounts').selectAll().where('enterprise_id', '=', enterpriseId);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('username', '=', where.username);
  const row = await q.executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

/**
 * Resets and texts the new password to `mobile`, which must be the account's own: nobody who resets a password
 * (an administrator, staff) ever holds the new one. Without a mobile nothing changes: RESET_NEEDS_OWN_MOBILE.
 */
export async function resetPassword(
  services: Services,
  target: AccountTable,
  mobile: string | null,
  ctx: { actor: Actor; now: Date; requestId: string },
): Promise<{ mobile: string }> {
  if (!mobile) throw new ApiError('RESET_NEEDS_OWN_MOBILE');
  const password = generateInitialPassword();
  const hash = await hashPassword(password);
  const { db } = services;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', target.id)
      .execute();
    await revokeAllSessions(tx, { type: 'account', id: target.id }, ctx.now);
    await writeAudit(tx, {
      actor: ctx.actor,
      enterpriseId: target.enterprise_id,
      action: 'password.reset',
      subjectType: 'account',
      subjectId: target.id,
      before: { must_change_password: target.must_change_password },
      after: { must_change_password: 1, sent_to: maskMobile(mobile) },
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  await clearLoginFailures(db, accountSubject(target.enterprise_id, target.username));
  services.principals.clear();
  const enterprise = await db.selectFrom('enterprises').select('name').where('id', '=', target.enterprise_id).executeTakeFirstOrThrow();
  await services.sms.send(mobile, smsTemplates.passwordReset({ enterprise: enterprise.name, username: target.username, password }));
  return { mobile: maskMobile(mobile) };
}
