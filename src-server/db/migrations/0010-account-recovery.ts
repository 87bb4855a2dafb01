/**
 * 0010: password recovery and contact binding (issue 13). `account_codes` holds every code sent to prove a mobile or
 * e-mail, hashed, with its tries and expiry; the per-account send throttle counts its rows. Which contact was bound
 * when stays in the audit log (`account.contact`). Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('destination', 'text')
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('reset_token_hash', 'text')
    .addColumn('reset_expires_at', 'text')
    .addColumn('reset_used_at', 'text')
    .execute();
  await db.schema.createIndex('account_codes_account_created').on('account_codes').columns(['account_id', 'purpose', 'created_at']).execute();
  await db.schema.createIndex('account_codes_expires').on('account_codes').column('expires_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_codes').execute();
}
