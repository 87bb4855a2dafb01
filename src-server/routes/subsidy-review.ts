/**
 * The reviewers' side of the talent recruitment subsidy: the queue, one application with every signed version and
 * its certificate, and the decisions. Every decision goes through the state machine (`transition`).
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  acceptSubsidyRoute,
  approveSubsidyRoute,
  rejectSubsidyRoute,
  returnSubsidyRoute,
  staffGetSubsidyRoute,
  staffSubsidyAuditRoute,
  staffSubsidyQueueRoute,
  startSubsidyPublicityRoute,
  subsidyTransitions,
  type SubsidyAction,
} from '@shared/contract/http/subsidy';
import type { StaffRole } from '@shared/contract/http/route';
import type { SubsidyAmountRule } from '@shared/subsidy/amount';
import { chinaYear } from '@shared/time/china';
import { applicationSummary, applicationView, findApplication, timelineOf, transition, type SubsidyActor } from '../domain/subsidy';
import { assertApprovalWithinYear } from '../domain/subsidy-quota';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';

const REVIEW_ACTIONS: readonly SubsidyAction[] = ['accept', 'return', 'approve', 'reject', 'startPublicity'];
/** Finance reads the queue and applications to open disbursements (their own routes are in disbursement-review.ts). */
const FINANCE_ACTIONS: readonly SubsidyAction[] = ['openDisbursement'];

/** The actions a staff role takes on an application. */
const actionsOf = (role: StaffRole): readonly SubsidyAction[] =>
  role === 'admin' ? [...REVIEW_ACTIONS, ...FINANCE_ACTIONS] : role === 'finance' ? FINANCE_ACTIONS : role === 'reviewer' ? REVIEW_ACTIONS : [];

/** Start of a calendar day in China (UTC+8) as an ISO instant. */
const chinaDayStart = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

export const subsidyReviewRoutes: FastifyPluginAsync<{ rule: SubsidyAmountRule }> = async (app, opts) => {
  const services = app.services;
  const { db, clock } = services;
  const { rule } = opts;
  const actorOf = (p: Principal): SubsidyActor => {
    if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return { type: 'staff', id: p.id };
  };

  async function staffView(id: string, principal: Principal) {
    const row = await findApplication(db, id);
    // Drafts are the enterprise's own until submitted.
    if (row.status === 'draft') throw new ApiError('NOT_FOUND');
    const versions = await db.selectFrom('subsidy_versions').selectAll().where('application_id', '=', id).orderBy('version').execute();
    const view = await applicationView(db, row, rule, clock.now());
    const latest = versions.at(-1);
    return {
      ...view,
      // Reviewers read what was signed, not the corrections a returned application is still drafting.
      form: latest ? (JSON.parse(latest.payload_json) as Record<string, unknown>) : view.form,
      versions: versions.map((v) => ({
        version: Number(v.version),
        submittedAt: v.created_at,
        payloadSha256: v.payload_sha256,
        payload: JSON.parse(v.payload_json) as Record<string, unknown>,
        signature: JSON.parse(v.signature_json) as never,
        changes: v.changes_json ? (JSON.parse(v.changes_json) as { fields: string[]; attachments: string[] }) : null,
      })),
      timeline: await timelineOf(db, id),
      allowedActions: (principal.kind === 'staff' ? actionsOf(principal.role) : []).filter((a) => subsidyTransitions[a].from.includes(row.status)),
    };
  }

  registerRoute(app, staffSubsidyQueueRoute, async ({ query }) => {
    let q = db
      .selectFrom('subsidy_applications')
      .innerJoin('enterprises', 'enterprises.id', 'subsidy_applications.enterprise_id')
      .where('subsidy_applications.status', '!=', 'draft');
    if (query.status) q = q.where('subsidy_applications.status', '=', query.status);
    if (query.submittedFrom) q = q.where('subsidy_applications.submitted_at', '>=', chinaDayStart(query.submittedFrom));
    if (query.submittedTo) q = q.where('subsidy_applications.submitted_at', '<', chinaDayStart(query.submittedTo, 1));
    const search = query.q?.replace(/[%_\\]/g, '');
    if (search) {
      q = q.where((eb) => eb.or([eb('enterprises.name', 'like', `%${search}%`), eb('enterprises.uscc', '=', search.toUpperCase())]));
    }
    const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'subsidy_applications.id',
        'subsidy_applications.enterprise_id',
        'subsidy_applications.status',
        'subsidy_applications.version',
        'subsidy_applications.talent_count',
        'subsidy_applications.amount_requested_fen',
        'subsidy_applications.amount_approved_fen',
        'subsidy_applications.publicity_end',
        'subsidy_applications.submitted_at',
        'subsidy_applications.updated_at',
        'enterprises.name',
        'enterprises.uscc',
      ])
      .orderBy('subsidy_applications.submitted_at')
      .orderBy('subsidy_applications.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return {
      total: Number(total.n),
      applications: rows.map((r) => applicationSummary(r, r)),
    };
  });

  registerRoute(app, staffGetSubsidyRoute, async ({ params, principal }) => staffView(params.applicationId, principal));

  registerRoute(app, staffSubsidyAuditRoute, async ({ params }) => {
    const row = await findApplication(db, params.applicationId);
    if (row.status === 'draft') throw new ApiError('NOT_FOUND');
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_type', '=', 'subsidy_application')
      .where('subject_id', '=', row.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));
    return {
      entries: rows.map((r) => ({
        at: r.at,
        actor: { type: r.actor_type, id: r.actor_id },
        action: r.action,
        before: json(r.before_json),
        after: json(r.after_json),
        requestId: r.request_id,
      })),
    };
  });

  /** Loads the application for a decision; drafts do not exist for staff. */
  const decidable = async (id: string) => {
    const row = await findApplication(db, id);
    if (row.status === 'draft') throw new ApiError('NOT_FOUND');
    return row;
  };

  registerRoute(app, acceptSubsidyRoute, async ({ params, body, principal, request }) => {
    const row = await decidable(params.applicationId);
    await transition(services, row, { action: 'accept', actor: actorOf(principal), comment: body.comment ?? null, requestId: request.id, log: request.log });
    return staffView(row.id, principal);
  });

  registerRoute(app, returnSubsidyRoute, async ({ params, body, principal, request }) => {
    const row = await decidable(params.applicationId);
    const comments = { comment: body.comment, fields: body.fields, attachments: body.attachments };
    await transition(services, row, {
      action: 'return',
      actor: actorOf(principal),
      patch: { return_json: JSON.stringify(comments) },
      comment: body.comment || null,
      details: { fields: body.fields, attachments: body.attachments },
      requestId: request.id,
      log: request.log,
    });
    return staffView(row.id, principal);
  });

  registerRoute(app, approveSubsidyRoute, async ({ params, body, principal, request }) => {
    const row = await decidable(params.applicationId);
    if (row.amount_requested_fen !== null && body.amountFen > Number(row.amount_requested_fen)) {
      throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.amountFen', code: 'AMOUNT_ABOVE_REQUESTED' }] });
    }
    await transition(services, row, {
      action: 'approve',
      actor: actorOf(principal),
      patch: { amount_approved_fen: body.amountFen },
      also: (tx) => assertApprovalWithinYear(tx, { id: row.id, enterpriseId: row.enterprise_id, year: row.year ?? chinaYear(clock.now()) }, body.amountFen, rule, clock.now()),
      comment: body.comment ?? null,
      details: { amountFen: body.amountFen, amountRequestedFen: row.amount_requested_fen === null ? null : Number(row.amount_requested_fen) },
      requestId: request.id,
      log: request.log,
    });
    return staffView(row.id, principal);
  });

  registerRoute(app, rejectSubsidyRoute, async ({ params, body, principal, request }) => {
    const row = await decidable(params.applicationId);
    await transition(services, row, {
      action: 'reject',
      actor: actorOf(principal),
      patch: { reject_reason: body.reason },
      comment: body.reason,
      requestId: request.id,
      log: request.log,
    });
    return staffView(row.id, principal);
  });

  registerRoute(app, startSubsidyPublicityRoute, async ({ params, body, principal, request }) => {
    const row = await decidable(params.applicationId);
    await transition(services, row, {
      action: 'startPublicity',
      actor: actorOf(principal),
      patch: { publicity_start: body.startDate, publicity_end: body.endDate },
      details: { startDate: body.startDate, endDate: body.endDate },
      requestId: request.id,
      log: request.log,
    });
    return staffView(row.id, principal);
  });
};
