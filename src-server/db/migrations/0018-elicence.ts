/**
 * 0018: e-business licence login (issue 14). `elicence_logins` is each QR login's state machine (the poll secret
 * only hashed); `elicence_callback_nonces` refuses a replayed callback; `elicence_persons` maps a licence person
 * (the service's stable person id) to the account a login lands on, with an agent's term. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('elicence_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('scanned_name', 'text')
    .addColumn('scanned_role', 'text')
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('refusal_code', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('elicence_callback_nonces')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('elicence_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('valid_until', 'text')
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('elicence_persons_person', ['enterprise_id', 'person_id', 'role'])
    .execute();
  await db.schema.createIndex('elicence_persons_account').on('elicence_persons').column('account_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('elicence_persons').execute();
  await db.schema.dropTable('elicence_callback_nonces').execute();
  await db.schema.dropTable('elicence_logins').execute();
}
