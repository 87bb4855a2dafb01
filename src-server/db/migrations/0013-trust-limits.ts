/**
 * 0013: limits that hold under concurrency (issue 17). `login_throttle` is one row per login subject (an account
 * name as typed, or an address), counted by a single upsert so that concurrent wrong passwords are all counted and
 * a progressive delay (`blocked_until`, epoch milliseconds) replaces the hard lock. `subsidy_year_quotas` is the
 * row each submission and approval of an enterprise's year locks before it reads what the year already used, so
 * concurrent submissions cannot pass the yearly cap together. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_last').on('login_throttle').column('last_at').execute();
  await db.schema
    .createTable('subsidy_year_quotas')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subsidy_year_quotas_pk', ['enterprise_id', 'year'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subsidy_year_quotas').execute();
  await db.schema.dropTable('login_throttle').execute();
}
