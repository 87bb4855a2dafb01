/** The Beijing platform's event trail (`beijing_events`): who did what to which account, certification or binding. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BeijingEventTable } from '../db/schema-beijing';
import type { Database } from '../db/schema';

export async function writeEvent(
  db: Kysely<Database>,
  e: { subject: [BeijingEventTable['subject_type'], string]; action: string; actor: [BeijingEventTable['actor_type'], string | null]; details?: object; at: Date },
): Promise<void> {
  await db
    .insertInto('beijing_events')
    .values({
      id: randomUUID(),
      subject_type: e.subject[0],
      subject_id: e.subject[1],
      action: e.action,
      actor_type: e.actor[0],
      actor_id: e.actor[1],
      details_json: e.details ? JSON.stringify(e.details) : null,
      at: e.at.toISOString(),
    })
    .execute();
}
