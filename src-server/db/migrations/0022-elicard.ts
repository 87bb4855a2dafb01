/**
 * 0022: sessions opened by the e-licence (QR confirmation or the card licence, issue 14). Such a session proved the
 * licence, not the account's password, so a pending initial-password change does not gate it; the account's own
 * flag stays for its first password login. One row per session, gone with it. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('elicence_sessions')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('via', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('elicence_sessions').execute();
}
