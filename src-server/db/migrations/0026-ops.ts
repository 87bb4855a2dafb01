/**
 * 0026: what several server processes on one database share (issue 20 part 4). `rate_windows` holds the
 * fixed-window counters of the per-address limits (http/shared-limit.ts), so a limit that guards a secret (a code,
 * a link) holds across every process instead of once per process. `job_leases` is the one row per periodic job
 * (housekeeping) that a process must hold to run it on SQLite, where PostgreSQL uses an advisory lock
 * (domain/job-lock.ts). Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_windows')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_windows_start').on('rate_windows').column('window_start').execute();
  await db.schema
    .createTable('job_leases')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('until', 'bigint', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
  await db.schema.dropTable('rate_windows').execute();
}
