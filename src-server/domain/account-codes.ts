/**
 * Codes that prove a mobile or an e-mail (password recovery, binding a new contact): six digits (sms-code.ts),
 * stored only as a hash with the row id, 10 minutes, 5 tries, spent on first success. Sends are throttled per
 * account: one a minute and a few an hour, counted from the rows, so the limit holds across server instances.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountCodeTable } from '../db/schema-recovery';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { addSeconds } from './clock';
import { hashSmsCode, newSmsCode, SMS_CODE_MAX_ATTEMPTS, SMS_CODE_RESEND_SECONDS, SMS_CODE_TTL_SECONDS, smsCodeMatches } from './sms-code';

export const CODE_SEND_WINDOW_SECONDS = 60 * 60;
export const MAX_CODE_SENDS_PER_WINDOW = 5;

type Purpose = AccountCodeTable['purpose'];

/**
 * Seconds to wait before another code may go to this account for this purpose (0: now). A null account costs the
 * same query, so an unknown account's request takes as long as a known one's.
 */
export async function codeSendWait(db: Kysely<Database>, accountId: string | null, purpose: Purpose, now: Date): Promise<number> {
  const since = addSeconds(now, -CODE_SEND_WINDOW_SECONDS).toISOString();
  const row = await db
    .selectFrom('account_codes')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('created_at').as('oldest'), eb.fn.max('created_at').as('newest')])
    .where('account_id', '=', accountId ?? '')
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirst();
  const seconds = (until: Date) => Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (Number(row?.n ?? 0) >= MAX_CODE_SENDS_PER_WINDOW && row?.oldest) return seconds(addSeconds(new Date(row.oldest), CODE_SEND_WINDOW_SECONDS));
  if (row?.newest) return seconds(addSeconds(new Date(row.newest), SMS_CODE_RESEND_SECONDS));
  return 0;
}

/** A new code row; the code comes back once, to be sent, and is never stored. */
export async function insertCode(
  db: Kysely<Database>,
  input: { purpose: Purpose; accountId: string | null; destination: string | null },
  now: Date,
): Promise<{ id: string; code: string; expiresAt: string }> {
  const id = randomUUID();
  const code = newSmsCode();
  const expiresAt = addSeconds(now, SMS_CODE_TTL_SECONDS).toISOString();
  await db
    .insertInto('account_codes')
    .values({
      id,
      purpose: input.purpose,
      account_id: input.accountId,
      destination: input.destination,
      code_hash: hashSmsCode(id, code),
      attempts: 0,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      reset_token_hash: null,
      reset_expires_at: null,
      reset_used_at: null,
    })
    .execute();
  return { id, code, expiresAt };
}

/**
 * Checks a typed code and spends it. Wrong, expired, used, out of tries, of another purpose or another account,
 * or a row that never had an account: the same VERIFICATION_CODE_INVALID, after the same hash comparison.
 */
export async function proveCode(
  db: Kysely<Database>,
  input: { id: string; purposes: readonly Purpose[]; code: string; accountId?: string },
  now: Date,
): Promise<AccountCodeTable & { account_id: string }> {
  // The try is counted before the code is compared, in one conditional UPDATE: of 40 guesses sent at once only
  // the allowed number is compared at all (issue 17), on both databases.
  const row = await db
    .updateTable('account_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', input.id)
    .where('attempts', '<', SMS_CODE_MAX_ATTEMPTS)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    smsCodeMatches(input.id, input.code, hashSmsCode(input.id, '')); // the same work as a real comparison
    throw new ApiError('VERIFICATION_CODE_INVALID');
  }
  const matches = smsCodeMatches(row.id, input.code, row.code_hash);
  const usable = input.purposes.includes(row.purpose) && row.account_id !== null && (input.accountId === undefined || row.account_id === input.accountId);
  if (!usable || !matches) throw new ApiError('VERIFICATION_CODE_INVALID');
  // Conditional: of two concurrent proofs of one code, one wins.
  const claimed = await db
    .updateTable('account_codes')
    .set({ used_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) throw new ApiError('VERIFICATION_CODE_INVALID');
  return { ...row, account_id: row.account_id!, used_at: now.toISOString() };
}
