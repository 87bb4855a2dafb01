/**
 * The enterprise's administrator changes hands (管理员变更, manual 001 Q&A 4): the `admin` account is kept and given
 * the new person, a new initial password (changed at first login) and no certificate bindings, and the person it
 * replaced goes into `administrator_history`. Reusing the account keeps the username the manual and the
 * registration SMS name ("企业管理员账号(admin)") and the handlers it created; deactivating it and making another
 * would need a second username nobody was told. The old person's sessions end at once and the keys they bound no
 * longer land on the account.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type {} from '../db/schema-requests';
import type {} from '../db/schema-roles';
import { insertAccount } from './accounts';
import { writeAudit, type Actor } from './audit';
import { generateInitialPassword, hashPassword } from './passwords';
import { revokeAllSessions } from './sessions';

export interface NewAdministrator {
  name: string;
  mobile: string;
  email?: string | null;
}

interface Ctx {
  actor: Actor;
  now: Date;
  requestId: string;
  accountRequestId: string;
}

/** Applies the change in the caller's transaction; the initial password leaves only by SMS after the commit. */
export async function replaceAdministrator(tx: Transaction<Database>, enterpriseId: string, person: NewAdministrator, ctx: Ctx) {
  const password = generateInitialPassword();
  const at = ctx.now.toISOString();
  const admin = await tx.selectFrom('accounts').selectAll().where('enterprise_id', '=', enterpriseId).where('username', '=', 'admin').executeTakeFirst();
  if (!admin) {
    // Removed earlier by super: the enterprise gets its `admin` back.
    const made = await insertAccount(tx, { enterpriseId, username: 'admin', role: 'admin', displayName: person.name, mobile: person.mobile, email: person.email ?? null, password, permissions: [] }, ctx.actor, ctx.now, ctx.requestId);
    return { accountId: made.id, username: 'admin', password };
  }
  await tx
    .insertInto('administrator_history')
    .values({ id: randomUUID(), enterprise_id: enterpriseId, account_id: admin.id, display_name: admin.display_name, mobile: admin.mobile, email: admin.email, replaced_at: at, request_id: ctx.accountRequestId })
    .execute();
  const next = { display_name: person.name, mobile: person.mobile, email: person.email ?? null, password_hash: await hashPassword(password), must_change_password: 1, status: 'active' as const, updated_at: at };
  await tx.updateTable('accounts').set(next).where('id', '=', admin.id).execute();
  await revokeAllSessions(tx, { type: 'account', id: admin.id }, ctx.now);
  const unbound = await tx.deleteFrom('certificate_bindings').where('account_id', '=', admin.id).returning('fingerprint').execute();
  await writeAudit(tx, {
    actor: ctx.actor,
    enterpriseId,
    action: 'account.administrator_change',
    subjectType: 'account',
    subjectId: admin.id,
    before: { display_name: admin.display_name, status: admin.status },
    after: { display_name: person.name, status: 'active', must_change_password: 1, certificates_unbound: unbound.length, account_request_id: ctx.accountRequestId },
    at: ctx.now,
    requestId: ctx.requestId,
  });
  return { accountId: admin.id, username: admin.username, password };
}
