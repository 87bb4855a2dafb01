/**
 * 0009: legacy hub accounts (企服平台账号, manual 000) imported from the old platform, and their service-item history.
 * `legacy_accounts.password_hash` is the old platform's salted PBKDF2 hash as exported (never a plain password);
 * `upgraded_*` are set once, when the account is bound to a one-stop account. History rows get `enterprise_id`
 * when they are carried to the one-stop enterprise at the upgrade. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legacy_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('legacy_role', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('upgraded_at', 'text')
    .addColumn('upgraded_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('upgraded_enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .execute();
  await db.schema.createIndex('legacy_accounts_uscc').on('legacy_accounts').column('uscc').execute();

  await db.schema
    .createTable('legacy_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('legacy_account_id', 'text', (c) => c.notNull().references('legacy_accounts.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .execute();
  await db.schema.createIndex('legacy_history_account').on('legacy_history').column('legacy_account_id').execute();
  await db.schema.createIndex('legacy_history_enterprise').on('legacy_history').columns(['enterprise_id', 'date']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('legacy_history').execute();
  await db.schema.dropTable('legacy_accounts').execute();
}
