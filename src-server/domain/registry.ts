/**
 * The legal-person registry (法人库), imported from the market regulator's CSV export. Rows are upserted by USCC;
 * a row whose USCC fails GB 32100 makes the whole import fail with its line number, because a half-imported
 * registry silently refuses real enterprises.
 */
import type { Kysely } from 'kysely';
import { parseUscc } from '@shared/validation/uscc';
import type { Database, RegistryEntryTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { writeAudit, type Actor } from './audit';

const COLUMNS = ['uscc', 'name', 'legalRepresentative', 'idType', 'idNumber', 'address', 'status'] as const;

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a UTF-8 BOM (Excel's habit) is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new ApiError('REGISTRY_CSV_INVALID');
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function registryRowsFromCsv(text: string, now: Date): RegistryEntryTable[] {
  const [header, ...rows] = parseCsv(text);
  const index = COLUMNS.map((c) => header?.map((h) => h.trim()).indexOf(c) ?? -1);
  if (index.some((i) => i < 0)) throw new ApiError('REGISTRY_CSV_INVALID', { issues: [{ path: 'csv.header', code: 'missing_column' }] });
  return rows.map((r, n) => {
    const get = (k: (typeof COLUMNS)[number]) => (r[index[COLUMNS.indexOf(k)]!] ?? '').trim();
    const uscc = parseUscc(get('uscc'));
    if (!uscc.ok || !get('name')) {
      throw new ApiError('REGISTRY_CSV_INVALID', { issues: [{ path: `csv.line${n + 2}`, code: uscc.ok ? 'name_missing' : uscc.code }] });
    }
    return {
      uscc: uscc.value,
      name: get('name'),
      legal_representative: get('legalRepresentative'),
      id_type: get('idType'),
      id_number: get('idNumber'),
      address: get('address'),
      status: get('status') || 'active',
      imported_at: now.toISOString(),
    };
  });
}

export async function importRegistry(db: Kysely<Database>, csv: string, actor: Actor, now: Date, requestId: string) {
  const rows = registryRowsFromCsv(csv, now);
  return db.transaction().execute(async (tx) => {
    let imported = 0;
    let updated = 0;
    for (const row of rows) {
      const before = await tx.selectFrom('registry_entries').selectAll().where('uscc', '=', row.uscc).executeTakeFirst();
      if (before) {
        await tx.updateTable('registry_entries').set(row).where('uscc', '=', row.uscc).execute();
        updated++;
      } else {
        await tx.insertInto('registry_entries').values(row).execute();
        imported++;
      }
      await writeAudit(tx, {
        actor,
        enterpriseId: null,
        action: before ? 'registry.update' : 'registry.import',
        subjectType: 'registry_entry',
        subjectId: row.uscc,
        before,
        after: row,
        at: now,
        requestId,
      });
    }
    return { imported, updated };
  });
}
