/**
 * 0020: what issue 17 items 3 and 11 still needed.
 * - `initial_password_outbox`: the SMS with an enterprise's initial passwords, written in the transaction that
 *   creates the enterprise, its text sealed (AES-256-GCM, domain/initial-password-outbox.ts), deleted once sent.
 *   A carrier that fails after the commit no longer loses the only copy of the passwords.
 * - `renewal_confirmations`: a renewed CA certificate waiting for the enterprise administrator's SMS code before
 *   it is bound (domain/renewal-confirmation.ts).
 * Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('initial_password_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('sealed_text', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('initial_password_outbox_due').on('initial_password_outbox').column('next_attempt_at').execute();
  await db.schema
    .createTable('renewal_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('certificate_der', 'text', (c) => c.notNull())
    .addColumn('ca_profile', 'text', (c) => c.notNull())
    .addColumn('predecessor_fingerprint', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('admin_account_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('renewal_confirmations_fingerprint').on('renewal_confirmations').column('fingerprint').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('renewal_confirmations').execute();
  await db.schema.dropTable('initial_password_outbox').execute();
}
