/**
 * 0006: resumable uploads (tus). `upload_tokens` are registration attempts' upload tokens (only the SHA-256 is
 * stored); `uploads` records who created each tus upload (an account of an enterprise, or a token) so nobody else
 * can resume, read or cancel it, and what it became once complete (the stored file's SHA-256). Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('upload_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('upload_tokens_expires').on('upload_tokens').column('expires_at').execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('token_id', 'text', (c) => c.references('upload_tokens.id').onDelete('cascade'))
    .addColumn('item', 'text')
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('uploads_status_created').on('uploads').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('uploads_token_sha256').on('uploads').columns(['token_id', 'sha256']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('uploads').execute();
  await db.schema.dropTable('upload_tokens').execute();
}
