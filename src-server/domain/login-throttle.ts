/**
 * Slows down password guessing: after 5 wrong passwords for one account within 15 minutes the account is locked
 * until the oldest of them ages out, and one address gets 20 failures per 15 minutes across all accounts (a
 * spray over many usernames). Failures are rows, so the limit holds across server instances sharing a database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { addSeconds } from './clock';

export const WINDOW_SECONDS = 15 * 60;
export const MAX_ACCOUNT_FAILURES = 5;
export const MAX_ADDRESS_FAILURES = 20;

const accountKey = (id: string) => `account:${id}`;
const addressKey = (ip: string) => `address:${ip}`;

async function countSince(db: Kysely<Database>, subject: string, since: Date) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('oldest')])
    .where('subject', '=', subject)
    .where('at', '>', since.toISOString())
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}

function retryAfter(oldest: string | null, now: Date): Record<string, string> {
  const until = oldest ? addSeconds(new Date(oldest), WINDOW_SECONDS) : addSeconds(now, WINDOW_SECONDS);
  return { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))) };
}

/** Refuses before the password is even checked when the address or the account is over its limit. */
export async function assertNotThrottled(db: Kysely<Database>, ip: string, accountId: string | null, now: Date) {
  const since = addSeconds(now, -WINDOW_SECONDS);
  const byAddress = await countSince(db, addressKey(ip), since);
  if (byAddress.count >= MAX_ADDRESS_FAILURES) {
    throw new ApiError('RATE_LIMITED', { headers: retryAfter(byAddress.oldest, now) });
  }
  if (accountId) {
    const byAccount = await countSince(db, accountKey(accountId), since);
    if (byAccount.count >= MAX_ACCOUNT_FAILURES) {
      throw new ApiError('LOGIN_LOCKED', { headers: retryAfter(byAccount.oldest, now) });
    }
  }
}

export async function recordLoginFailure(db: Kysely<Database>, ip: string, accountId: string | null, now: Date) {
  const rows = [{ id: randomUUID(), subject: addressKey(ip), at: now.toISOString() }];
  if (accountId) rows.push({ id: randomUUID(), subject: accountKey(accountId), at: now.toISOString() });
  await db.insertInto('login_failures').values(rows).execute();
}

/** A successful login clears the account's failures (not the address's: a sprayer may guess one right). */
export async function clearAccountFailures(db: Kysely<Database>, accountId: string) {
  await db.deleteFrom('login_failures').where('subject', '=', accountKey(accountId)).execute();
}
