/**
 * Sessions opened by the e-licence (migration 0022). Such a login proved the licence, not the password: the
 * account's pending initial-password change (an initial password the legal representative may never have seen —
 * it went to the administrator's mobile) does not gate it. The flag stays on the account, so its first password
 * login still has to change the password sent by SMS.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type {} from '../db/schema-elicard';
import { hashToken } from '../domain/sessions';

export async function markLicenceSession(db: Kysely<Database>, token: string, via: 'qr' | 'card'): Promise<void> {
  const session = await db.selectFrom('sessions').select('id').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
  await db.insertInto('elicence_sessions').values({ session_id: session.id, via }).execute();
}

export async function openedByLicence(db: Kysely<Database>, sessionId: string): Promise<boolean> {
  return !!(await db.selectFrom('elicence_sessions').select('session_id').where('session_id', '=', sessionId).executeTakeFirst());
}
