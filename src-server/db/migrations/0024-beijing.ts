/**
 * 0024: the Beijing SME platform (manual 004, issue 16). `platform_accounts`: one per mobile (the manual's "一部手机一个
 * 账号"), password hashed. `platform_codes`: registration and 一证通 password codes (hashed, sms-code.ts).
 * `beijing_certifications`: one per platform account while it is not rejected (`active_account`), with the 一证通
 * account it created (username unique, password hashed). `beijing_bindings`: an enterprise bound to a platform
 * account by 口令登录; `active_code` and `active_account` are set while the binding lasts and NULL after, so unique
 * indexes keep one holder per enterprise and one enterprise per account on both engines — of two accounts binding
 * one enterprise at once exactly one insert succeeds. `beijing_unbinding_requests`: one pending per requester and
 * enterprise (`pending_key`). `beijing_events`: every submission, decision, binding and its end.
 * Frozen once merged.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mobile', 'text', (c) => c.notNull().unique())
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('user_type', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('platform_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('platform_codes_mobile').on('platform_codes').columns(['mobile', 'purpose', 'created_at']).execute();

  await db.schema
    .createTable('beijing_certifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_account_id', 'text', (c) => c.notNull().references('platform_accounts.id'))
    .addColumn('active_account', 'text', (c) => c.unique())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('legal_name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('documents_json', 'text', (c) => c.notNull())
    .addColumn('yzt_username', 'text', (c) => c.notNull())
    // The 一证通 username is held while the certification is pending or verified; a rejected one frees it, so the
    // clerk can try again under the same name (as active_account frees the platform account).
    .addColumn('active_yzt_username', 'text', (c) => c.unique())
    .addColumn('yzt_password_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_deadline', 'text')
    .addColumn('reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('beijing_certifications_status').on('beijing_certifications').columns(['status', 'review_deadline']).execute();

  await db.schema
    .createTable('beijing_bindings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_account_id', 'text', (c) => c.notNull().references('platform_accounts.id'))
    .addColumn('certification_id', 'text', (c) => c.notNull().references('beijing_certifications.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('active_code', 'text', (c) => c.unique())
    .addColumn('active_account', 'text', (c) => c.unique())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('beijing_bindings_code').on('beijing_bindings').columns(['code', 'bound_at']).execute();

  await db.schema
    .createTable('beijing_unbinding_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('platform_accounts.id'))
    .addColumn('binding_id', 'text', (c) => c.notNull().references('beijing_bindings.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('pending_key', 'text', (c) => c.unique())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_mobile', 'text', (c) => c.notNull())
    .addColumn('documents_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('beijing_unbinding_requests_status').on('beijing_unbinding_requests').columns(['status', 'submitted_at']).execute();

  await db.schema
    .createTable('beijing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('details_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('beijing_events_subject').on('beijing_events').columns(['subject_type', 'subject_id', 'at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['beijing_events', 'beijing_unbinding_requests', 'beijing_bindings', 'beijing_certifications', 'platform_codes', 'platform_accounts']) {
    await db.schema.dropTable(t).execute();
  }
}
