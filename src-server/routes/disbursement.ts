/**
 * The enterprise's side of the disbursement (manual 001 §2): its disbursements, employment certificates, the
 * payee, the receipt PDF, phone links, submitting the stamped receipt, and its saved bank accounts and contacts.
 * Every route needs the `disbursement` item (`?item=disbursement`); the access check has already made sure the
 * path's enterprise is the caller's, and every query is also keyed by it.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  createBankAccountRoute,
  createFinanceContactRoute,
  createReceiptLinkRoute,
  deleteBankAccountRoute,
  deleteFinanceContactRoute,
  getDisbursementRoute,
  getReceiptLinkRoute,
  listBankAccountsRoute,
  listDisbursementsRoute,
  listFinanceContactsRoute,
  receiptPdfRoute,
  setDisbursementPayeeRoute,
  setEmploymentCertificateRoute,
  submitReceiptRoute,
  updateBankAccountRoute,
  updateFinanceContactRoute,
} from '@shared/contract/http/disbursement';
import {
  disbursementView,
  EDITABLE,
  findDisbursement,
  receiptContentFor,
  setEmploymentCertificate,
  setPayee,
  submitReceipt,
  SUMMARY_COLUMNS,
  summaryOf,
} from '../domain/disbursement';
import {
  createBankAccount,
  createContact,
  deleteBankAccount,
  deleteContact,
  listBankAccounts,
  listContacts,
  updateBankAccount,
  updateContact,
} from '../domain/payees';
import { createReceiptLink, receiptLinkStatus } from '../domain/receipt-links';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';
import type { Principal } from '../plugins/auth';
import { sendReceiptPdf } from './receipt-download';

export const disbursementRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db } = services;
  const accountOf = (p: Principal) => {
    if (p.kind !== 'account') throw new ApiError('FORBIDDEN');
    return p.id;
  };
  const view = async (enterpriseId: string, applicationId: string) => {
    await findDisbursement(db, applicationId, enterpriseId);
    return disbursementView(db, applicationId, { forEnterprise: true });
  };

  registerRoute(app, listDisbursementsRoute, async ({ params }) => {
    const e = await db.selectFrom('enterprises').select(['name', 'uscc']).where('id', '=', params.enterpriseId).executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('disbursements')
      .innerJoin('subsidy_applications', 'subsidy_applications.id', 'disbursements.application_id')
      .select(SUMMARY_COLUMNS)
      .where('disbursements.enterprise_id', '=', params.enterpriseId)
      .orderBy('disbursements.opened_at', 'desc')
      .orderBy('disbursements.application_id')
      .execute();
    const summaries = rows.map((r) => summaryOf({ ...r, updated_at: r.app_updated_at }, r, e));
    // Those waiting for the enterprise first, then newest first.
    const waiting = (s: { status: string }) => ((EDITABLE as readonly string[]).includes(s.status) ? 0 : 1);
    return { disbursements: summaries.sort((x, y) => waiting(x) - waiting(y)) };
  });

  registerRoute(app, getDisbursementRoute, async ({ params }) => view(params.enterpriseId, params.applicationId));

  registerRoute(app, setEmploymentCertificateRoute, async ({ params, body, principal, request }) => {
    await setEmploymentCertificate(
      services,
      { enterpriseId: params.enterpriseId, applicationId: params.applicationId, talentIndex: params.talentIndex, sha256: body.sha256, accountId: accountOf(principal) },
      { requestId: request.id, log: request.log },
    );
    return view(params.enterpriseId, params.applicationId);
  });

  registerRoute(app, setDisbursementPayeeRoute, async ({ params, body, principal, request }) => {
    await setPayee(
      services,
      { enterpriseId: params.enterpriseId, applicationId: params.applicationId, bankAccountId: body.bankAccountId, contactId: body.contactId, accountId: accountOf(principal) },
      { requestId: request.id, log: request.log },
    );
    return view(params.enterpriseId, params.applicationId);
  });

  registerRoute(app, receiptPdfRoute, async ({ params, reply, request }) => {
    await findDisbursement(db, params.applicationId, params.enterpriseId);
    const content = await receiptContentFor(services, params.applicationId, { regenerate: true });
    return sendReceiptPdf(reply, content, request.log);
  });

  registerRoute(app, createReceiptLinkRoute, async ({ params, principal, request }) =>
    createReceiptLink(services, { enterpriseId: params.enterpriseId, applicationId: params.applicationId, accountId: accountOf(principal), requestId: request.id }),
  );

  registerRoute(app, getReceiptLinkRoute, async ({ params }) =>
    receiptLinkStatus(services, { enterpriseId: params.enterpriseId, applicationId: params.applicationId, linkId: params.linkId }),
  );

  registerRoute(app, submitReceiptRoute, async ({ params, body, principal, request }) => {
    await submitReceipt(
      services,
      { enterpriseId: params.enterpriseId, applicationId: params.applicationId, sha256: body.sha256, source: body.source, accountId: accountOf(principal) },
      { requestId: request.id, log: request.log },
    );
    return view(params.enterpriseId, params.applicationId);
  });

  const ctx = (enterpriseId: string, principal: Principal, requestId: string) => ({ enterpriseId, accountId: accountOf(principal), requestId });

  registerRoute(app, listBankAccountsRoute, async ({ params }) => ({ bankAccounts: await listBankAccounts(services, params.enterpriseId) }));
  registerRoute(app, createBankAccountRoute, async ({ params, body, principal, request }) =>
    createBankAccount(services, body, ctx(params.enterpriseId, principal, request.id)),
  );
  registerRoute(app, updateBankAccountRoute, async ({ params, body, principal, request }) =>
    updateBankAccount(services, params.bankAccountId, body, ctx(params.enterpriseId, principal, request.id)),
  );
  registerRoute(app, deleteBankAccountRoute, async ({ params, principal, request }) => {
    await deleteBankAccount(services, params.bankAccountId, ctx(params.enterpriseId, principal, request.id));
    return { ok: true as const };
  });

  registerRoute(app, listFinanceContactsRoute, async ({ params }) => ({ contacts: await listContacts(services, params.enterpriseId) }));
  registerRoute(app, createFinanceContactRoute, async ({ params, body, principal, request }) =>
    createContact(services, body, ctx(params.enterpriseId, principal, request.id)),
  );
  registerRoute(app, updateFinanceContactRoute, async ({ params, body, principal, request }) =>
    updateContact(services, params.contactId, body, ctx(params.enterpriseId, principal, request.id)),
  );
  registerRoute(app, deleteFinanceContactRoute, async ({ params, principal, request }) => {
    await deleteContact(services, params.contactId, ctx(params.enterpriseId, principal, request.id));
    return { ok: true as const };
  });
};
