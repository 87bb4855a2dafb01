/** Portal staff accounts (reviewer, finance, support, admin). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffRole } from '@shared/contract/http/route';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { writeAudit, type Actor } from './audit';
import { hashPassword } from './passwords';

export async function createStaffAccount(
  db: Kysely<Database>,
  input: { username: string; role: StaffRole; password: string; mustChangePassword?: boolean },
  actor: Actor,
  now: Date,
  requestId: string | null = null,
) {
  if (await db.selectFrom('staff_accounts').select('id').where('username', '=', input.username).executeTakeFirst()) {
    throw new ApiError('USERNAME_TAKEN');
  }
  const row = {
    id: randomUUID(),
    username: input.username,
    role: input.role,
    password_hash: await hashPassword(input.password),
    must_change_password: input.mustChangePassword === false ? 0 : 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('staff_accounts').values(row).execute();
    await writeAudit(tx, { actor, enterpriseId: null, action: 'staff.create', subjectType: 'staff', subjectId: row.id, after: row, at: now, requestId });
  });
  return row;
}

/** First start with `TONGBAN_STAFF_ADMIN_PASSWORD`: creates staff `admin` (to change at first login). */
export async function bootstrapStaffAdmin(db: Kysely<Database>, password: string, now: Date): Promise<boolean> {
  const any = await db.selectFrom('staff_accounts').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await createStaffAccount(db, { username: 'admin', role: 'admin', password }, { type: 'system', id: null }, now);
  return true;
}
