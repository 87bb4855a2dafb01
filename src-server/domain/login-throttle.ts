/**
 * Slows down password guessing without letting anyone lock an account (issue 17 item 7). Each subject — the
 * account *as named* in the login (so an unknown account is throttled exactly like a known one: no oracle) and the
 * caller's address (a spray over many names) — has one row in `login_throttle`. An attempt is counted *before* its
 * password is checked, by one upsert that also refuses while the subject waits: of 30 wrong passwords sent at
 * once, only the free ones are checked, on SQLite and PostgreSQL alike. After the free failures each further one
 * doubles the wait (15 s, 30 s, 60 s …) up to a ceiling: an attacker slows the owner down by at most the ceiling,
 * never locks them out, and still gets only a few guesses a minute. Quiet for the window: the count starts over.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type {} from '../db/schema-trust';
import { ApiError } from '../http/api-error';

export const WINDOW_SECONDS = 15 * 60;

interface Policy {
  /** Failures without any wait. */
  free: number;
  /** The first wait, in seconds; each further failure doubles it. */
  first: number;
  /** The longest wait, in seconds. */
  ceiling: number;
}

export const ACCOUNT_POLICY: Policy = { free: 5, first: 15, ceiling: 60 };
export const ADDRESS_POLICY: Policy = { free: 20, first: 15, ceiling: WINDOW_SECONDS };

/** The wait in seconds after the `n`th failure in a row. */
export function delayAfter(policy: Policy, n: number): number {
  if (n < policy.free) return 0;
  return Math.min(policy.ceiling, policy.first * 2 ** (n - policy.free));
}

/** The account subject: by the enterprise's id when it exists, else by the text typed, so both look alike. */
export const accountSubject = (enterprise: string, username: string) => `account:${enterprise}/${username}`;
export const staffSubject = (username: string) => `staff:${username}`;
export const legacySubject = (username: string) => `legacy:${username}`;
const addressSubject = (ip: string) => `address:${ip}`;

const bigint = (ms: number) => sql<number>`cast(${ms} as bigint)`;

/** `delayAfter` as SQL over the failure count `n`, in milliseconds (the steps are few: first × 2^k up to the ceiling). */
function delaySql(policy: Policy, n: RawBuilder<number>): RawBuilder<number> {
  const steps: RawBuilder<unknown>[] = [];
  for (let k = 0; policy.first * 2 ** k < policy.ceiling; k++) steps.push(sql`when ${n} = ${policy.free + k} then ${bigint(policy.first * 2 ** k * 1000)}`);
  return sql<number>`case when ${n} < ${policy.free} then ${bigint(0)} ${sql.join(steps, sql` `)} else ${bigint(policy.ceiling * 1000)} end`;
}

/**
 * Counts one attempt for `subject` and answers 0, or, while the subject must wait, counts nothing and answers
 * the seconds left. One statement, so concurrent attempts are each counted once. A row whose last attempt set no
 * wait (`blocked_until = last_at`) never refuses: concurrent requests read the clock before taking turns on the
 * row, so one that read it a millisecond earlier than the last writer would otherwise be told to wait (five staff
 * logins at once on PostgreSQL got two 429s).
 */
export async function takeAttempt(db: Kysely<Database>, subject: string, policy: Policy, now: Date): Promise<number> {
  const ms = now.getTime();
  const failures = sql<number>`case when login_throttle.last_at < ${bigint(ms - WINDOW_SECONDS * 1000)} then 1 else login_throttle.failures + 1 end`;
  const taken = await sql<{ failures: number }>`
    insert into login_throttle (subject, failures, last_at, blocked_until)
    values (${subject}, 1, ${bigint(ms)}, ${bigint(ms + delayAfter(policy, 1) * 1000)})
    on conflict (subject) do update set
      failures = ${failures},
      last_at = ${bigint(ms)},
      blocked_until = ${bigint(ms)} + ${delaySql(policy, failures)}
    where login_throttle.blocked_until <= ${bigint(ms)} or login_throttle.blocked_until = login_throttle.last_at
    returning failures`.execute(db);
  if (taken.rows.length > 0) return 0;
  const row = await db.selectFrom('login_throttle').select('blocked_until').where('subject', '=', subject).executeTakeFirst();
  return Math.max(1, Math.ceil((Number(row?.blocked_until ?? ms) - ms) / 1000));
}

const retryAfter = (seconds: number) => ({ headers: { 'retry-after': String(seconds) } });

/**
 * Takes an attempt for the address and the account subject before a password is checked; throws 429 with
 * Retry-After when either must wait (the same for every account name, existing or not).
 */
export async function takeLoginAttempt(db: Kysely<Database>, ip: string, subject: string, now: Date): Promise<void> {
  const byAddress = await takeAttempt(db, addressSubject(ip), ADDRESS_POLICY, now);
  if (byAddress) throw new ApiError('RATE_LIMITED', retryAfter(byAddress));
  const byAccount = await takeAttempt(db, subject, ACCOUNT_POLICY, now);
  if (byAccount) {
    await refund(db, addressSubject(ip));
    throw new ApiError('LOGIN_THROTTLED', retryAfter(byAccount));
  }
}

async function refund(db: Kysely<Database>, subject: string) {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('subject', '=', subject)
    .where('failures', '>', 0)
    .execute();
}

/**
 * A right password: the account's count starts over, and the address gets back the attempt taken in advance
 * (a sprayer who guesses one right keeps the rest of its failures).
 */
export async function loginSucceeded(db: Kysely<Database>, ip: string, subject: string) {
  await clearLoginFailures(db, subject);
  await refund(db, addressSubject(ip));
}

/** A password set anew (recovery, reset): its account's count starts over. */
export async function clearLoginFailures(db: Kysely<Database>, subject: string) {
  await db.deleteFrom('login_throttle').where('subject', '=', subject).execute();
}
