/**
 * The audit trail: every state change writes who did it, what, when, and the record before and after. Written in
 * the same transaction as the change, so there is never a change without its row.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema';

export interface Actor {
  type: AuditLogTable['actor_type'];
  id: string | null;
}

export interface AuditEntry {
  actor: Actor;
  enterpriseId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  at: Date;
}

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['password_hash', 'sms_code_hash', 'token_hash', 'answer', 'payload_json', 'certificate_der']);

function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return JSON.stringify(value);
  return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_FIELDS.has(k))));
}

export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: entry.at.toISOString(),
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      enterprise_id: entry.enterpriseId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      before_json: scrub(entry.before),
      after_json: scrub(entry.after),
      request_id: entry.requestId ?? null,
    })
    .execute();
}
