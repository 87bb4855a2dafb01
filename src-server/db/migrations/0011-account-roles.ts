/**
 * 0011: roles that work (issue 13). Accounts get a `status` (`active`, `deactivated`: refused at login and at
 * their next request; `removed`: an administrator or handler taken away by who manages it, kept for the history).
 * A certificate may now be bound to several accounts of its enterprise (the company key used by the admin and by
 * each handler who proved its password once), so `certificate_bindings` is keyed by (fingerprint, account_id)
 * instead of the fingerprint alone; the table is rebuilt because SQLite cannot change a primary key. Existing
 * bindings are copied as they are. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('status', 'text', (c) => c.notNull().defaultTo('active')).execute();
  await rebuildBindings(db, 'certificate_bindings_0011', false);
  await db.schema.createIndex('certificate_bindings_account').on('certificate_bindings').column('account_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  // Back to one account per certificate: the oldest binding of each certificate stays.
  await db.schema.dropIndex('certificate_bindings_account').execute();
  await db
    .deleteFrom('certificate_bindings as b')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('certificate_bindings as o')
          .select('o.fingerprint')
          .whereRef('o.fingerprint', '=', 'b.fingerprint')
          .where((w) => w.or([w('o.created_at', '<', w.ref('b.created_at')), w.and([w('o.created_at', '=', w.ref('b.created_at')), w('o.account_id', '<', w.ref('b.account_id'))])])),
      ),
    )
    .execute();
  await rebuildBindings(db, 'certificate_bindings_0010', true);
  await db.schema.alterTable('accounts').dropColumn('status').execute();
}

/** The bindings table again under `temp`, keyed by the fingerprint alone (before 0011) or with the account. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildBindings(db: Kysely<any>, temp: string, fingerprintKey: boolean): Promise<void> {
  const columns = ['fingerprint', 'enterprise_id', 'account_id', 'subject', 'not_after', 'created_at', 'certificate_der', 'ca_profile'];
  const table = db.schema
    .createTable(temp)
    .addColumn('fingerprint', 'text', (c) => (fingerprintKey ? c.primaryKey() : c.notNull()))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('certificate_der', 'text')
    .addColumn('ca_profile', 'text');
  await (fingerprintKey ? table : table.addPrimaryKeyConstraint(`${temp}_pk`, ['fingerprint', 'account_id'] as never[])).execute();
  await db.insertInto(temp).columns(columns).expression(db.selectFrom('certificate_bindings').select(columns)).execute();
  await db.schema.dropTable('certificate_bindings').execute();
  await db.schema.alterTable(temp).renameTo('certificate_bindings').execute();
  await db.schema.createIndex('certificate_bindings_enterprise').on('certificate_bindings').column('enterprise_id').execute();
}
