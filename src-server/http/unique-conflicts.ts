/**
 * Two requests that write the same unique key at once (two registrations of one USCC, one username added twice)
 * both pass the handler's "does it exist?" check; the database refuses the second. That refusal is a conflict the
 * caller can act on, never a server fault (issue 17): the error handler maps it here, in one place, by table.
 */
import type { ServerErrorCode } from '@shared/errors/server';

/** The table whose unique key was hit → the answer; any table not listed answers WRITE_CONFLICT. */
const BY_TABLE: Partial<Record<string, ServerErrorCode>> = {
  accounts: 'USERNAME_TAKEN',
  // A registration confirmed twice at once, or a counter registration racing an online one: one USCC, one enterprise.
  enterprises: 'ENTERPRISE_ALREADY_REGISTERED',
  staff_accounts: 'USERNAME_TAKEN',
};

/** PostgreSQL: unique_violation, foreign_key_violation (its parent removed at the same moment). */
const PG_CODES = new Set(['23505', '23503']);

/** The conflict code for a database error that is a concurrent write's collision, or null for anything else. */
export function conflictOf(err: unknown): ServerErrorCode | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; table?: unknown; message?: unknown };
  if (typeof e.code !== 'string') return null;
  let table: string | undefined;
  if (PG_CODES.has(e.code) && typeof e.table === 'string') {
    if (e.code === '23503') return 'WRITE_CONFLICT';
    table = e.table;
  } else if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: accounts.enterprise_id, accounts.username"
    table = /constraint failed: ([A-Za-z0-9_]+)\./.exec(String(e.message))?.[1];
  } else if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return 'WRITE_CONFLICT';
  } else {
    return null;
  }
  return (table && BY_TABLE[table]) || 'WRITE_CONFLICT';
}
