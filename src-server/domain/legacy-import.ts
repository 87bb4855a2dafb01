/**
 * Import of legacy hub accounts (企服平台账号) from the old platform's CSV export, with the same RFC 4180 parser as
 * the registry. Any bad row fails the whole import with its line number (`accounts.line<N>` / `history.line<N>`):
 * a half-imported account list would let some clerks in and refuse others for no reason they could see.
 *
 * Accounts are upserted by the old username; an account already upgraded is left alone (`skipped`), since its
 * binding and carried history are facts now. The history of an account named in the history CSV replaces its
 * earlier imported rows.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LEGACY_HASH_PATTERN, LEGACY_ROLE_LABELS } from '@shared/contract/http/legacy';
import { serviceItemSchema } from '@shared/contract/http/route';
import { parseMobile } from '@shared/validation/mobile';
import { parseUscc } from '@shared/validation/uscc';
import type { Database } from '../db/schema';
import type { LegacyAccountTable } from '../db/schema-legacy';
import { ApiError } from '../http/api-error';
import { writeAudit, type Actor } from './audit';
import { parseCsv } from './registry';

const ACCOUNT_COLUMNS = ['uscc', 'enterpriseName', 'username', 'role', 'displayName', 'mobile', 'passwordHash', 'items'] as const;
const HISTORY_COLUMNS = ['username', 'item', 'title', 'date', 'status'] as const;
/** The username rule of one-stop accounts, since a handler's upgrade opens an account under the same name. */
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

const refuse = (path: string, code: string): never => {
  throw new ApiError('LEGACY_CSV_INVALID', { issues: [{ path, code }] });
};

/** Rows as objects keyed by the header's column names; a missing column fails on the header line. */
function table<C extends string>(text: string, columns: readonly C[], file: string): { line: number; get: (c: C) => string }[] {
  let parsed: string[][];
  try {
    parsed = parseCsv(text);
  } catch {
    return refuse(`${file}.line0`, 'unterminated_quote');
  }
  const [header, ...rows] = parsed;
  const index = columns.map((c) => header?.map((h) => h.trim()).indexOf(c) ?? -1);
  const missing = columns.find((_, i) => index[i]! < 0);
  if (missing) refuse(`${file}.header`, `missing_column_${missing}`);
  return rows.map((r, n) => ({ line: n + 2, get: (c: C) => (r[index[columns.indexOf(c)]!] ?? '').trim() }));
}

function accountRows(csv: string, now: Date): Omit<LegacyAccountTable, 'id'>[] {
  const seen = new Set<string>();
  return table(csv, ACCOUNT_COLUMNS, 'accounts').map(({ line, get }) => {
    const at = `accounts.line${line}`;
    const uscc = parseUscc(get('uscc'));
    if (!uscc.ok) return refuse(at, uscc.code);
    const username = get('username');
    if (!USERNAME.test(username)) refuse(at, 'username_format');
    if (seen.has(username)) refuse(at, 'username_repeated');
    seen.add(username);
    const role = LEGACY_ROLE_LABELS[get('role')];
    if (!role) return refuse(at, 'role_unknown');
    const mobile = parseMobile(get('mobile'));
    if (!mobile.ok) return refuse(at, mobile.code);
    // Only a salted, iterated hash: a plain password or an unsalted MD5 must never land in this database.
    if (!LEGACY_HASH_PATTERN.test(get('passwordHash'))) refuse(at, 'hash_format');
    const items = get('items').split(/[;；]/).map((s) => s.trim()).filter(Boolean);
    if (items.some((i) => !serviceItemSchema.safeParse(i).success)) refuse(at, 'item_unknown');
    if (!get('enterpriseName') || !get('displayName')) refuse(at, 'name_missing');
    return {
      username,
      uscc: uscc.value,
      enterprise_name: get('enterpriseName'),
      legacy_role: role,
      display_name: get('displayName'),
      mobile: mobile.value,
      password_hash: get('passwordHash'),
      items_json: JSON.stringify([...new Set(items)]),
      imported_at: now.toISOString(),
      upgraded_at: null,
      upgraded_account_id: null,
      upgraded_enterprise_id: null,
    };
  });
}

function historyRows(csv: string) {
  return table(csv, HISTORY_COLUMNS, 'history').map(({ line, get }) => {
    const at = `history.line${line}`;
    const date = get('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) refuse(at, 'date_format');
    if (!get('username') || !get('item') || !get('title') || !get('status')) refuse(at, 'value_missing');
    return { line, username: get('username'), item: get('item'), title: get('title'), date, status: get('status') };
  });
}

export async function importLegacyAccounts(
  db: Kysely<Database>,
  csv: { accounts: string; history?: string | undefined },
  ctx: { actor: Actor; now: Date; requestId: string },
) {
  const accounts = accountRows(csv.accounts, ctx.now);
  const history = csv.history ? historyRows(csv.history) : [];
  return db.transaction().execute(async (tx) => {
    const counts = { imported: 0, updated: 0, skipped: 0, historyRows: 0 };
    for (const row of accounts) {
      const before = await tx.selectFrom('legacy_accounts').selectAll().where('username', '=', row.username).executeTakeFirst();
      if (before?.upgraded_at) {
        counts.skipped++;
        continue;
      }
      const id = before?.id ?? randomUUID();
      if (before) await tx.updateTable('legacy_accounts').set(row).where('id', '=', id).execute();
      else await tx.insertInto('legacy_accounts').values({ id, ...row }).execute();
      counts[before ? 'updated' : 'imported']++;
      await writeAudit(tx, {
        actor: ctx.actor,
        enterpriseId: null,
        action: before ? 'legacy_account.update' : 'legacy_account.import',
        subjectType: 'legacy_account',
        subjectId: id,
        before,
        after: { id, ...row },
        at: ctx.now,
        requestId: ctx.requestId,
      });
    }
    const replaced = new Set<string>();
    for (const h of history) {
      const owner = await tx.selectFrom('legacy_accounts').select(['id', 'upgraded_at']).where('username', '=', h.username).executeTakeFirst();
      if (!owner) refuse(`history.line${h.line}`, 'account_unknown');
      if (owner!.upgraded_at) continue;
      if (!replaced.has(owner!.id)) {
        await tx.deleteFrom('legacy_history').where('legacy_account_id', '=', owner!.id).execute();
        replaced.add(owner!.id);
      }
      await tx
        .insertInto('legacy_history')
        .values({ id: randomUUID(), legacy_account_id: owner!.id, item: h.item, title: h.title, date: h.date, status: h.status, enterprise_id: null })
        .execute();
      counts.historyRows++;
    }
    if (counts.historyRows) {
      await writeAudit(tx, {
        actor: ctx.actor,
        enterpriseId: null,
        action: 'legacy_history.import',
        subjectType: 'legacy_account',
        subjectId: [...replaced].join(','),
        after: { rows: counts.historyRows, accounts: replaced.size },
        at: ctx.now,
        requestId: ctx.requestId,
      });
    }
    return counts;
  });
}
