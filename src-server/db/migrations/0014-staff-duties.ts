/**
 * 0014: staff duties (issue 17 item 6). The new role `counter` (线下注册 at the hall) takes the counter from
 * `support`, which keeps the help desk (pre-registration review, account requests, admin password resets). The
 * mapping of existing staff accounts:
 *
 * | before | after |
 * | --- | --- |
 * | `support` who registered at least one enterprise at the counter (`counter_registrations.staff_id`) | `counter` |
 * | every other `support` | `support` |
 * | `reviewer`, `finance`, `admin` | unchanged |
 *
 * A support member who did both keeps the counter (the duty they used); an admin gives the help desk back by
 * creating a second account. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('staff_accounts')
    .set({ role: 'counter' })
    .where('role', '=', 'support')
    .where((eb) => eb.exists(eb.selectFrom('counter_registrations').select('counter_registrations.id').whereRef('counter_registrations.staff_id', '=', 'staff_accounts.id')))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('staff_accounts').set({ role: 'support' }).where('role', '=', 'counter').execute();
}
