/**
 * Sessions: a random bearer token shown to the client once and stored only as its SHA-256, so a database leak
 * yields no usable token. Idle expiry (30 min without a request) and absolute expiry (12 h); revoked on logout
 * and on password change.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../db/schema';
import { addSeconds } from './clock';

export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** last_seen_at is refreshed at most this often, so reads do not all turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedSession {
  token: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
}

export async function createSession(
  db: Kysely<Database>,
  subject: { type: SessionTable['subject_type']; id: string },
  now: Date,
): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addSeconds(now, SESSION_ABSOLUTE_SECONDS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: randomUUID(),
      token_hash: hashToken(token),
      subject_type: subject.type,
      subject_id: subject.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt, idleTimeoutSeconds: SESSION_IDLE_SECONDS };
}

export type SessionLookup =
  | { status: 'valid'; session: Pick<SessionTable, 'id' | 'subject_type' | 'subject_id' | 'expires_at'> }
  | { status: 'expired' }
  | { status: 'unknown' };

export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionLookup> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'subject_type', 'subject_id', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { status: 'unknown' };
  const idleUntil = addSeconds(new Date(row.last_seen_at), SESSION_IDLE_SECONDS);
  if (row.revoked_at || new Date(row.expires_at) <= now || idleUntil <= now) return { status: 'expired' };
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { status: 'valid', session: row };
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', sessionId).execute();
}

export async function revokeAllSessions(
  db: Kysely<Database>,
  subject: { type: SessionTable['subject_type']; id: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('revoked_at', 'is', null)
    .execute();
}
