/**
 * 0012: requests to the portal staff (账户变更申请). `account_requests` holds each request's latest revision and its
 * status; `pending_key` is `<slot>:<uscc>` while it waits for staff and NULL otherwise, so a unique index keeps one
 * request per kind (an administrator change and an "accounts unknown" request share the administrator slot) per
 * enterprise under review on both engines. `account_request_events` keeps every revision, refusal and approval.
 * `enterprise_names` keeps each name and address an enterprise had before a change, with the time it stopped, so
 * what was filed before shows the name it was filed under. `administrator_history` keeps the person an approved
 * administrator change replaced (the `admin` account itself is reused: usernames stay stable).
 * Frozen once merged.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('payload_sha256', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('pending_key', 'text', (c) => c.unique())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('filed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('filed_by_role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('filer_mobile', 'text', (c) => c.notNull())
    .addColumn('refusal_reason', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_requests_status_updated').on('account_requests').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('account_requests_enterprise').on('account_requests').columns(['enterprise_id', 'submitted_at']).execute();

  await db.schema
    .createTable('account_request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('account_requests.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('form_json', 'text')
    .addColumn('attachments_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_request_events_request').on('account_request_events').columns(['request_id', 'at']).execute();

  await db.schema
    .createTable('enterprise_names')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.references('account_requests.id'))
    .execute();
  await db.schema.createIndex('enterprise_names_enterprise').on('enterprise_names').columns(['enterprise_id', 'valid_until']).execute();

  await db.schema
    .createTable('administrator_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text')
    .addColumn('email', 'text')
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('account_requests.id'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('administrator_history').execute();
  await db.schema.dropTable('enterprise_names').execute();
  await db.schema.dropTable('account_request_events').execute();
  await db.schema.dropTable('account_requests').execute();
}
