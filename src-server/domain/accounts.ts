/** Enterprise accounts: creation with an initial password, the view other modules show, and password changes. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AccountRole, ServiceItem } from '@shared/contract/http/route';
import { serviceItemSchema } from '@shared/contract/http/route';
import { maskMobile } from '@shared/validation/mobile';
import type { AccountTable, Database } from '../db/schema';
import type {} from '../db/schema-roles';
import { ApiError } from '../http/api-error';
import { writeAudit, type Actor } from './audit';
import { hashPassword } from './passwords';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAccount {
  enterpriseId: string;
  username: string;
  role: AccountRole;
  displayName: string;
  mobile: string | null;
  email?: string | null;
  password: string;
  permissions: readonly ServiceItem[];
}

export async function insertAccount(db: Db, input: NewAccount, actor: Actor, now: Date, requestId?: string) {
  const taken = await db
    .selectFrom('accounts')
    .select('id')
    .where('enterprise_id', '=', input.enterpriseId)
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new ApiError('USERNAME_TAKEN');
  const row: AccountTable = {
    id: randomUUID(),
    enterprise_id: input.enterpriseId,
    username: input.username,
    role: input.role,
    display_name: input.displayName,
    mobile: input.mobile,
    email: input.email ?? null,
    password_hash: await hashPassword(input.password),
    must_change_password: 1,
    status: 'active',
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto('accounts').values(row).execute();
  if (input.role === 'handler' && input.permissions.length) {
    await db
      .insertInto('account_permissions')
      .values([...new Set(input.permissions)].map((item) => ({ account_id: row.id, item })))
      .execute();
  }
  await writeAudit(db, {
    actor,
    enterpriseId: input.enterpriseId,
    action: 'account.create',
    subjectType: 'account',
    subjectId: row.id,
    after: { ...row, permissions: input.permissions },
    at: now,
    requestId: requestId ?? null,
  });
  return row;
}

export async function permissionsOf(db: Db, account: Pick<AccountTable, 'id' | 'role'>): Promise<ServiceItem[]> {
  if (account.role !== 'handler') return [...serviceItemSchema.options];
  const rows = await db.selectFrom('account_permissions').select('item').where('account_id', '=', account.id).execute();
  return rows.map((r) => r.item as ServiceItem).sort();
}

export async function accountView(db: Db, account: AccountTable) {
  return {
    id: account.id,
    username: account.username,
    role: account.role,
    displayName: account.display_name,
    mobile: account.mobile ? maskMobile(account.mobile) : null,
    permissions: await permissionsOf(db, account),
    // Removed accounts are never listed.
    status: account.status === 'deactivated' ? ('deactivated' as const) : ('active' as const),
  };
}
