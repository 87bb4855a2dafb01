/**
 * Talent recruitment subsidy applications: the record, its views, and every change of status through
 * `transition()`, which checks the state machine (`subsidyTransitions` in the contract), updates the row only if
 * it is still in an allowed state (of two concurrent changes one wins, the other is a `SUBSIDY_STATE_CONFLICT`),
 * and writes the timeline entry and the audit row in the same transaction. The contact is told afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type {
  SubsidyAction,
  SubsidyApplicationView,
  SubsidyDraftForm,
  SubsidyStatus,
} from '@shared/contract/http/subsidy';
import { subsidyTransitions } from '@shared/contract/http/subsidy';
import { chinaYear } from '@shared/time/china';
import type { SubsidyAmountRule } from '@shared/subsidy/amount';
import type { Database, EnterpriseTable } from '../db/schema';
import type { SubsidyApplicationTable } from '../db/schema-subsidy';
import { ApiError } from '../http/api-error';
import { subsidyMail, subsidySms } from '../notifications/subsidy-templates';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { enterpriseNameAt } from './enterprise-names';

type Db = Kysely<Database> | Transaction<Database>;

export interface SubsidyActor {
  type: 'account' | 'staff';
  id: string;
}


/** Statuses whose amount counts against the enterprise's yearly cap. */
const NOT_COUNTED: readonly SubsidyStatus[] = ['draft', 'withdrawn', 'rejected'];

export async function findApplication(db: Db, id: string, enterpriseId?: string) {
  let query = db.selectFrom('subsidy_applications').selectAll().where('id', '=', id);
  if (enterpriseId) query = query.where('enterprise_id', '=', enterpriseId);
  const row = await query.executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

/** What the enterprise's other live applications of `year` request (or were approved for), in fen. */
export async function usedThisYearFen(db: Db, enterpriseId: string, year: number, exceptId: string | null): Promise<number> {
  const rows = await db
    .selectFrom('subsidy_applications')
    .select(['id', 'status', 'amount_requested_fen', 'amount_approved_fen'])
    .where('enterprise_id', '=', enterpriseId)
    .where('year', '=', year)
    .execute();
  return rows
    .filter((r) => r.id !== exceptId && !NOT_COUNTED.includes(r.status))
    .reduce((sum, r) => sum + Number(r.amount_approved_fen ?? r.amount_requested_fen ?? 0), 0);
}

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/**
 * The name an application was filed under (the enterprise may have been renamed since, enterprise-names.ts); a
 * draft or a returned application is signed again, so it carries today's name.
 */
export const filedUnder = (db: Db, e: Pick<EnterpriseTable, 'id' | 'name'>, row: Pick<SubsidyApplicationTable, 'status' | 'submitted_at'>) =>
  row.status === 'draft' || row.status === 'returned' ? Promise.resolve(e.name) : enterpriseNameAt(db, e, row.submitted_at);

export async function applicationView(
  db: Db,
  row: SubsidyApplicationTable,
  rule: SubsidyAmountRule,
  now: Date,
): Promise<SubsidyApplicationView> {
  const e = await db.selectFrom('enterprises').selectAll().where('id', '=', row.enterprise_id).executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom('subsidy_versions')
    .select('changes_json')
    .where('application_id', '=', row.id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    status: row.status,
    enterprise: { uscc: e.uscc, name: await filedUnder(db, e, row), address: e.address, legalRepresentative: e.legal_representative },
    form: JSON.parse(row.form_json) as Record<string, unknown>,
    version: Number(row.version),
    amountRequestedFen: row.amount_requested_fen === null ? null : Number(row.amount_requested_fen),
    amountApprovedFen: row.amount_approved_fen === null ? null : Number(row.amount_approved_fen),
    quota: { rule, usedThisYearFen: await usedThisYearFen(db, row.enterprise_id, row.year ?? chinaYear(now), row.id) },
    // The latest return's comments only while they matter; once decided they live on in the timeline.
    returnComments: row.status === 'returned' || row.status === 'resubmitted' ? parseJson(row.return_json) : null,
    changes: parseJson(latest?.changes_json ?? null),
    publicity: row.publicity_start && row.publicity_end ? { startDate: row.publicity_start, endDate: row.publicity_end } : null,
    rejectReason: row.reject_reason,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The timeline, oldest first. `forEnterprise` names staff by role only: reviewers' accounts are not the
 * enterprise's business.
 */
/** One line of an application list (the enterprise's own list and the staff queue): the same fields either way. */
export function applicationSummary(
  r: Pick<SubsidyApplicationTable, 'id' | 'enterprise_id' | 'status' | 'version' | 'talent_count' | 'amount_requested_fen' | 'amount_approved_fen' | 'publicity_end' | 'submitted_at' | 'updated_at'>,
  enterprise: { name: string; uscc: string },
) {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: enterprise.name,
    enterpriseUscc: enterprise.uscc,
    status: r.status,
    version: Number(r.version),
    talentCount: Number(r.talent_count),
    amountRequestedFen: r.amount_requested_fen === null ? null : Number(r.amount_requested_fen),
    amountApprovedFen: r.amount_approved_fen === null ? null : Number(r.amount_approved_fen),
    publicityEndDate: r.publicity_end,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  };
}

/** Steps finance staff take (disbursement); the enterprise sees them as 财务人员, the others as 审核人员. */
const FINANCE_ACTIONS: ReadonlySet<string> = new Set(['openDisbursement', 'acceptReceipt', 'returnReceipt']);

export async function timelineOf(db: Db, applicationId: string, forEnterprise = false) {
  const rows = await db.selectFrom('subsidy_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action as SubsidyAction | 'create',
    status: r.status,
    actor:
      forEnterprise && r.actor_type === 'staff'
        ? { type: r.actor_type, id: '', name: FINANCE_ACTIONS.has(r.action) ? '财务人员' : '审核人员' }
        : { type: r.actor_type, id: r.actor_id, name: r.actor_name },
    comment: r.comment,
    details: parseJson<Record<string, unknown>>(r.details_json),
  }));
}

export async function actorName(db: Db, actor: SubsidyActor): Promise<string> {
  if (actor.type === 'staff') {
    const s = await db.selectFrom('staff_accounts').select('username').where('id', '=', actor.id).executeTakeFirst();
    return s?.username ?? actor.id;
  }
  const a = await db.selectFrom('accounts').select(['display_name', 'username']).where('id', '=', actor.id).executeTakeFirst();
  return a ? `${a.display_name}（${a.username}）` : actor.id;
}

export async function addEvent(
  tx: Db,
  e: { applicationId: string; action: SubsidyAction | 'create'; status: SubsidyStatus; actor: SubsidyActor; comment?: string | null; details?: unknown; at: Date },
) {
  const last = await tx
    .selectFrom('subsidy_events')
    .select('seq')
    .where('application_id', '=', e.applicationId)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  await tx
    .insertInto('subsidy_events')
    .values({
      id: randomUUID(),
      application_id: e.applicationId,
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

/** Whether a draft's contact has nothing typed in it yet. */
const blankContact = (contact: SubsidyDraftForm['contact']) => !contact || Object.values(contact).every((v) => v === null || v === '');

/**
 * The contact of the enterprise's most recently submitted application (what it signed), for a new draft that
 * brings none: clerks expected it prefilled (issue 21 item 15). Only this enterprise's own applications.
 */
async function lastContact(db: Db, enterpriseId: string): Promise<Record<string, string> | null> {
  const last = await db
    .selectFrom('subsidy_applications')
    .select('form_json')
    .where('enterprise_id', '=', enterpriseId)
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const contact = (last ? (JSON.parse(last.form_json) as { contact?: unknown }).contact : null) as Record<string, unknown> | null | undefined;
  if (!contact || typeof contact !== 'object') return null;
  const pick = (k: string) => (typeof contact[k] === 'string' ? (contact[k] as string) : '');
  return { name: pick('name'), mobile: pick('mobile'), email: pick('email') };
}

export async function createDraft(services: Services, enterpriseId: string, typed: SubsidyDraftForm, actor: SubsidyActor, requestId: string) {
  const now = services.clock.now();
  const previous = blankContact(typed.contact) ? await lastContact(services.db, enterpriseId) : null;
  const form: SubsidyDraftForm = previous ? { ...typed, contact: previous } : typed;
  const row: SubsidyApplicationTable = {
    id: randomUUID(),
    enterprise_id: enterpriseId,
    status: 'draft',
    form_json: JSON.stringify(form),
    version: 0,
    year: null,
    talent_count: form.talents?.length ?? 0,
    amount_requested_fen: null,
    amount_approved_fen: null,
    contact_mobile: null,
    contact_email: null,
    return_json: null,
    publicity_start: null,
    publicity_end: null,
    reject_reason: null,
    created_by: actor.id,
    submitted_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('subsidy_applications').values(row).execute();
    await addEvent(tx, { applicationId: row.id, action: 'create', status: 'draft', actor, at: now });
    await writeAudit(tx, { actor, enterpriseId, action: 'subsidy.create', subjectType: 'subsidy_application', subjectId: row.id, after: row, at: now, requestId });
  });
  return row;
}

/** Drafts are edited while the application is a draft or returned for correction. */
export async function saveDraft(services: Services, row: SubsidyApplicationTable, form: SubsidyDraftForm, actor: SubsidyActor, requestId: string) {
  if (row.status !== 'draft' && row.status !== 'returned') throw new ApiError('SUBSIDY_STATE_CONFLICT');
  const now = services.clock.now();
  const patch = { form_json: JSON.stringify(form), talent_count: form.talents?.length ?? 0, updated_at: now.toISOString() };
  await services.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('subsidy_applications')
      .set(patch)
      .where('id', '=', row.id)
      .where('status', 'in', ['draft', 'returned'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new ApiError('SUBSIDY_STATE_CONFLICT');
    await writeAudit(tx, {
      actor,
      enterpriseId: row.enterprise_id,
      action: 'subsidy.save_draft',
      subjectType: 'subsidy_application',
      subjectId: row.id,
      before: { talent_count: row.talent_count, updated_at: row.updated_at },
      after: { talent_count: patch.talent_count, updated_at: patch.updated_at },
      at: now,
      requestId,
    });
  });
  return findApplication(services.db, row.id);
}

export interface TransitionInput {
  action: SubsidyAction;
  actor: SubsidyActor;
  /** Columns the change sets besides the status. */
  patch?: Partial<Omit<SubsidyApplicationTable, 'id' | 'enterprise_id' | 'status' | 'created_at' | 'created_by'>>;
  comment?: string | null;
  details?: unknown;
  /** More writes in the same transaction (a signed version). */
  also?: (tx: Transaction<Database>) => Promise<void>;
  requestId: string;
  log: FastifyBaseLogger;
}

/** Refuses an action the current status does not allow. */
export function assertAllowed(row: Pick<SubsidyApplicationTable, 'status'>, action: SubsidyAction): void {
  if (!subsidyTransitions[action].from.includes(row.status)) throw new ApiError('SUBSIDY_STATE_CONFLICT');
}

export async function transition(services: Services, row: SubsidyApplicationTable, input: TransitionInput): Promise<SubsidyApplicationTable> {
  const { from, to } = subsidyTransitions[input.action];
  assertAllowed(row, input.action);
  const now = services.clock.now();
  const after = { ...input.patch, status: to, updated_at: now.toISOString() };
  await services.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('subsidy_applications')
      .set(after)
      .where('id', '=', row.id)
      .where('status', 'in', [...from])
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new ApiError('SUBSIDY_STATE_CONFLICT');
    await input.also?.(tx);
    await addEvent(tx, { applicationId: row.id, action: input.action, status: to, actor: input.actor, comment: input.comment, details: input.details, at: now });
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, row[k as keyof SubsidyApplicationTable]]));
    await writeAudit(tx, {
      actor: input.actor,
      enterpriseId: row.enterprise_id,
      action: `subsidy.${input.action}`,
      subjectType: 'subsidy_application',
      subjectId: row.id,
      before: { ...before, form_json: undefined },
      after: { ...after, form_json: undefined },
      at: now,
      requestId: input.requestId,
    });
  });
  const next = await findApplication(services.db, row.id);
  await notifyContact(services, next, input.comment ?? null, input.log);
  return next;
}

function returnSummary(row: SubsidyApplicationTable): string[] {
  const r = parseJson<{ fields: { path: string; comment: string }[]; attachments: { path: string; comment: string }[] }>(row.return_json);
  if (!r) return [];
  return [...r.fields, ...r.attachments].map((c) => `${c.path}：${c.comment}`);
}

/**
 * SMS and e-mail to the application's contact. The change is already committed: a failed notification is
 * logged, never allowed to undo it (the timeline shows the status either way).
 */
async function notifyContact(services: Services, row: SubsidyApplicationTable, comment: string | null, log: FastifyBaseLogger) {
  const enterprise = await services.db.selectFrom('enterprises').select('name').where('id', '=', row.enterprise_id).executeTakeFirstOrThrow();
  const disbursement = await services.db.selectFrom('disbursements').select('receipt_number').where('application_id', '=', row.id).executeTakeFirst();
  const notice = {
    enterprise: enterprise.name,
    status: row.status,
    version: Number(row.version),
    comment,
    returnSummary: row.status === 'returned' ? returnSummary(row) : [],
    amountFen: row.amount_approved_fen === null ? null : Number(row.amount_approved_fen),
    publicity: row.publicity_start && row.publicity_end ? { startDate: row.publicity_start, endDate: row.publicity_end } : null,
    receiptNumber: disbursement?.receipt_number ?? null,
  };
  const sms = subsidySms(notice);
  const mail = subsidyMail(notice);
  if (sms && row.contact_mobile) {
    await services.sms.send(row.contact_mobile, sms).catch((err: unknown) => log.warn({ err, applicationId: row.id }, 'subsidy SMS not sent'));
  }
  if (mail && row.contact_email) {
    await services.mailer
      .send({ to: row.contact_email, ...mail })
      .catch((err: unknown) => log.warn({ err, applicationId: row.id }, 'subsidy e-mail not sent'));
  }
}
