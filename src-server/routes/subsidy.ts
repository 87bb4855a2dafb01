/** The enterprise's side of the talent recruitment subsidy: drafts, signed (re)submission, withdrawal, timeline. */
import type { FastifyPluginAsync } from 'fastify';
import {
  createSubsidyDraftRoute,
  getSubsidyRoute,
  listSubsidiesRoute,
  submitSubsidyRoute,
  subsidyTimelineRoute,
  updateSubsidyDraftRoute,
  withdrawSubsidyRoute,
} from '@shared/contract/http/subsidy';
import type { SubsidyAmountRule } from '@shared/subsidy/amount';
import { applicationSummary, applicationView, createDraft, filedUnder, findApplication, saveDraft, timelineOf, transition, type SubsidyActor } from '../domain/subsidy';
import { submitSubsidy } from '../domain/subsidy-submit';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';

export const subsidyRoutes: FastifyPluginAsync<{ rule: SubsidyAmountRule }> = async (app, opts) => {
  const services = app.services;
  const { db, clock } = services;
  const { rule } = opts;
  const actorOf = (p: Principal): SubsidyActor => {
    if (p.kind !== 'account') throw new ApiError('FORBIDDEN');
    return { type: 'account', id: p.id };
  };
  const view = async (id: string) => applicationView(db, await findApplication(db, id), rule, clock.now());

  registerRoute(app, createSubsidyDraftRoute, async ({ params, body, principal, request }) => {
    const row = await createDraft(services, params.enterpriseId, body.form, actorOf(principal), request.id);
    return view(row.id);
  });

  registerRoute(app, listSubsidiesRoute, async ({ params }) => {
    const e = await db.selectFrom('enterprises').select(['id', 'name', 'uscc']).where('id', '=', params.enterpriseId).executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('subsidy_applications')
      .selectAll()
      .where('enterprise_id', '=', params.enterpriseId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return {
      // Each under the name it was filed under (a renamed enterprise's earlier applications keep the old one).
      applications: await Promise.all(rows.map(async (r) => applicationSummary(r, { ...e, name: await filedUnder(db, e, r) }))),
    };
  });

  registerRoute(app, getSubsidyRoute, async ({ params }) => {
    const row = await findApplication(db, params.applicationId, params.enterpriseId);
    return applicationView(db, row, rule, clock.now());
  });

  registerRoute(app, updateSubsidyDraftRoute, async ({ params, body, principal, request }) => {
    const row = await findApplication(db, params.applicationId, params.enterpriseId);
    const saved = await saveDraft(services, row, body.form, actorOf(principal), request.id);
    return applicationView(db, saved, rule, clock.now());
  });

  registerRoute(app, submitSubsidyRoute, async ({ params, body, principal, request }) => {
    const raw = (request.body as { payload?: unknown }).payload;
    const row = await submitSubsidy(
      services,
      { enterpriseId: params.enterpriseId, applicationId: params.applicationId, payload: body.payload, rawPayload: raw, cms: body.cms },
      { actor: actorOf(principal), rule, requestId: request.id, log: request.log },
    );
    return applicationView(db, row, rule, clock.now());
  });

  registerRoute(app, withdrawSubsidyRoute, async ({ params, body, principal, request }) => {
    const row = await findApplication(db, params.applicationId, params.enterpriseId);
    const next = await transition(services, row, {
      action: 'withdraw',
      actor: actorOf(principal),
      comment: body.reason ?? null,
      requestId: request.id,
      log: request.log,
    });
    return applicationView(db, next, rule, clock.now());
  });

  registerRoute(app, subsidyTimelineRoute, async ({ params }) => {
    const row = await findApplication(db, params.applicationId, params.enterpriseId);
    return { entries: await timelineOf(db, row.id, true) };
  });
};
