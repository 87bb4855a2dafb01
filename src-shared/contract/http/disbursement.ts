/**
 * Disbursement of an approved talent recruitment subsidy (人才资金拨付; manual 001 §2, DESIGN.md "Flows and
 * states"): after publicity, finance staff open the disbursement; the enterprise uploads the latest employment
 * certificate (在职证明) of each talent, chooses or maintains the bank account and the contact the receipt names,
 * downloads the receipt PDF the server generates, prints and stamps it, and uploads the stamped receipt from the
 * PC or from a phone through a one-time QR link; finance staff check it (paid, or returned with a reason).
 *
 * The status lives on the subsidy application (`disbursement_pending → receipt_submitted ⇄ receipt_returned →
 * paid`); the routes here are keyed by the application id. Enterprise routes need the `disbursement` item
 * permission (`?item=disbursement`).
 */
import { z } from 'zod';
import { staffDuties } from './staff-duties';
import { mobileSchema } from '../../validation/zod';
import { uploadedFileSchema } from './registration';
import { defineRoute, enterpriseParamsSchema, isoDateTimeSchema, sha256HexSchema, type StaffRole, uuidSchema } from './route';
import { subsidyStatusSchema, subsidyTimelineEntrySchema } from './subsidy';

// ── The receipt's geometry (shared by the PDF and the phone's alignment frame) ─────────────────────────────

/**
 * The receipt is printed on A4 portrait (595.28 × 841.89 pt). The dashed crop frame encloses the receipt proper;
 * the phone page's alignment frame has the same aspect ratio, so a photo cropped to it is the receipt and nothing
 * else. Coordinates in PDF points from the page's top-left corner.
 */
export const RECEIPT_PAGE = { width: 595.28, height: 841.89 } as const;
export const RECEIPT_CROP_FRAME = { x: 42, y: 60, width: 511.28, height: 360 } as const;
/** width / height of the crop frame (≈ 1.42): landscape. */
export const RECEIPT_FRAME_ASPECT = RECEIPT_CROP_FRAME.width / RECEIPT_CROP_FRAME.height;

// ── Bank accounts and contacts (the enterprise's saved ones) ────────────────────────────────────────────────

/** The codes the bank account and contact rules report; the message catalogs have a text for each. */
export const DISBURSEMENT_RULE_CODES = ['BANK_ACCOUNT_NUMBER_INVALID', 'CNAPS_INVALID', 'PHONE_INVALID', 'BANK_ACCOUNT_NAME_MISMATCH'] as const;

/** A refinement that reports a stable code (as `src-shared/validation/zod.ts` does). */
const coded = (ok: (v: string) => boolean, code: (typeof DISBURSEMENT_RULE_CODES)[number]) => (value: string, ctx: z.RefinementCtx) => {
  if (!ok(value)) ctx.addIssue({ code: 'custom', message: code, params: { code }, input: value });
};

/** Account numbers: digits only (spaces and hyphens are removed first), 8 to 32 of them. */
export const bankAccountNumberSchema = z
  .string()
  .overwrite((s) => s.replace(/[\s-]/g, ''))
  .superRefine(coded((v) => /^\d{8,32}$/.test(v), 'BANK_ACCOUNT_NUMBER_INVALID'));

/** CNAPS (大额支付系统行号): 12 digits. */
export const cnapsCodeSchema = z
  .string()
  .trim()
  .superRefine(coded((v) => v === '' || /^\d{12}$/.test(v), 'CNAPS_INVALID'));

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * What the enterprise types for a bank account. `accountName` must equal the enterprise's registered name (the
 * server checks; the client says so before sending). Branch name and CNAPS code are optional.
 */
export const bankAccountInputSchema = z.object({
  bankName: text(100),
  accountName: text(100),
  accountNumber: bankAccountNumberSchema,
  branchName: z.string().trim().max(100).default(''),
  cnapsCode: cnapsCodeSchema.default(''),
});
export type BankAccountInput = z.input<typeof bankAccountInputSchema>;

export const bankAccountSchema = z.object({
  id: uuidSchema,
  bankName: z.string(),
  accountName: z.string(),
  accountNumber: z.string(),
  branchName: z.string(),
  cnapsCode: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type BankAccount = z.infer<typeof bankAccountSchema>;

/** A contact the receipt names (联系人): name, mobile, optional landline and e-mail. */
export const financeContactInputSchema = z.object({
  name: text(50),
  mobile: mobileSchema,
  phone: z.string().trim().max(30).superRefine(coded((v) => /^[\d\-+() ]*$/.test(v), 'PHONE_INVALID')).default(''),
  email: z.union([z.literal(''), z.email().max(254)]).default(''),
});
export type FinanceContactInput = z.input<typeof financeContactInputSchema>;

export const financeContactSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  mobile: z.string(),
  phone: z.string(),
  email: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type FinanceContact = z.infer<typeof financeContactSchema>;

// ── The disbursement ────────────────────────────────────────────────────────────────────────────────────────

export const disbursementStatusSchema = z.enum(['disbursement_pending', 'receipt_submitted', 'receipt_returned', 'paid']);
export type DisbursementStatus = z.infer<typeof disbursementStatusSchema>;

/** The stored file of an upload (employment certificate, stamped receipt). */
export const disbursementFileSchema = uploadedFileSchema.extend({ uploadedAt: isoDateTimeSchema });

export const disbursementTalentSchema = z.object({
  /** Position in the application's talent list (0-based); the key for the employment certificate. */
  index: z.number().int().nonnegative(),
  name: z.string(),
  /** The ID number masked for display (first 3 and last 4 characters). */
  idNumberMasked: z.string(),
  position: z.string(),
  /** The latest employment certificate uploaded for this talent; null until one is. */
  employmentCertificate: disbursementFileSchema.nullable(),
});

/** What the receipt says, fixed when it is generated. */
export const receiptContentSchema = z.object({
  receiptNumber: z.string(),
  payer: z.string(),
  payee: z.object({ name: z.string(), uscc: z.string() }),
  itemName: z.string(),
  year: z.number().int(),
  amountFen: z.number().int().nonnegative(),
  /** e.g. 壹万伍仟元整 */
  amountInCapitals: z.string(),
  bankAccount: bankAccountSchema.pick({ bankName: true, accountName: true, accountNumber: true, branchName: true, cnapsCode: true }),
  contact: financeContactSchema.pick({ name: true, mobile: true, phone: true }),
  /** The receipt's date (China date, YYYY-MM-DD). */
  date: z.iso.date(),
});
export type ReceiptContent = z.infer<typeof receiptContentSchema>;

export const disbursementViewSchema = z.object({
  applicationId: uuidSchema,
  enterpriseId: uuidSchema,
  enterprise: z.object({ name: z.string(), uscc: z.string() }),
  status: subsidyStatusSchema,
  itemName: z.string(),
  year: z.number().int(),
  amountFen: z.number().int().nonnegative(),
  /** Assigned when finance staff open the disbursement; printed on the receipt. */
  receiptNumber: z.string(),
  openedAt: isoDateTimeSchema,
  talents: z.array(disbursementTalentSchema),
  bankAccount: bankAccountSchema.nullable(),
  contact: financeContactSchema.nullable(),
  /**
   * What is still missing before the receipt can be generated: `employmentCertificate:<index>`, `bankAccount`,
   * `contact`. Empty when the receipt PDF is ready.
   */
  missing: z.array(z.string()),
  /** The stamped receipt as submitted (the latest one); null until submitted. */
  stampedReceipt: disbursementFileSchema.extend({ source: z.enum(['pc', 'phone']), submittedAt: isoDateTimeSchema }).nullable(),
  /** Finance's reason when the receipt was returned (while `receipt_returned`). */
  returnReason: z.string().nullable(),
  paidAt: isoDateTimeSchema.nullable(),
  /** The application's timeline, including the disbursement steps (staff named by role for the enterprise). */
  timeline: z.array(subsidyTimelineEntrySchema),
});
export type DisbursementView = z.infer<typeof disbursementViewSchema>;

export const disbursementSummarySchema = z.object({
  applicationId: uuidSchema,
  enterpriseId: uuidSchema,
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  status: subsidyStatusSchema,
  itemName: z.string(),
  year: z.number().int(),
  amountFen: z.number().int().nonnegative(),
  receiptNumber: z.string(),
  openedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type DisbursementSummary = z.infer<typeof disbursementSummarySchema>;

// ── Phone capture links (one-time QR links) ────────────────────────────────────────────────────────────────

/** Minutes a capture link stays valid. */
export const RECEIPT_LINK_TTL_MINUTES = 10;

/** The one-time token in the link: 32 random bytes, base64url. */
export const receiptLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const receiptLinkSchema = z.object({
  linkId: uuidSchema,
  /** The phone page's address with the token in its fragment: `<public origin>/m/receipt#<token>`. */
  url: z.string(),
  expiresAt: isoDateTimeSchema,
});

/**
 * What the PC polls while its QR code is shown. `waiting`: not used yet; `uploaded`: the phone uploaded `photo`
 * (the link is spent); `expired`: unused and out of time; `superseded`: a newer link replaced it.
 */
export const receiptLinkStatusSchema = z.object({
  linkId: uuidSchema,
  state: z.enum(['waiting', 'uploaded', 'expired', 'superseded']),
  expiresAt: isoDateTimeSchema,
  photo: disbursementFileSchema.nullable(),
});
export type ReceiptLinkStatus = z.infer<typeof receiptLinkStatusSchema>;

/** What the phone page shows before the camera opens: enough to know it is the right receipt, nothing more. */
export const phoneReceiptInfoSchema = z.object({
  enterpriseName: z.string(),
  itemName: z.string(),
  receiptNumber: z.string(),
  amountFen: z.number().int(),
  expiresAt: isoDateTimeSchema,
  /** The crop frame's width / height, for the alignment frame. */
  frameAspect: z.number(),
});

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

// ── Enterprise routes ───────────────────────────────────────────────────────────────────────────────────────

const itemQuery = z.object({ item: z.literal('disbursement') });
const enterpriseAccess = { kind: 'account', item: true } as const;
const disbursementParams = enterpriseParamsSchema.extend({ applicationId: uuidSchema });

export const listDisbursementsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/disbursements',
  operationId: 'listDisbursements',
  summary: 'The enterprise\u2019s disbursements (pending first, then newest), every status from disbursement_pending on',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  response: z.object({ disbursements: z.array(disbursementSummarySchema) }),
});

export const getDisbursementRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId',
  operationId: 'getDisbursement',
  summary: 'One disbursement with its talents, employment certificates, bank account, contact and receipt',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams,
  query: itemQuery,
  response: disbursementViewSchema,
});

export const setEmploymentCertificateRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId/talents/:talentIndex/employment-certificate',
  operationId: 'setEmploymentCertificate',
  summary: 'Records the latest employment certificate of a talent (a file uploaded with ?item=disbursement)',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams.extend({ talentIndex: z.coerce.number().int().min(0).max(49) }),
  query: itemQuery,
  body: z.object({ sha256: sha256HexSchema }),
  response: disbursementViewSchema,
});

export const setDisbursementPayeeRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId/payee',
  operationId: 'setDisbursementPayee',
  summary: 'Chooses the bank account and the contact the receipt names (from the enterprise\u2019s saved ones)',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams,
  query: itemQuery,
  body: z.object({ bankAccountId: uuidSchema, contactId: uuidSchema }),
  response: disbursementViewSchema,
});

export const receiptPdfRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId/receipt.pdf',
  operationId: 'getReceiptPdf',
  summary: 'The receipt to print and stamp, generated from the disbursement (409 DISBURSEMENT_INCOMPLETE until nothing is missing)',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams,
  query: itemQuery,
  responseMediaType: 'application/pdf',
});

export const createReceiptLinkRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId/receipt-links',
  operationId: 'createReceiptLink',
  summary: 'A one-time link for the phone to upload the stamped receipt (replaces any earlier link of this disbursement)',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams,
  query: itemQuery,
  body: z.object({}),
  response: receiptLinkSchema,
});

export const getReceiptLinkRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId/receipt-links/:linkId',
  operationId: 'getReceiptLink',
  summary: 'Whether the phone has uploaded through the link yet (the PC polls this)',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams.extend({ linkId: uuidSchema }),
  query: itemQuery,
  response: receiptLinkStatusSchema,
});

export const submitReceiptRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/disbursements/:applicationId/receipt',
  operationId: 'submitReceipt',
  summary: 'Submits the stamped receipt (a file of the enterprise: uploaded on the PC, or the phone\u2019s photo)',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: disbursementParams,
  query: itemQuery,
  body: z.object({ sha256: sha256HexSchema, source: z.enum(['pc', 'phone']) }),
  response: disbursementViewSchema,
});

// Saved bank accounts and contacts belong to the enterprise (not to one disbursement).

export const listBankAccountsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/bank-accounts',
  operationId: 'listBankAccounts',
  summary: 'The enterprise\u2019s saved bank accounts',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  response: z.object({ bankAccounts: z.array(bankAccountSchema) }),
});

export const createBankAccountRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/bank-accounts',
  operationId: 'createBankAccount',
  summary: 'Saves a bank account (account name must equal the enterprise name); audited',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  body: bankAccountInputSchema,
  response: bankAccountSchema,
});

export const updateBankAccountRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/bank-accounts/:bankAccountId',
  operationId: 'updateBankAccount',
  summary: 'Changes a saved bank account; audited with the record before and after',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema.extend({ bankAccountId: uuidSchema }),
  query: itemQuery,
  body: bankAccountInputSchema,
  response: bankAccountSchema,
});

export const deleteBankAccountRoute = defineRoute({
  method: 'DELETE',
  path: '/api/enterprises/:enterpriseId/bank-accounts/:bankAccountId',
  operationId: 'deleteBankAccount',
  summary: 'Removes a saved bank account (disbursements keep what they chose); audited',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema.extend({ bankAccountId: uuidSchema }),
  query: itemQuery,
  response: z.object({ ok: z.literal(true) }),
});

export const listFinanceContactsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/finance-contacts',
  operationId: 'listFinanceContacts',
  summary: 'The enterprise\u2019s saved contacts for receipts',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  response: z.object({ contacts: z.array(financeContactSchema) }),
});

export const createFinanceContactRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/finance-contacts',
  operationId: 'createFinanceContact',
  summary: 'Saves a contact; audited',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  body: financeContactInputSchema,
  response: financeContactSchema,
});

export const updateFinanceContactRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/finance-contacts/:contactId',
  operationId: 'updateFinanceContact',
  summary: 'Changes a saved contact; audited with the record before and after',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema.extend({ contactId: uuidSchema }),
  query: itemQuery,
  body: financeContactInputSchema,
  response: financeContactSchema,
});

export const deleteFinanceContactRoute = defineRoute({
  method: 'DELETE',
  path: '/api/enterprises/:enterpriseId/finance-contacts/:contactId',
  operationId: 'deleteFinanceContact',
  summary: 'Removes a saved contact; audited',
  tag: 'disbursement',
  access: enterpriseAccess,
  params: enterpriseParamsSchema.extend({ contactId: uuidSchema }),
  query: itemQuery,
  response: z.object({ ok: z.literal(true) }),
});

// ── The phone page's routes (no session: the one-time token is the credential) ───────────────────────────

const tokenParams = z.object({ token: receiptLinkTokenSchema });

export const phoneReceiptInfoRoute = defineRoute({
  method: 'GET',
  path: '/api/phone/receipt-links/:token',
  operationId: 'phoneReceiptInfo',
  summary: 'What the link is for (410 RECEIPT_LINK_EXPIRED / RECEIPT_LINK_USED, 404 RECEIPT_LINK_INVALID); rate-limited',
  tag: 'phone',
  access: { kind: 'public' },
  params: tokenParams,
  response: phoneReceiptInfoSchema,
});

export const phoneUploadReceiptRoute = defineRoute({
  method: 'POST',
  path: '/api/phone/receipt-links/:token/photo',
  operationId: 'phoneUploadReceipt',
  summary: 'Uploads the cropped photo of the stamped receipt (JPEG/PNG); spends the link',
  tag: 'phone',
  access: { kind: 'public' },
  params: tokenParams,
  rawBody: { mediaTypes: PHOTO_MEDIA_TYPES, maxBytes: PHOTO_MAX_BYTES },
  response: z.object({ ok: z.literal(true), receiptNumber: z.string() }),
});

// ── Finance staff routes ────────────────────────────────────────────────────────────────────────────────────

const financeRoles = staffDuties.disbursement satisfies readonly StaffRole[];
const financeAccess = { kind: 'staff', roles: financeRoles } as const;
const staffParams = z.object({ applicationId: uuidSchema });

export const staffDisbursementViewSchema = disbursementViewSchema.extend({
  /** The actions finance may take now: `acceptReceipt`, `returnReceipt`. */
  allowedActions: z.array(z.enum(['acceptReceipt', 'returnReceipt'])),
});

/**
 * Finance may open the disbursement once the publicity period is over: the day after its last day (`endDate`,
 * inclusive), by the China calendar (`today` from src-shared/time/china.ts). The server enforces it
 * (PUBLICITY_NOT_OVER); the console disables the action until then and says the date.
 */
export const publicityOver = (endDate: string | null, today: string): boolean => endDate !== null && endDate < today;

/** The first China date on which the disbursement of a publicity ending on `endDate` may be opened. */
export function disbursementOpensOn(endDate: string): string {
  const [y, m, d] = endDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export const staffOpenDisbursementRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/subsidy-applications/:applicationId/disbursement',
  operationId: 'staffOpenDisbursement',
  summary: 'Opens the disbursement after publicity (publicity → disbursement_pending; assigns the receipt number)',
  tag: 'disbursement-review',
  access: financeAccess,
  params: staffParams,
  body: z.object({ comment: z.string().trim().max(1000).optional() }),
  response: staffDisbursementViewSchema,
});

export const staffDisbursementQueueRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/disbursements',
  operationId: 'staffDisbursementQueue',
  summary: 'Disbursements for finance: filter by status, name or USCC; oldest change first',
  tag: 'disbursement-review',
  access: financeAccess,
  query: z.object({
    status: disbursementStatusSchema.optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ disbursements: z.array(disbursementSummarySchema), total: z.number().int() }),
});

export const staffGetDisbursementRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/disbursements/:applicationId',
  operationId: 'staffGetDisbursement',
  summary: 'One disbursement with everything the enterprise gave, the stamped receipt and the timeline',
  tag: 'disbursement-review',
  access: financeAccess,
  params: staffParams,
  response: staffDisbursementViewSchema,
});

export const staffReceiptPdfRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/disbursements/:applicationId/receipt.pdf',
  operationId: 'staffReceiptPdf',
  summary: 'The receipt PDF as the enterprise printed it',
  tag: 'disbursement-review',
  access: financeAccess,
  params: staffParams,
  responseMediaType: 'application/pdf',
});

export const staffAcceptReceiptRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/disbursements/:applicationId/accept',
  operationId: 'staffAcceptReceipt',
  summary: 'Accepts the stamped receipt: the subsidy is paid (receipt_submitted → paid)',
  tag: 'disbursement-review',
  access: financeAccess,
  params: staffParams,
  body: z.object({ comment: z.string().trim().max(1000).optional() }),
  response: staffDisbursementViewSchema,
});

export const staffReturnReceiptRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/disbursements/:applicationId/return',
  operationId: 'staffReturnReceipt',
  summary: 'Returns the stamped receipt with a reason; the enterprise uploads again (receipt_submitted → receipt_returned)',
  tag: 'disbursement-review',
  access: financeAccess,
  params: staffParams,
  body: z.object({ reason: z.string().trim().min(1).max(1000) }),
  response: staffDisbursementViewSchema,
});

