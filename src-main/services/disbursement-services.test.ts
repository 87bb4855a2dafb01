import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubsidySubmitInput } from '@shared/contract/client-api';
import type { BankAccount, DisbursementSummary, DisbursementView, FinanceContact, ReceiptLinkStatus } from '@shared/contract/http/disbursement';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import type { OpenedDisbursement } from '../../tests/fixtures/scenario';
import { CONTACT, talent } from '../../tests/fixtures/server/subsidy';
import type { ClientServices } from './client-services';
import { call, pdfBase64, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';
import { uploadThroughClient } from '../../tests/fixtures/client-uploads';

// disbursement.* behind window.tongban against the real portal (SQLite) and a SoftHSM key: the enterprise of
// JSCA-RSA-0001 applies through the client, staff approve and finance open the disbursement; a handler holding the
// disbursement item uploads certificates, maintains and chooses the bank account and contact, gets the receipt PDF,
// uploads the stamped receipt from a "phone" (the public phone route) and from the PC; finance return and accept.
const ADMIN_MOBILE = '13912340007';
/** A 1×1 PNG: what a phone's cropped photo is, as far as the server's content sniffing goes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let world: ClientWorld;
let clerk: ClientServices;
let subsidyOnly: ClientServices;
let opened: OpenedDisbursement;
let enterpriseName: string;

async function uploadAll(s: ClientServices, requirements: string[]) {
  const out = [];
  for (const requirement of requirements) {
    const ref = value(await uploadThroughClient((m, i) => s.dispatch(m, i), { purpose: 'subsidy', requirement, fileName: `${requirement}.pdf`, bytes: Buffer.from(pdfBase64(), 'base64') }));
    out.push({ requirement: ref.requirement, sha256: ref.sha256, size: ref.size, mediaType: ref.mediaType });
  }
  return out;
}

/** An application submitted through the client, signed with the enterprise's key. */
async function submittedThroughClient(s: ClientServices): Promise<string> {
  const key = world.keys.issued('JSCA-RSA-0001');
  const created = value(await call<SubsidyApplicationView>(s, 'subsidy.create', { form: {} }));
  const perTalent = ['idDocument', 'diploma', 'laborContract', 'socialInsurance', 'invoice', 'paymentProof'];
  const talents = [talent({ attachments: await uploadAll(s, perTalent) }), talent({ name: 'John Smith', idType: 'passport', idNumber: 'E12345678', nationality: '英国', invoiceNumber: '32002600002', attachments: await uploadAll(s, perTalent) })];
  const input: SubsidySubmitInput = {
    applicationId: created.id,
    fingerprint: key.certSha256,
    pin: key.userPin,
    idempotencyKey: randomUUID(),
    contact: CONTACT,
    talents: talents as SubsidySubmitInput['talents'],
    attachments: await uploadAll(s, ['businessLicence', 'applicationForm', 'headhuntingContract']),
  };
  value(await call(s, 'subsidy.submit', input));
  return created.id;
}

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001'], registerWith: 'JSCA-RSA-0001', adminMobile: ADMIN_MOBILE });
  enterpriseName = world.keys.issued('JSCA-RSA-0001').enterpriseName;
  await world.enterprise.handler('payer', { mobile: '13900004444', permissions: ['subsidy', 'disbursement'] });
  await world.enterprise.handler('applicant', { mobile: '13900005555', permissions: ['subsidy'] });
  clerk = world.services();
  subsidyOnly = world.services();
  await world.signIn(clerk, 'payer');
  await world.signIn(subsidyOnly, 'applicant');
  const applicationId = await submittedThroughClient(clerk);
  opened = await world.scene.application(applicationId).disbursementOpened();
}, 180_000);

afterAll(() => world?.close());

const app = () => ({ applicationId: opened.applicationId });
const staff = (path: string, body: unknown) =>
  fetch(`${world.portal.url}/api/staff/disbursements/${opened.applicationId}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opened.finance.token}` },
    body: JSON.stringify(body),
  });

describe('disbursement through the client services', () => {
  it('lists the pending disbursement to a handler holding the item, and nothing to others', async () => {
    const list = value(await call<{ disbursements: DisbursementSummary[] }>(clerk, 'disbursement.list'));
    expect(list.disbursements).toEqual([expect.objectContaining({ applicationId: opened.applicationId, status: 'disbursement_pending', receiptNumber: opened.receiptNumber, amountFen: opened.amountFen })]);
    expect(await call(subsidyOnly, 'disbursement.list')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await call(subsidyOnly, 'disbursement.get', app())).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await call(world.services(), 'disbursement.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('says what is missing, and refuses the receipt PDF until nothing is', async () => {
    const view = value(await call<DisbursementView>(clerk, 'disbursement.get', app()));
    expect(view).toMatchObject({ status: 'disbursement_pending', enterprise: { name: enterpriseName }, bankAccount: null, contact: null, stampedReceipt: null });
    expect(view.missing).toEqual(['employmentCertificate:0', 'employmentCertificate:1', 'bankAccount', 'contact']);
    expect(await call(clerk, 'disbursement.receiptPdf', app())).toMatchObject({ ok: false, error: { code: 'DISBURSEMENT_INCOMPLETE' } });
  });

  it('maintains saved bank accounts and contacts, refusing bad ones with the stable codes', async () => {
    const account = { bankName: '中国工商银行', accountName: enterpriseName, accountNumber: '6222 0212 3456 7890', branchName: '苏州工业园区支行' };
    // Refused in main, before anything is sent: the field and the validator's code come back.
    expect(await call(clerk, 'disbursement.createBankAccount', { ...account, accountNumber: '12345' })).toEqual({
      ok: false,
      error: { code: 'INPUT_INVALID', retriable: false, issues: [{ path: 'accountNumber', code: 'BANK_ACCOUNT_NUMBER_INVALID' }] },
    });
    expect(await call(clerk, 'disbursement.createBankAccount', { ...account, cnapsCode: '123' })).toMatchObject({ ok: false, error: { issues: [{ path: 'cnapsCode', code: 'CNAPS_INVALID' }] } });
    expect(await call(clerk, 'disbursement.createContact', { name: '李四', mobile: '13800001111', phone: 'call me' })).toMatchObject({ ok: false, error: { issues: [{ path: 'phone', code: 'PHONE_INVALID' }] } });
    // Refused by the server: only the enterprise's own name.
    expect(await call(clerk, 'disbursement.createBankAccount', { ...account, accountName: '别的公司' })).toMatchObject({ ok: false, error: { code: 'BANK_ACCOUNT_NAME_MISMATCH' } });

    const saved = value(await call<BankAccount>(clerk, 'disbursement.createBankAccount', account));
    expect(saved).toMatchObject({ accountNumber: '6222021234567890', accountName: enterpriseName, cnapsCode: '' });
    const spare = value(await call<BankAccount>(clerk, 'disbursement.createBankAccount', { ...account, bankName: '中国银行', accountNumber: '104305000012345678' }));
    const edited = value(await call<BankAccount>(clerk, 'disbursement.updateBankAccount', { bankAccountId: saved.id, account: { ...account, cnapsCode: '102305000011' } }));
    expect(edited).toMatchObject({ id: saved.id, cnapsCode: '102305000011' });
    value(await call(clerk, 'disbursement.removeBankAccount', { bankAccountId: spare.id }));
    expect(value(await call<{ bankAccounts: BankAccount[] }>(clerk, 'disbursement.listBankAccounts')).bankAccounts.map((a) => a.id)).toEqual([saved.id]);

    const contact = value(await call<FinanceContact>(clerk, 'disbursement.createContact', { name: '李四', mobile: '138-0000-1111', phone: '0512-66668888' }));
    expect(contact).toMatchObject({ name: '李四', mobile: '13800001111', email: '' });
    const renamed = value(await call<FinanceContact>(clerk, 'disbursement.updateContact', { contactId: contact.id, contact: { name: '李四', mobile: '13800001111', email: 'finance@example.com' } }));
    expect(renamed.email).toBe('finance@example.com');
    expect(value(await call<{ contacts: FinanceContact[] }>(clerk, 'disbursement.listContacts')).contacts.map((c) => c.id)).toEqual([contact.id]);
    // A handler of the same enterprise without the disbursement item sees none of them.
    expect(await call(subsidyOnly, 'disbursement.listBankAccounts')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('records the certificates and the payee, then serves the receipt PDF', async () => {
    let view = value(await call<DisbursementView>(clerk, 'disbursement.get', app()));
    for (const t of view.talents) {
      const file = value(await uploadThroughClient((m, i) => clerk.dispatch(m, i), { purpose: 'disbursement', requirement: 'employmentCertificate', fileName: `在职证明-${t.name}.pdf`, bytes: Buffer.from(pdfBase64(), 'base64') }));
      expect(file.requirement).toBe('employmentCertificate');
      view = value(await call<DisbursementView>(clerk, 'disbursement.setEmploymentCertificate', { ...app(), talentIndex: t.index, sha256: file.sha256 }));
    }
    expect(view.missing).toEqual(['bankAccount', 'contact']);
    const [account] = value(await call<{ bankAccounts: BankAccount[] }>(clerk, 'disbursement.listBankAccounts')).bankAccounts;
    const [contact] = value(await call<{ contacts: FinanceContact[] }>(clerk, 'disbursement.listContacts')).contacts;
    view = value(await call<DisbursementView>(clerk, 'disbursement.setPayee', { ...app(), bankAccountId: account!.id, contactId: contact!.id }));
    expect(view).toMatchObject({ missing: [], bankAccount: { id: account!.id }, contact: { id: contact!.id } });

    const pdf = value(await call<{ pdf: string; fileName: string }>(clerk, 'disbursement.receiptPdf', app()));
    expect(Buffer.from(pdf.pdf, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.fileName).toBe(`通办-人才资金拨付收据-${opened.receiptNumber}.pdf`);
    // A certificate can be viewed again as the PDF it was.
    const cert = view.talents[0]!.employmentCertificate!;
    const back = value(await call<{ content: string; mediaType: string; fileName: string }>(clerk, 'disbursement.downloadFile', { sha256: cert.sha256, fileName: '在职证明-陈七' }));
    expect(back).toMatchObject({ mediaType: 'application/pdf', fileName: '在职证明-陈七.pdf' });
  });

  it('takes the stamped receipt from the phone link, then after a return from the PC, until paid', async () => {
    const link = value(await call<{ linkId: string; url: string; expiresAt: string }>(clerk, 'disbursement.createReceiptLink', app()));
    const token = /#([A-Za-z0-9_-]{43})$/.exec(link.url)?.[1];
    expect(token).toBeDefined();
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
    const waiting = value(await call<ReceiptLinkStatus>(clerk, 'disbursement.receiptLinkStatus', { ...app(), linkId: link.linkId }));
    expect(waiting).toMatchObject({ state: 'waiting', photo: null });

    const phone = await fetch(`${world.portal.url}/api/phone/receipt-links/${token}/photo`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: PNG });
    expect(phone.status, await phone.clone().text()).toBe(200);
    const uploaded = value(await call<ReceiptLinkStatus>(clerk, 'disbursement.receiptLinkStatus', { ...app(), linkId: link.linkId }));
    expect(uploaded).toMatchObject({ state: 'uploaded', photo: { mediaType: 'image/png' } });
    // The PC shows the phone's photo for the last check: the very bytes the phone sent.
    const photo = value(await call<{ content: string; mediaType: string }>(clerk, 'disbursement.downloadFile', { sha256: uploaded.photo!.sha256 }));
    expect(Buffer.from(photo.content, 'base64').equals(PNG)).toBe(true);
    expect(photo.mediaType).toBe('image/png');

    let view = value(await call<DisbursementView>(clerk, 'disbursement.submitReceipt', { ...app(), sha256: uploaded.photo!.sha256, source: 'phone' }));
    expect(view).toMatchObject({ status: 'receipt_submitted', stampedReceipt: { sha256: uploaded.photo!.sha256, source: 'phone' } });
    // Submitted: nothing more to change until finance decide.
    expect(await call(clerk, 'disbursement.submitReceipt', { ...app(), sha256: uploaded.photo!.sha256, source: 'phone' })).toMatchObject({ ok: false });

    expect((await staff('return', { reason: '收据未加盖财务章' })).status).toBe(200);
    view = value(await call<DisbursementView>(clerk, 'disbursement.get', app()));
    expect(view).toMatchObject({ status: 'receipt_returned', returnReason: '收据未加盖财务章' });

    const scan = value(await uploadThroughClient((m, i) => clerk.dispatch(m, i), { purpose: 'disbursement', requirement: 'receipt', fileName: '收据.pdf', bytes: Buffer.from(pdfBase64(), 'base64') }));
    view = value(await call<DisbursementView>(clerk, 'disbursement.submitReceipt', { ...app(), sha256: scan.sha256, source: 'pc' }));
    expect(view).toMatchObject({ status: 'receipt_submitted', stampedReceipt: { sha256: scan.sha256, source: 'pc' } });

    expect((await staff('accept', {})).status).toBe(200);
    view = value(await call<DisbursementView>(clerk, 'disbursement.get', app()));
    expect(view.status).toBe('paid');
    expect(view.paidAt).not.toBeNull();
    expect(view.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['openDisbursement', 'submitReceipt', 'returnReceipt', 'acceptReceipt']));
    // Paid: the stamped receipt can still be downloaded.
    const stamped = value(await call<{ mediaType: string; fileName: string }>(clerk, 'disbursement.downloadFile', { sha256: scan.sha256, fileName: `收据-${opened.receiptNumber}` }));
    expect(stamped).toMatchObject({ mediaType: 'application/pdf', fileName: `收据-${opened.receiptNumber}.pdf` });
  });
});
