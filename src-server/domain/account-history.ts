/**
 * The grants-and-changes history super and admin read (issue 13): the enterprise's audit rows about its accounts
 * (created, items granted or revoked, deactivated, reactivated, removed, password reset or changed, certificates
 * bound or unbound), newest first, paged, with the actor's and the account's usernames. Only an allowlist of each
 * row's fields is shown, so nothing a later audit row might carry (hashes, mobiles) leaks here.
 */
import type { AccountEvent } from '@shared/contract/http/account-roles';
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema';

export const ACCOUNT_EVENT_ACTIONS = [
  'account.create',
  'account.permissions',
  'account.status',
  'account.remove',
  'password.reset',
  'password.change',
  'certificate.bind',
  'certificate.unbind',
  'certificate.renewed_binding',
] as const;

const SHOWN_FIELDS = ['username', 'role', 'status', 'permissions', 'subject', 'not_after', 'how'] as const;

function shown(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  const value = JSON.parse(json) as Record<string, unknown> | null;
  if (!value || typeof value !== 'object') return null;
  const picked = Object.fromEntries(SHOWN_FIELDS.filter((k) => k in value).map((k) => [k, value[k]]));
  return Object.keys(picked).length ? picked : null;
}

/** The account a row is about: the subject, or for a certificate the account it was bound to or unbound from. */
function accountIdOf(row: AuditLogTable): string | null {
  if (row.subject_type === 'account') return row.subject_id;
  for (const json of [row.after_json, row.before_json]) {
    const id = json ? (JSON.parse(json) as { account_id?: unknown } | null)?.account_id : undefined;
    if (typeof id === 'string') return id;
  }
  return null;
}

export async function accountHistory(db: Kysely<Database>, enterpriseId: string, page: number, pageSize: number) {
  const base = db.selectFrom('audit_log').where('enterprise_id', '=', enterpriseId).where('action', 'in', [...ACCOUNT_EVENT_ACTIONS]);
  const { total } = await base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const accountIds = new Set<string>();
  const staffIds = new Set<string>();
  for (const r of rows) {
    if (r.actor_type === 'account' && r.actor_id) accountIds.add(r.actor_id);
    if (r.actor_type === 'staff' && r.actor_id) staffIds.add(r.actor_id);
    const subject = accountIdOf(r);
    if (subject) accountIds.add(subject);
  }
  const names = new Map<string, string>();
  if (accountIds.size) {
    for (const a of await db.selectFrom('accounts').select(['id', 'username']).where('enterprise_id', '=', enterpriseId).where('id', 'in', [...accountIds]).execute()) names.set(a.id, a.username);
  }
  if (staffIds.size) {
    for (const s of await db.selectFrom('staff_accounts').select(['id', 'username']).where('id', 'in', [...staffIds]).execute()) names.set(s.id, s.username);
  }
  const entries: AccountEvent[] = rows.map((r) => {
    const accountId = accountIdOf(r);
    const username = accountId ? names.get(accountId) : undefined;
    return {
      id: r.id,
      at: r.at,
      action: r.action,
      actor: { type: r.actor_type, username: (r.actor_id && names.get(r.actor_id)) ?? null },
      account: accountId && username ? { id: accountId, username } : null,
      before: shown(r.before_json),
      after: shown(r.after_json),
    };
  });
  return { entries, total: Number(total), page, pageSize };
}
