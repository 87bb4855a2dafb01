/**
 * 0005: what the housekeeping job (domain/housekeeping.ts) needs. `files.touched_at` is the last time something
 * vouched for a file that may have no owner yet: its upload (every upload of the same bytes again) or a
 * registration submit that lists it. Housekeeping removes an unowned, unreferenced file only when that time is
 * older than the retention, and the upload and the submit write it in the same order as housekeeping checks it,
 * so a file cannot vanish between its upload and the submit that uses it. Existing rows start from their
 * `created_at`. Frozen once merged.
 */
import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').addColumn('touched_at', 'text').execute();
  await sql`UPDATE files SET touched_at = created_at WHERE touched_at IS NULL`.execute(db);
  await db.schema.createIndex('files_touched_at').on('files').column('touched_at').execute();
  await db.schema.createIndex('registrations_status_updated').on('registrations').columns(['status', 'updated_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_status_updated').execute();
  await db.schema.dropIndex('files_touched_at').execute();
  await db.schema.alterTable('files').dropColumn('touched_at').execute();
}
