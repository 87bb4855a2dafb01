/**
 * `disbursement.*` of window.tongban (人才资金拨付, manual 001 §2): the enterprise routes of
 * src-shared/contract/http/disbursement.ts with the session held in main. Files go through the enterprise upload
 * route with `?item=disbursement`; the receipt PDF and stored files come back as base64 for the renderer to preview
 * and save. The server decides everything (what is missing, the account name rule, link expiry); main only adds
 * the signed-in enterprise and the item.
 */
import type { ClientEvents, ClientResults } from '@shared/contract/client-api';
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
  type BankAccountInput,
  type FinanceContactInput,
} from '@shared/contract/http/disbursement';
import { downloadFileRoute } from '@shared/contract/http/files';
import { fail, ok, type Result } from '@shared/contract/result';
import type { PortalClient } from './portal-client';

export interface DisbursementServicesContext {
  portal(): PortalClient;
  /** The signed-in enterprise, or null. */
  enterpriseId(): string | null;
  emit<E extends keyof ClientEvents>(event: E, payload: ClientEvents[E]): void;
}

/** The service item of every route here, as the routes' `query` schemas declare it (the handler's permission). */
const ITEM = { item: 'disbursement' } as const;

type R = ClientResults['disbursement'];
type StoredType = R['downloadFile']['mediaType'];
const STORED_TYPES: readonly StoredType[] = ['application/pdf', 'image/jpeg', 'image/png'];
const EXTENSION: Record<StoredType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'application/octet-stream': 'bin' };

export function disbursementHandlers(ctx: DisbursementServicesContext) {
  const signedIn = <T>(run: (enterpriseId: string, portal: PortalClient) => Promise<Result<T>>): Promise<Result<T>> => {
    const id = ctx.enterpriseId();
    return id ? run(id, ctx.portal()) : Promise.resolve(fail('NOT_SIGNED_IN'));
  };
  const app = (enterpriseId: string, applicationId: string) => ({ enterpriseId, applicationId });

  return {
    'disbursement.list': async () => signedIn<R['list']>((enterpriseId, portal) => portal.call(listDisbursementsRoute, { query: ITEM, params: { enterpriseId } })),
    'disbursement.get': async (i: { applicationId: string }) =>
      signedIn<R['get']>((enterpriseId, portal) => portal.call(getDisbursementRoute, { query: ITEM, params: app(enterpriseId, i.applicationId) })),

    'disbursement.setEmploymentCertificate': async (i: { applicationId: string; talentIndex: number; sha256: string }) =>
      signedIn<R['setEmploymentCertificate']>((enterpriseId, portal) =>
        portal.call(setEmploymentCertificateRoute, { query: ITEM, params: { ...app(enterpriseId, i.applicationId), talentIndex: String(i.talentIndex) }, body: { sha256: i.sha256 } }),
      ),
    'disbursement.setPayee': async (i: { applicationId: string; bankAccountId: string; contactId: string }) =>
      signedIn<R['setPayee']>((enterpriseId, portal) =>
        portal.call(setDisbursementPayeeRoute, { query: ITEM, params: app(enterpriseId, i.applicationId), body: { bankAccountId: i.bankAccountId, contactId: i.contactId } }),
      ),

    'disbursement.listBankAccounts': async () => signedIn<R['listBankAccounts']>((enterpriseId, portal) => portal.call(listBankAccountsRoute, { query: ITEM, params: { enterpriseId } })),
    'disbursement.createBankAccount': async (i: BankAccountInput) =>
      signedIn<R['createBankAccount']>((enterpriseId, portal) => portal.call(createBankAccountRoute, { query: ITEM, params: { enterpriseId }, body: i })),
    'disbursement.updateBankAccount': async (i: { bankAccountId: string; account: BankAccountInput }) =>
      signedIn<R['updateBankAccount']>((enterpriseId, portal) =>
        portal.call(updateBankAccountRoute, { query: ITEM, params: { enterpriseId, bankAccountId: i.bankAccountId }, body: i.account }),
      ),
    'disbursement.removeBankAccount': async (i: { bankAccountId: string }) =>
      signedIn<R['removeBankAccount']>((enterpriseId, portal) => portal.call(deleteBankAccountRoute, { query: ITEM, params: { enterpriseId, bankAccountId: i.bankAccountId } })),

    'disbursement.listContacts': async () => signedIn<R['listContacts']>((enterpriseId, portal) => portal.call(listFinanceContactsRoute, { query: ITEM, params: { enterpriseId } })),
    'disbursement.createContact': async (i: FinanceContactInput) =>
      signedIn<R['createContact']>((enterpriseId, portal) => portal.call(createFinanceContactRoute, { query: ITEM, params: { enterpriseId }, body: i })),
    'disbursement.updateContact': async (i: { contactId: string; contact: FinanceContactInput }) =>
      signedIn<R['updateContact']>((enterpriseId, portal) =>
        portal.call(updateFinanceContactRoute, { query: ITEM, params: { enterpriseId, contactId: i.contactId }, body: i.contact }),
      ),
    'disbursement.removeContact': async (i: { contactId: string }) =>
      signedIn<R['removeContact']>((enterpriseId, portal) => portal.call(deleteFinanceContactRoute, { query: ITEM, params: { enterpriseId, contactId: i.contactId } })),

    'disbursement.receiptPdf': async (i: { applicationId: string }) =>
      signedIn<R['receiptPdf']>(async (enterpriseId, portal) => {
        const [pdf, view] = await Promise.all([
          portal.download(receiptPdfRoute, { query: ITEM, params: app(enterpriseId, i.applicationId) }),
          portal.call(getDisbursementRoute, { query: ITEM, params: app(enterpriseId, i.applicationId) }),
        ]);
        if (!pdf.ok) return pdf;
        const number = view.ok ? view.value.receiptNumber.replace(/[^\w.-]/g, '') : '';
        return ok({ pdf: pdf.value.bytes.toString('base64'), fileName: `通办-人才资金拨付收据${number ? `-${number}` : ''}.pdf` });
      }),
    'disbursement.createReceiptLink': async (i: { applicationId: string }) =>
      signedIn<R['createReceiptLink']>((enterpriseId, portal) => portal.call(createReceiptLinkRoute, { query: ITEM, params: app(enterpriseId, i.applicationId), body: {} })),
    'disbursement.receiptLinkStatus': async (i: { applicationId: string; linkId: string }) =>
      signedIn<R['receiptLinkStatus']>((enterpriseId, portal) =>
        portal.call(getReceiptLinkRoute, { query: ITEM, params: { ...app(enterpriseId, i.applicationId), linkId: i.linkId } }),
      ),
    'disbursement.submitReceipt': async (i: { applicationId: string; sha256: string; source: 'pc' | 'phone' }) =>
      signedIn<R['submitReceipt']>((enterpriseId, portal) =>
        portal.call(submitReceiptRoute, { query: ITEM, params: app(enterpriseId, i.applicationId), body: { sha256: i.sha256, source: i.source } }),
      ),

    'disbursement.downloadFile': async (i: { sha256: string; fileName?: string }) =>
      signedIn<R['downloadFile']>(async (enterpriseId, portal) => {
        const r = await portal.download(downloadFileRoute, { params: { enterpriseId, sha256: i.sha256 } });
        if (!r.ok) return r;
        const mediaType = (STORED_TYPES as readonly string[]).includes(r.value.mediaType) ? (r.value.mediaType as StoredType) : 'application/octet-stream';
        const base = i.fileName || i.sha256.slice(0, 12);
        const fileName = /\.[A-Za-z0-9]{2,4}$/.test(base) ? base : `${base}.${EXTENSION[mediaType]}`;
        return ok({ content: r.value.bytes.toString('base64'), mediaType, fileName });
      }),
  };
}
