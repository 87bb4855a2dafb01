/**
 * Password login for enterprise accounts and staff. Every failure looks the same to the caller (`LOGIN_FAILED`)
 * whether the enterprise, the username or the password was wrong, and takes the same time; repeated failures are
 * throttled per account and per address (login-throttle.ts).
 */
import type { Kysely } from 'kysely';
import { parseUscc } from '@shared/validation/uscc';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { assertNotThrottled, clearAccountFailures, recordLoginFailure } from './login-throttle';
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

/** Checks a password against a row found (or not) by the caller; returns the row on success. */
export async function checkPassword<T extends { id: string; password_hash: string }>(
  db: Kysely<Database>,
  row: T | undefined,
  creds: Credentials,
  throttleKeyPrefix: 'account' | 'staff' | 'legacy',
  /** How the stored hash is checked: ours (scrypt), or the old platform's for legacy accounts. */
  verify: (password: string, stored: string) => Promise<boolean> = verifyPassword,
): Promise<T> {
  const key = row ? `${throttleKeyPrefix}-${row.id}` : null;
  await assertNotThrottled(db, creds.ip, key, creds.now);
  const ok = row ? await verify(creds.password, row.password_hash) : await verifyAgainstNothing(creds.password);
  if (!ok || !row) {
    await recordLoginFailure(db, creds.ip, key, creds.now);
    throw new ApiError('LOGIN_FAILED');
  }
  await clearAccountFailures(db, key!);
  return row;
}
