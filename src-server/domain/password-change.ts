/**
 * Password change for accounts and staff alike: current password checked, policy applied, the forced change at
 * first login cleared, and every session of the subject revoked (a stolen session dies with the old password).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { writeAudit } from './audit';
import { ACCOUNT_POLICY, clearLoginFailures, takeAttempt } from './login-throttle';
import { passwordMeetsPolicy } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, revokeAllSessions } from './sessions';

export async function changePassword(
  db: Kysely<Database>,
  subject: { type: 'account' | 'staff'; id: string; username: string; enterpriseId: string | null },
  input: { currentPassword: string; newPassword: string },
  now: Date,
  requestId: string,
) {
  const table = subject.type === 'account' ? 'accounts' : 'staff_accounts';
  const row = await db
    .selectFrom(table)
    .select(['password_hash', 'must_change_password'])
    .where('id', '=', subject.id)
    .executeTakeFirstOrThrow();
  // A stolen session must not become a way to guess the current password: tries wait like logins (issue 17).
  const throttle = `password-change:${subject.type}:${subject.id}`;
  const wait = await takeAttempt(db, throttle, ACCOUNT_POLICY, now);
  if (wait) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) throw new ApiError('PASSWORD_CURRENT_WRONG');
  await clearLoginFailures(db, throttle);
  if (input.newPassword === input.currentPassword) throw new ApiError('PASSWORD_REUSED');
  if (!passwordMeetsPolicy(input.newPassword, subject.username)) throw new ApiError('PASSWORD_POLICY');
  const hash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable(table)
      .set({ password_hash: hash, must_change_password: 0, updated_at: now.toISOString() })
      .where('id', '=', subject.id)
      .execute();
    await revokeAllSessions(tx, { type: subject.type, id: subject.id }, now);
    await writeAudit(tx, {
      actor: { type: subject.type, id: subject.id },
      enterpriseId: subject.enterpriseId,
      action: 'password.change',
      subjectType: subject.type,
      subjectId: subject.id,
      before: { must_change_password: row.must_change_password },
      after: { must_change_password: 0 },
      at: now,
      requestId,
    });
    return createSession(tx, { type: subject.type, id: subject.id }, now);
  });
}
