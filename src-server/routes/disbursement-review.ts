/**
 * Finance staff's side of the disbursement: open it after publicity, the queue, one disbursement with the stamped
 * receipt, the receipt as printed, accept (paid) or return with a reason. Roles `finance` and `admin` only.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  staffAcceptReceiptRoute,
  staffDisbursementQueueRoute,
  staffGetDisbursementRoute,
  staffOpenDisbursementRoute,
  staffReceiptPdfRoute,
  staffReturnReceiptRoute,
} from '@shared/contract/http/disbursement';
import { subsidyTransitions } from '@shared/contract/http/subsidy';
import { decideReceipt, disbursementView, findDisbursement, openDisbursement, receiptContentFor, SUMMARY_COLUMNS, summaryOf } from '../domain/disbursement';
import type { SubsidyActor } from '../domain/subsidy';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';
import { sendReceiptPdf } from './receipt-download';

const FINANCE_ACTIONS = ['acceptReceipt', 'returnReceipt'] as const;

export const disbursementReviewRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db } = services;
  const actorOf = (p: Principal): SubsidyActor => {
    if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return { type: 'staff', id: p.id };
  };

  async function staffView(applicationId: string) {
    const view = await disbursementView(db, applicationId, { forEnterprise: false });
    return { ...view, allowedActions: FINANCE_ACTIONS.filter((a) => subsidyTransitions[a].from.includes(view.status)) };
  }

  registerRoute(app, staffOpenDisbursementRoute, async ({ params, body, principal, request }) => {
    await openDisbursement(services, params.applicationId, actorOf(principal), body.comment ?? null, { requestId: request.id, log: request.log });
    return staffView(params.applicationId);
  });

  registerRoute(app, staffDisbursementQueueRoute, async ({ query }) => {
    let q = db
      .selectFrom('disbursements')
      .innerJoin('subsidy_applications', 'subsidy_applications.id', 'disbursements.application_id')
      .innerJoin('enterprises', 'enterprises.id', 'disbursements.enterprise_id');
    if (query.status) q = q.where('subsidy_applications.status', '=', query.status);
    const search = query.q?.replace(/[%_\\]/g, '');
    if (search) {
      q = q.where((eb) =>
        eb.or([
          eb('enterprises.name', 'like', `%${search}%`),
          eb('enterprises.uscc', '=', search.toUpperCase()),
          eb('disbursements.receipt_number', '=', search.toUpperCase()),
        ]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select([...SUMMARY_COLUMNS, 'enterprises.name', 'enterprises.uscc'])
      .orderBy('subsidy_applications.updated_at')
      .orderBy('subsidy_applications.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return { total: Number(total.n), disbursements: rows.map((r) => summaryOf({ ...r, updated_at: r.app_updated_at }, r, r)) };
  });

  registerRoute(app, staffGetDisbursementRoute, async ({ params }) => {
    await findDisbursement(db, params.applicationId);
    return staffView(params.applicationId);
  });

  registerRoute(app, staffReceiptPdfRoute, async ({ params, reply, request }) => {
    await findDisbursement(db, params.applicationId);
    const content = await receiptContentFor(services, params.applicationId, { regenerate: false });
    return sendReceiptPdf(reply, content, request.log);
  });

  registerRoute(app, staffAcceptReceiptRoute, async ({ params, body, principal, request }) => {
    await decideReceipt(services, { applicationId: params.applicationId, decision: 'accept', comment: body.comment ?? null, actor: actorOf(principal) }, { requestId: request.id, log: request.log });
    return staffView(params.applicationId);
  });

  registerRoute(app, staffReturnReceiptRoute, async ({ params, body, principal, request }) => {
    await decideReceipt(services, { applicationId: params.applicationId, decision: 'return', reason: body.reason, actor: actorOf(principal) }, { requestId: request.id, log: request.log });
    return staffView(params.applicationId);
  });
};
