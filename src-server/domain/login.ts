/**
 * Password login for enterprise accounts and staff. Every failure looks the same to the caller (`LOGIN_FAILED`)
 * whether the enterprise, the username or the password was wrong, and takes the same time; attempts are counted
 * per account name and per address before the password is checked (login-throttle.ts).
 */
import type { Kysely } from 'kysely';
import { parseUscc } from '@shared/validation/uscc';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { loginSucceeded, takeLoginAttempt } from './login-throttle';
import { verifyAgainstNothing, verifyPassword } from './passwords';

export interface Credentials {
  password: string;
  ip: string;
  now: Date;
}

/** Finds the enterprise by USCC (when the text is one) or by its exact registered name. */
export async function findEnterpriseId(db: Kysely<Database>, text: string): Promise<string | null> {
  const uscc = parseUscc(text);
  const row = await db
    .selectFrom('enterprises')
    .select('id')
    .where(uscc.ok ? 'uscc' : 'name', '=', uscc.ok ? uscc.value : text.trim())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** How an enterprise named in a login is keyed for throttling when it does not exist (USCC or name as typed). */
export function enterpriseKeyOf(text: string): string {
  const uscc = parseUscc(text);
  return uscc.ok ? uscc.value : text.trim();
}

/**
 * Checks a password against a row found (or not) by the caller; returns the row on success. `subject` is the
 * throttle subject of the name the caller typed (login-throttle.ts), whether or not the row exists.
 */
export async function checkPassword<T extends { id: string; password_hash: string }>(
  db: Kysely<Database>,
  row: T | undefined,
  creds: Credentials,
  subject: string,
  /** How the stored hash is checked: ours (scrypt), or the old platform's for legacy accounts. */
  verify: (password: string, stored: string) => Promise<boolean> = verifyPassword,
): Promise<T> {
  await takeLoginAttempt(db, creds.ip, subject, creds.now);
  const ok = row ? await verify(creds.password, row.password_hash) : await verifyAgainstNothing(creds.password);
  if (!ok || !row) throw new ApiError('LOGIN_FAILED');
  await loginSucceeded(db, creds.ip, subject);
  return row;
}
