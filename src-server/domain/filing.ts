/**
 * Construction filings (小型建设工程开工备案): the record, its views, drafts, and every change of status through
 * `transition()`, which checks the state machine (`filingTransitions`), updates the row only if it is still in an
 * allowed state (of two concurrent changes one wins, the other is a `FILING_STATE_CONFLICT`), and writes the
 * timeline entry and the audit row in one transaction. The contact is told afterwards, as for the subsidy.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { filingTransitions, type FilingAction, type FilingDraftForm, type FilingStatus, type FilingView } from '@shared/contract/http/filing';
import type { Database } from '../db/schema';
import type { ConstructionFilingTable } from '../db/schema-filing';
import { ApiError } from '../http/api-error';
import { filingMail, filingSms } from '../notifications/filing-templates';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { actorName, type SubsidyActor as FilingActor } from './subsidy';

export type { FilingActor };
type Db = Kysely<Database> | Transaction<Database>;

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export async function findFiling(db: Db, id: string, enterpriseId?: string) {
  let query = db.selectFrom('construction_filings').selectAll().where('id', '=', id);
  if (enterpriseId) query = query.where('enterprise_id', '=', enterpriseId);
  const row = await query.executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

const projectNameOf = (form: { project?: Record<string, unknown> }) => (typeof form.project?.name === 'string' ? form.project.name.slice(0, 100) : '');

export async function filingView(db: Db, row: ConstructionFilingTable): Promise<FilingView> {
  const e = await db.selectFrom('enterprises').select(['uscc', 'name']).where('id', '=', row.enterprise_id).executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom('construction_filing_versions')
    .select(['pdf_sha256', 'pdf_size'])
    .where('filing_id', '=', row.id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    status: row.status,
    enterprise: { uscc: e.uscc, name: e.name },
    form: JSON.parse(row.form_json) as Record<string, unknown>,
    version: Number(row.version),
    signedPdf: latest ? { sha256: latest.pdf_sha256, size: Number(latest.pdf_size) } : null,
    returnComments: row.status === 'returned' || row.status === 'resubmitted' ? parseJson(row.return_json) : null,
    rejectReason: row.reject_reason,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function filingSummary(r: ConstructionFilingTable, enterprise: { name: string; uscc: string }) {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: enterprise.name,
    enterpriseUscc: enterprise.uscc,
    projectName: r.project_name,
    status: r.status,
    version: Number(r.version),
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  };
}

/** The timeline, oldest first; `forEnterprise` names staff by role only (reviewers' accounts are not its business). */
export async function filingTimeline(db: Db, filingId: string, forEnterprise = false) {
  const rows = await db.selectFrom('construction_filing_events').selectAll().where('filing_id', '=', filingId).orderBy('seq').execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action as FilingAction | 'create',
    status: r.status,
    actor: forEnterprise && r.actor_type === 'staff' ? { type: r.actor_type, id: '', name: '审核人员' } : { type: r.actor_type, id: r.actor_id, name: r.actor_name },
    comment: r.comment,
    details: parseJson<Record<string, unknown>>(r.details_json),
  }));
}

async function addEvent(
  tx: Db,
  e: { filingId: string; action: FilingAction | 'create'; status: FilingStatus; actor: FilingActor; comment?: string | null; details?: unknown; at: Date },
) {
  const last = await tx.selectFrom('construction_filing_events').select('seq').where('filing_id', '=', e.filingId).orderBy('seq', 'desc').executeTakeFirst();
  await tx
    .insertInto('construction_filing_events')
    .values({
      id: randomUUID(),
      filing_id: e.filingId,
      seq: Number(last?.seq ?? 0) + 1,
      at: e.at.toISOString(),
      action: e.action,
      status: e.status,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_name: await actorName(tx, e.actor),
      comment: e.comment ?? null,
      details_json: e.details === undefined || e.details === null ? null : JSON.stringify(e.details),
    })
    .execute();
}

export async function createFilingDraft(services: Services, enterpriseId: string, form: FilingDraftForm, actor: FilingActor, requestId: string) {
  const now = services.clock.now().toISOString();
  const row: ConstructionFilingTable = {
    id: randomUUID(),
    enterprise_id: enterpriseId,
    status: 'draft',
    form_json: JSON.stringify(form),
    project_name: projectNameOf(form),
    version: 0,
    contact_mobile: null,
    contact_email: null,
    return_json: null,
    reject_reason: null,
    created_by: actor.id,
    submitted_at: null,
    created_at: now,
    updated_at: now,
  };
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('construction_filings').values(row).execute();
    await addEvent(tx, { filingId: row.id, action: 'create', status: 'draft', actor, at: new Date(now) });
    await writeAudit(tx, { actor, enterpriseId, action: 'filing.create', subjectType: 'construction_filing', subjectId: row.id, after: { ...row, form_json: undefined }, at: new Date(now), requestId });
  });
  return row;
}

/** Drafts are edited while the filing is a draft or returned for correction. */
export async function saveFilingDraft(services: Services, row: ConstructionFilingTable, form: FilingDraftForm, actor: FilingActor, requestId: string) {
  const now = services.clock.now();
  const patch = { form_json: JSON.stringify(form), project_name: projectNameOf(form), updated_at: now.toISOString() };
  await services.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('construction_filings')
      .set(patch)
      .where('id', '=', row.id)
      .where('status', 'in', ['draft', 'returned'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new ApiError('FILING_STATE_CONFLICT');
    await writeAudit(tx, {
      actor,
      enterpriseId: row.enterprise_id,
      action: 'filing.save_draft',
      subjectType: 'construction_filing',
      subjectId: row.id,
      before: { project_name: row.project_name, updated_at: row.updated_at },
      after: { project_name: patch.project_name, updated_at: patch.updated_at },
      at: now,
      requestId,
    });
  });
  return findFiling(services.db, row.id);
}

export interface FilingTransitionInput {
  action: FilingAction;
  actor: FilingActor;
  patch?: Partial<Omit<ConstructionFilingTable, 'id' | 'enterprise_id' | 'status' | 'created_at' | 'created_by'>>;
  comment?: string | null;
  details?: unknown;
  /** More writes in the same transaction (a submitted version). */
  also?: (tx: Transaction<Database>) => Promise<void>;
  requestId: string;
  log: FastifyBaseLogger;
}

export function assertFilingAllowed(row: Pick<ConstructionFilingTable, 'status'>, action: FilingAction): void {
  if (!filingTransitions[action].from.includes(row.status)) throw new ApiError('FILING_STATE_CONFLICT');
}

export async function transitionFiling(services: Services, row: ConstructionFilingTable, input: FilingTransitionInput): Promise<ConstructionFilingTable> {
  const { from, to } = filingTransitions[input.action];
  assertFilingAllowed(row, input.action);
  const now = services.clock.now();
  const after = { ...input.patch, status: to, updated_at: now.toISOString() };
  await services.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('construction_filings')
      .set(after)
      .where('id', '=', row.id)
      .where('status', 'in', [...from])
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new ApiError('FILING_STATE_CONFLICT');
    await input.also?.(tx);
    await addEvent(tx, { filingId: row.id, action: input.action, status: to, actor: input.actor, comment: input.comment, details: input.details, at: now });
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, row[k as keyof ConstructionFilingTable]]));
    await writeAudit(tx, {
      actor: input.actor,
      enterpriseId: row.enterprise_id,
      action: `filing.${input.action}`,
      subjectType: 'construction_filing',
      subjectId: row.id,
      before: { ...before, form_json: undefined },
      after: { ...after, form_json: undefined },
      at: now,
      requestId: input.requestId,
    });
  });
  const next = await findFiling(services.db, row.id);
  await notifyContact(services, next, input.comment ?? null, input.log);
  return next;
}

/** SMS and e-mail to the filing's contact; the change is committed already, so a failure is only logged. */
async function notifyContact(services: Services, row: ConstructionFilingTable, comment: string | null, log: FastifyBaseLogger) {
  const enterprise = await services.db.selectFrom('enterprises').select('name').where('id', '=', row.enterprise_id).executeTakeFirstOrThrow();
  const r = parseJson<{ fields: { path: string; comment: string }[]; attachments: { path: string; comment: string }[] }>(row.return_json);
  const notice = {
    enterprise: enterprise.name,
    project: row.project_name,
    status: row.status,
    version: Number(row.version),
    comment,
    returnSummary: row.status === 'returned' && r ? [...r.fields, ...r.attachments].map((c) => `${c.path}：${c.comment}`) : [],
  };
  const sms = filingSms(notice);
  const mail = filingMail(notice);
  if (sms && row.contact_mobile) {
    await services.sms.send(row.contact_mobile, sms).catch((err: unknown) => log.warn({ err, filingId: row.id }, 'filing SMS not sent'));
  }
  if (mail && row.contact_email) {
    await services.mailer.send({ to: row.contact_email, ...mail }).catch((err: unknown) => log.warn({ err, filingId: row.id }, 'filing e-mail not sent'));
  }
}
