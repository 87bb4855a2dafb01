/**
 * 0007: online pre-registration. `pre_registrations` holds each request's current form (the latest revision) and
 * its status; `pending_uscc` is the USCC while the request waits for staff and NULL otherwise, so a unique index
 * keeps one request per enterprise under review on both engines (NULLs never collide). `pre_registration_events`
 * keeps every submission, refusal and approval with the form as it was then (history of the corrections).
 * Frozen once merged.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pre_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('payload_sha256', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('pending_uscc', 'text', (c) => c.unique())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('administrator_mobile', 'text', (c) => c.notNull())
    .addColumn('refusal_reason', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pre_registrations_status_updated').on('pre_registrations').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('pre_registrations_uscc').on('pre_registrations').column('uscc').execute();

  await db.schema
    .createTable('pre_registration_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pre_registration_id', 'text', (c) => c.notNull().references('pre_registrations.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('form_json', 'text')
    .addColumn('attachments_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pre_registration_events_request').on('pre_registration_events').columns(['pre_registration_id', 'at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pre_registration_events').execute();
  await db.schema.dropTable('pre_registrations').execute();
}
