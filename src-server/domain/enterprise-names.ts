/**
 * An enterprise's names over time (企业名称变更): the current name lives on `enterprises`; each earlier name and
 * address is a row of `enterprise_names` with the time it stopped. What was filed before a change keeps showing
 * the name it was filed under (an application's list line and view), while everything new uses the new name.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EnterpriseTable } from '../db/schema';
import type {} from '../db/schema-requests';

type Db = Kysely<Database> | Transaction<Database>;

/** The name the enterprise had at `at` (an ISO time); the current one when it has not been renamed since. */
export async function enterpriseNameAt(db: Db, enterprise: Pick<EnterpriseTable, 'id' | 'name'>, at: string | null): Promise<string> {
  if (!at) return enterprise.name;
  const earlier = await db
    .selectFrom('enterprise_names')
    .select('name')
    .where('enterprise_id', '=', enterprise.id)
    .where('valid_from', '<=', at)
    .where('valid_until', '>', at)
    .executeTakeFirst();
  return earlier?.name ?? enterprise.name;
}

/** Renames in the caller's transaction: the old name and address go into the history, from when they began. */
export async function renameEnterprise(tx: Transaction<Database>, enterprise: EnterpriseTable, next: { name: string; address: string; requestId: string }, now: Date) {
  const last = await tx.selectFrom('enterprise_names').select('valid_until').where('enterprise_id', '=', enterprise.id).orderBy('valid_until', 'desc').executeTakeFirst();
  await tx
    .insertInto('enterprise_names')
    .values({
      id: randomUUID(),
      enterprise_id: enterprise.id,
      name: enterprise.name,
      address: enterprise.address,
      valid_from: last?.valid_until ?? enterprise.created_at,
      valid_until: now.toISOString(),
      request_id: next.requestId,
    })
    .execute();
  await tx.updateTable('enterprises').set({ name: next.name, address: next.address, updated_at: now.toISOString() }).where('id', '=', enterprise.id).execute();
}
