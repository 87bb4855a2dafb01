/**
 * Construction filings (小型建设工程开工备案): the enterprise's side (drafts, submission with the signed application
 * PDF, timeline) and the reviewers' (备案审核: queue, one filing with every version and its signatures, return /
 * approve / reject). Every id is looked up under the caller's enterprise, or for staff never as a draft.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  approveFilingRoute,
  createFilingDraftRoute,
  filingTimelineRoute,
  filingTransitions,
  getFilingRoute,
  listFilingsRoute,
  pdfSigningDefaultsRoute,
  rejectFilingRoute,
  returnFilingRoute,
  staffFilingQueueRoute,
  staffGetFilingRoute,
  submitFilingRoute,
  updateFilingDraftRoute,
  type FilingAction,
  type PdfSignature,
} from '@shared/contract/http/filing';
import { createFilingDraft, filingSummary, filingTimeline, filingView, findFiling, saveFilingDraft, transitionFiling, type FilingActor } from '../domain/filing';
import { submitFiling, type SignedPdfCheck } from '../domain/filing-submit';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';

const REVIEW_ACTIONS: readonly FilingAction[] = ['return', 'approve', 'reject'];

export const filingRoutes: FastifyPluginAsync<{ check: SignedPdfCheck }> = async (app, opts) => {
  const services = app.services;
  const { db } = services;
  const accountActor = (p: Principal): FilingActor => {
    if (p.kind !== 'account') throw new ApiError('FORBIDDEN');
    return { type: 'account', id: p.id };
  };
  const staffActor = (p: Principal): FilingActor => {
    if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return { type: 'staff', id: p.id };
  };

  registerRoute(app, pdfSigningDefaultsRoute, async () => ({ tsaUrl: services.config.tsaUrl }));

  registerRoute(app, createFilingDraftRoute, async ({ params, body, principal, request }) =>
    filingView(db, await createFilingDraft(services, params.enterpriseId, body.form, accountActor(principal), request.id)),
  );

  registerRoute(app, listFilingsRoute, async ({ params }) => {
    const e = await db.selectFrom('enterprises').select(['name', 'uscc']).where('id', '=', params.enterpriseId).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('construction_filings').selectAll().where('enterprise_id', '=', params.enterpriseId).orderBy('created_at', 'desc').orderBy('id').execute();
    return { filings: rows.map((r) => filingSummary(r, e)) };
  });

  registerRoute(app, getFilingRoute, async ({ params }) => filingView(db, await findFiling(db, params.filingId, params.enterpriseId)));

  registerRoute(app, updateFilingDraftRoute, async ({ params, body, principal, request }) => {
    const row = await findFiling(db, params.filingId, params.enterpriseId);
    return filingView(db, await saveFilingDraft(services, row, body.form, accountActor(principal), request.id));
  });

  registerRoute(app, submitFilingRoute, async ({ params, body, principal, request }) => {
    const raw = (request.body as { payload?: unknown }).payload;
    const row = await submitFiling(
      services,
      { enterpriseId: params.enterpriseId, filingId: params.filingId, payload: body.payload, rawPayload: raw, signedPdf: body.signedPdf },
      { actor: accountActor(principal), check: opts.check, requestId: request.id, log: request.log },
    );
    return filingView(db, row);
  });

  registerRoute(app, filingTimelineRoute, async ({ params }) => {
    const row = await findFiling(db, params.filingId, params.enterpriseId);
    return { entries: await filingTimeline(db, row.id, true) };
  });

  // ── 备案审核 ──

  /** A filing as staff see it; drafts are the enterprise's own until submitted. */
  const submitted = async (id: string) => {
    const row = await findFiling(db, id);
    if (row.status === 'draft') throw new ApiError('NOT_FOUND');
    return row;
  };

  async function staffView(id: string) {
    const row = await submitted(id);
    const versions = await db.selectFrom('construction_filing_versions').selectAll().where('filing_id', '=', id).orderBy('version').execute();
    const view = await filingView(db, row);
    const latest = versions.at(-1);
    return {
      ...view,
      // Reviewers read what was signed, not the corrections a returned filing is still drafting.
      form: latest ? (JSON.parse(latest.payload_json) as Record<string, unknown>) : view.form,
      versions: versions.map((v) => ({
        version: Number(v.version),
        submittedAt: v.created_at,
        payload: JSON.parse(v.payload_json) as Record<string, unknown>,
        signedPdf: { sha256: v.pdf_sha256, size: Number(v.pdf_size) },
        signatures: JSON.parse(v.signatures_json) as PdfSignature[],
      })),
      timeline: await filingTimeline(db, id),
      allowedActions: REVIEW_ACTIONS.filter((a) => filingTransitions[a].from.includes(row.status)),
    };
  }

  registerRoute(app, staffFilingQueueRoute, async ({ query }) => {
    let q = db
      .selectFrom('construction_filings')
      .innerJoin('enterprises', 'enterprises.id', 'construction_filings.enterprise_id')
      .where('construction_filings.status', '!=', 'draft');
    if (query.status) q = q.where('construction_filings.status', '=', query.status);
    const search = query.q?.replace(/[%_\\]/g, '');
    if (search) {
      q = q.where((eb) =>
        eb.or([
          eb('enterprises.name', 'like', `%${search}%`),
          eb('construction_filings.project_name', 'like', `%${search}%`),
          eb('enterprises.uscc', '=', search.toUpperCase()),
        ]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('construction_filings')
      .select(['enterprises.name', 'enterprises.uscc'])
      .orderBy('construction_filings.submitted_at')
      .orderBy('construction_filings.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return { total: Number(total.n), filings: rows.map((r) => filingSummary(r, r)) };
  });

  registerRoute(app, staffGetFilingRoute, async ({ params }) => staffView(params.filingId));

  registerRoute(app, returnFilingRoute, async ({ params, body, principal, request }) => {
    const row = await submitted(params.filingId);
    await transitionFiling(services, row, {
      action: 'return',
      actor: staffActor(principal),
      patch: { return_json: JSON.stringify({ comment: body.comment, fields: body.fields, attachments: body.attachments }) },
      comment: body.comment || null,
      details: { fields: body.fields, attachments: body.attachments },
      requestId: request.id,
      log: request.log,
    });
    return staffView(row.id);
  });

  registerRoute(app, approveFilingRoute, async ({ params, body, principal, request }) => {
    const row = await submitted(params.filingId);
    await transitionFiling(services, row, { action: 'approve', actor: staffActor(principal), comment: body.comment ?? null, requestId: request.id, log: request.log });
    return staffView(row.id);
  });

  registerRoute(app, rejectFilingRoute, async ({ params, body, principal, request }) => {
    const row = await submitted(params.filingId);
    await transitionFiling(services, row, {
      action: 'reject',
      actor: staffActor(principal),
      patch: { reject_reason: body.reason },
      comment: body.reason,
      requestId: request.id,
      log: request.log,
    });
    return staffView(row.id);
  });
};
