/**
 * 0008: counter registration (线下注册). `counter_registrations` keeps who registered an enterprise at the counter
 * (the staff member), who came (legal representative or agent, the agent's name and ID number), the legal
 * representative's identity document, the originals ticked off, the scans kept, and what the registry said with
 * the clerk's override. `staff_uploads` records which staff member uploaded which file through the console, so a
 * request may name only its own staff member's uploads. Frozen once merged.
 */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_uploads_staff_sha256').on('staff_uploads').columns(['staff_id', 'sha256']).execute();

  await db.schema
    .createTable('counter_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().unique().references('enterprises.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
    .addColumn('visitor_kind', 'text', (c) => c.notNull())
    .addColumn('agent_name', 'text')
    .addColumn('agent_id_number', 'text')
    .addColumn('legal_representative_document_json', 'text', (c) => c.notNull())
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    .addColumn('agreement_sha256', 'text', (c) => c.notNull())
    .addColumn('authorisation_letter_sha256', 'text')
    .addColumn('registry_findings_json', 'text', (c) => c.notNull())
    .addColumn('registry_override', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_registrations').execute();
  await db.schema.dropTable('staff_uploads').execute();
}
