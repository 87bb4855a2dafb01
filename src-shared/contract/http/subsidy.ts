/**
 * Service items (事项) and the talent recruitment subsidy (高层次和紧缺人才招聘补贴; manual 001 §1, DESIGN.md
 * "Flows and states"): the enterprise's side (drafts, signed submissions and resubmissions, withdrawal, the
 * timeline) and the reviewers' side (queue, accept, return with comments per field and attachment, approve with an
 * amount, reject, publicity). Enterprise routes need the `subsidy` item permission (`?item=subsidy`).
 */
import { z } from 'zod';
import { staffDuties } from './staff-duties';
import { MAX_FEE_FEN } from '../../subsidy/amount';
import type { FieldIssue } from '../../validation/issues';
import { parseResidentId, type ResidentIdErrorCode } from '../../validation/resident-id';
import { mobileSchema, usccSchema } from '../../validation/zod';
import { attachmentDigestSchema, materialListSchema, signedEnvelopeSchema, signedPayloadBaseSchema } from '../signing';
import { defineRoute, enterpriseParamsSchema, isoDateTimeSchema, serviceItemSchema, sha256HexSchema, type StaffRole, uuidSchema } from './route';

// ── Service items ───────────────────────────────────────────────────────────

export const serviceItemMaterialSchema = z.object({
  /** The attachment requirement the material answers (see the subsidy requirements below). */
  requirement: z.string(),
  name: z.string(),
  /** `application`: once per application; `talent`: once per recruited talent. */
  scope: z.enum(['application', 'talent']),
  /** `always`, `headhunting` (only for talents recruited through a headhunter), or `optional`. */
  required: z.enum(['always', 'headhunting', 'optional']),
  note: z.string().optional(),
});

export const serviceItemGuideSchema = z.object({
  item: serviceItemSchema,
  name: z.string(),
  summary: z.string(),
  conditions: z.array(z.string()),
  materials: z.array(serviceItemMaterialSchema),
  policy: z.string(),
  process: z.array(z.string()),
});
export type ServiceItemGuide = z.infer<typeof serviceItemGuideSchema>;

export const listServiceItemsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/service-items',
  operationId: 'listServiceItems',
  summary: 'The service items the caller may use, with their guides (handlers: only items they hold)',
  tag: 'service-items',
  access: { kind: 'account' },
  params: enterpriseParamsSchema,
  response: z.object({ items: z.array(serviceItemGuideSchema) }),
});

// ── The application form ────────────────────────────────────────────────────

/** Application-level attachments (manual 001 §1: "根据附件要求和提示上传相关证明材料"). */
export const subsidyApplicationRequirements = {
  businessLicence: { required: 'always' },
  applicationForm: { required: 'always' },
  headhuntingContract: { required: 'headhunting' },
  other: { required: 'optional' },
} as const;
export const subsidyApplicationRequirementSchema = z.enum(
  Object.keys(subsidyApplicationRequirements) as [keyof typeof subsidyApplicationRequirements, ...(keyof typeof subsidyApplicationRequirements)[]],
);

/** Per-talent attachments. `headhunting`: required when the talent was recruited through a headhunter. */
export const subsidyTalentRequirements = {
  idDocument: { required: 'always' },
  diploma: { required: 'always' },
  laborContract: { required: 'always' },
  socialInsurance: { required: 'always' },
  invoice: { required: 'headhunting' },
  paymentProof: { required: 'headhunting' },
  titleCertificate: { required: 'optional' },
} as const;
export const subsidyTalentRequirementSchema = z.enum(
  Object.keys(subsidyTalentRequirements) as [keyof typeof subsidyTalentRequirements, ...(keyof typeof subsidyTalentRequirements)[]],
);

/** When a requirement must be uploaded: `headhunting` ones only for a talent recruited through a headhunter. */
export type RequirementNeed = 'always' | 'headhunting' | 'optional';
export const isRequirementNeeded = (need: RequirementNeed, headhunting: boolean) => need === 'always' || (need === 'headhunting' && headhunting);
/** Whether a requirement is asked for at all (headhunting ones are not, without a headhunter). */
export const isRequirementAsked = (need: RequirementNeed, headhunting: boolean) => need !== 'headhunting' || headhunting;

/**
 * The one required-attachment rule: every requirement needed and not listed, as `ATTACHMENT_REQUIRED` at
 * `attachments.<requirement>` / `talents[i].attachments.<requirement>` (the paths reviewers comment on). The server
 * refuses a submission with these issues; the form shows them beside the upload rows.
 */
export function missingSubsidyAttachments(form: {
  attachments: readonly { requirement: string }[];
  talents: readonly { recruitmentChannel: string; attachments: readonly { requirement: string }[] }[];
}): FieldIssue[] {
  const missing = (listed: readonly { requirement: string }[], requirements: Record<string, { required: RequirementNeed }>, headhunting: boolean, prefix: string) => {
    const have = new Set(listed.map((a) => a.requirement));
    return Object.entries(requirements)
      .filter(([name, r]) => isRequirementNeeded(r.required, headhunting) && !have.has(name))
      .map(([name]): FieldIssue => ({ path: `${prefix}attachments.${name}`, code: 'ATTACHMENT_REQUIRED' }));
  };
  const headhunting = (t: { recruitmentChannel: string }) => t.recruitmentChannel === 'headhunting';
  return [
    ...missing(form.attachments, subsidyApplicationRequirements, form.talents.some(headhunting), ''),
    ...form.talents.flatMap((t, i) => missing(t.attachments, subsidyTalentRequirements, headhunting(t), `talents[${i}].`)),
  ];
}

/** The codes of the subsidy's own rules (beyond zod's and the validators'); the catalogs have a text for each. */
export const SUBSIDY_RULE_CODES = [
  'DATE_ORDER',
  'HEADHUNTER_REQUIRED',
  'FEE_REQUIRED',
  'INVOICE_REQUIRED',
  'PAYMENT_DATE_REQUIRED',
  'FEE_WITHOUT_HEADHUNTING',
  'COMMENT_REQUIRED',
  'ATTACHMENT_REQUIRED',
  'ATTACHMENT_NOT_UPLOADED',
] as const;
export type SubsidyRuleCode = (typeof SUBSIDY_RULE_CODES)[number];

export const idTypeSchema = z.enum(['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanentResidence', 'other']);
export const educationSchema = z.enum(['doctorate', 'master', 'bachelor', 'associate', 'other']);
export const degreeSchema = z.enum(['doctor', 'master', 'bachelor', 'none']);
export const talentCategorySchema = z.enum(['leading', 'highLevel', 'shortage', 'other']);
/** 猎头 is `headhunting`: the channel the subsidy pays for. */
export const recruitmentChannelSchema = z.enum(['headhunting', 'campus', 'jobFair', 'onlinePlatform', 'referral', 'other']);

const dateSchema = z.iso.date();
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const text = (max: number) => z.string().trim().min(1).max(max);
const fenSchema = z.number().int().nonnegative().max(MAX_FEE_FEN);

const talentAttachmentSchema = attachmentDigestSchema.extend({ requirement: subsidyTalentRequirementSchema });
const applicationAttachmentSchema = attachmentDigestSchema.extend({ requirement: subsidyApplicationRequirementSchema });

/** A recruited talent's fields, before the cross-field rules. */
export const subsidyTalentFieldsSchema = z.object({
  name: text(50),
  idType: idTypeSchema,
  /** Resident IDs are checked (GB 11643); other documents are free-form. */
  idNumber: text(40),
  nationality: text(50),
  education: educationSchema,
  degree: degreeSchema,
  school: text(100),
  major: text(100),
  graduationDate: dateSchema,
  title: z.string().trim().max(100),
  position: text(100),
  category: talentCategorySchema,
  hireDate: dateSchema,
  contractStart: dateSchema,
  contractEnd: dateSchema,
  annualSalaryFen: fenSchema,
  socialInsuranceStartMonth: monthSchema,
  socialInsuranceMonths: z.number().int().min(0).max(600),
  recruitmentChannel: recruitmentChannelSchema,
  headhunter: z.object({ name: text(100), uscc: usccSchema }).nullable(),
  feePaidFen: fenSchema,
  invoiceNumber: z.string().trim().max(50),
  paymentDate: dateSchema.nullable(),
  priorSubsidy: z.object({ received: z.boolean(), note: z.string().trim().max(500) }),
  attachments: materialListSchema(talentAttachmentSchema, 30),
});

type TalentFields = z.infer<typeof subsidyTalentFieldsSchema>;

function talentRules(t: TalentFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, code: SubsidyRuleCode | ResidentIdErrorCode) => ctx.addIssue({ code: 'custom', message: code, params: { code }, path: [path], input: t });
  if (t.idType === 'residentId') {
    const parsed = parseResidentId(t.idNumber);
    if (!parsed.ok) issue('idNumber', parsed.code);
  }
  if (t.contractEnd < t.contractStart) issue('contractEnd', 'DATE_ORDER');
  if (t.recruitmentChannel === 'headhunting') {
    if (!t.headhunter) issue('headhunter', 'HEADHUNTER_REQUIRED');
    if (t.feePaidFen <= 0) issue('feePaidFen', 'FEE_REQUIRED');
    if (!t.invoiceNumber) issue('invoiceNumber', 'INVOICE_REQUIRED');
    if (!t.paymentDate) issue('paymentDate', 'PAYMENT_DATE_REQUIRED');
  } else if (t.feePaidFen > 0) {
    // Only a headhunter's fee is subsidised.
    issue('feePaidFen', 'FEE_WITHOUT_HEADHUNTING');
  }
}

export const subsidyTalentSchema = subsidyTalentFieldsSchema.superRefine(talentRules);
export type SubsidyTalent = z.infer<typeof subsidyTalentSchema>;

export const subsidyContactSchema = z.object({ name: text(50), mobile: mobileSchema, email: z.email().max(254) });

/** The enterprise as the application states it: prefilled from the enterprise record and not editable. */
export const subsidyEnterpriseSchema = z.object({ uscc: usccSchema, name: text(100) });

export const SUBSIDY_PAYLOAD_TYPE = 'tongban.subsidy-application/v1';

/** The signed submission: the whole form, every attachment hash and the amount requested. */
export const subsidyPayloadSchema = signedPayloadBaseSchema.extend({
  type: z.literal(SUBSIDY_PAYLOAD_TYPE),
  /** Binds the signature to one application. */
  applicationId: uuidSchema,
  /** The applicant read and confirmed the instructions (申请说明). */
  declarationAccepted: z.literal(true),
  enterprise: subsidyEnterpriseSchema,
  contact: subsidyContactSchema,
  talents: z.array(subsidyTalentSchema).min(1).max(50),
  attachments: materialListSchema(applicationAttachmentSchema, 50),
  /** Computed with `subsidyAmount` (src-shared/subsidy/amount.ts); the server recomputes it and refuses a mismatch. */
  amountRequestedFen: z.number().int().nonnegative(),
});
export type SubsidyPayload = z.infer<typeof subsidyPayloadSchema>;

export const subsidyEnvelopeSchema = signedEnvelopeSchema(subsidyPayloadSchema);

/** What the clerk fills in of the payload: the form checks exactly this (plus {@link missingSubsidyAttachments}). */
export const subsidyFormSchema = subsidyPayloadSchema.pick({ contact: true, talents: true, attachments: true });
export type SubsidyFormValue = z.infer<typeof subsidyFormSchema>;

const draftLeaf = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
/**
 * A draft as typed so far: any subset of the form, values unchecked (they are checked at submission). Kept on the
 * server so a draft follows the enterprise to another desk.
 */
export const subsidyDraftFormSchema = z.object({
  declarationAccepted: z.boolean().optional(),
  contact: z.record(z.string().max(50), draftLeaf).optional(),
  talents: z
    .array(z.record(z.string().max(50), z.union([draftLeaf, z.record(z.string().max(50), draftLeaf), z.array(attachmentDigestSchema).max(30)])))
    .max(50)
    .optional(),
  attachments: z.array(attachmentDigestSchema).max(50).optional(),
});
export type SubsidyDraftForm = z.infer<typeof subsidyDraftFormSchema>;

// ── States ──────────────────────────────────────────────────────────────────

export const subsidyStatusSchema = z.enum([
  'draft',
  'submitted',
  'accepted',
  'returned',
  'resubmitted',
  'approved',
  'publicity',
  'disbursement_pending',
  'receipt_submitted',
  'receipt_returned',
  'paid',
  'rejected',
  'withdrawn',
]);
export type SubsidyStatus = z.infer<typeof subsidyStatusSchema>;

export const subsidyActionSchema = z.enum([
  'submit',
  'resubmit',
  'accept',
  'return',
  'approve',
  'reject',
  'startPublicity',
  'openDisbursement',
  'submitReceipt',
  'acceptReceipt',
  'returnReceipt',
  'withdraw',
]);
export type SubsidyAction = z.infer<typeof subsidyActionSchema>;

/** The state machine: for each action, the states it may start from and the state it leads to. */
export const subsidyTransitions: Readonly<Record<SubsidyAction, { from: readonly SubsidyStatus[]; to: SubsidyStatus }>> = {
  submit: { from: ['draft'], to: 'submitted' },
  resubmit: { from: ['returned'], to: 'resubmitted' },
  accept: { from: ['submitted', 'resubmitted'], to: 'accepted' },
  return: { from: ['submitted', 'accepted', 'resubmitted'], to: 'returned' },
  approve: { from: ['accepted', 'resubmitted'], to: 'approved' },
  reject: { from: ['submitted', 'accepted', 'resubmitted'], to: 'rejected' },
  startPublicity: { from: ['approved'], to: 'publicity' },
  // Disbursement (disbursement.ts): finance opens it after publicity; the enterprise submits the stamped receipt;
  // finance accepts it (paid) or returns it for another upload.
  openDisbursement: { from: ['publicity'], to: 'disbursement_pending' },
  submitReceipt: { from: ['disbursement_pending', 'receipt_returned'], to: 'receipt_submitted' },
  acceptReceipt: { from: ['receipt_submitted'], to: 'paid' },
  returnReceipt: { from: ['receipt_submitted'], to: 'receipt_returned' },
  withdraw: { from: ['draft', 'submitted', 'accepted', 'returned', 'resubmitted'], to: 'withdrawn' },
};

// ── Views ───────────────────────────────────────────────────────────────────

export const subsidyReviewCommentSchema = z.object({
  /** A field path such as `contact.mobile` or `talents[1].invoiceNumber`. */
  path: z.string().trim().min(1).max(100).regex(/^[A-Za-z]+(\[\d{1,2}\])?(\.[A-Za-z]+(\[\d{1,2}\])?)*$/),
  comment: z.string().trim().min(1).max(500),
});

export const subsidyReturnSchema = z.object({
  comment: z.string().max(1000),
  /** Comments on fields, by path. */
  fields: z.array(subsidyReviewCommentSchema),
  /** Comments on attachments, by requirement path: `attachments.businessLicence`, `talents[0].attachments.invoice`. */
  attachments: z.array(subsidyReviewCommentSchema),
});

export const subsidyChangesSchema = z.object({
  /** Field paths whose values differ from the returned version. */
  fields: z.array(z.string()),
  /** Attachment requirement paths whose files differ. */
  attachments: z.array(z.string()),
});

export const subsidyTimelineEntrySchema = z.object({
  at: isoDateTimeSchema,
  action: z.union([subsidyActionSchema, z.literal('create')]),
  status: subsidyStatusSchema,
  actor: z.object({ type: z.enum(['account', 'staff']), id: z.string(), name: z.string() }),
  comment: z.string().nullable(),
  /** Return comments, the approved amount or the publicity dates, as the action has them. */
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const subsidyAmountRuleSchema = z.object({
  rateBasisPoints: z.number().int(),
  perTalentCapFen: z.number().int(),
  perEnterpriseYearCapFen: z.number().int(),
});

export const subsidyApplicationSchema = z.object({
  id: uuidSchema,
  enterpriseId: uuidSchema,
  status: subsidyStatusSchema,
  /** The enterprise record, for prefilling. */
  enterprise: z.object({ uscc: z.string(), name: z.string(), address: z.string(), legalRepresentative: z.string() }),
  /** The draft, or the latest signed form once submitted. */
  form: z.record(z.string(), z.unknown()),
  /** Number of signed versions (1 after the first submission, +1 per resubmission). */
  version: z.number().int().nonnegative(),
  amountRequestedFen: z.number().int().nullable(),
  amountApprovedFen: z.number().int().nullable(),
  /** The amount rule and what the enterprise's other live applications of the year already use. */
  quota: z.object({ rule: subsidyAmountRuleSchema, usedThisYearFen: z.number().int() }),
  /** The latest return's comments, while they matter (returned, resubmitted). */
  returnComments: subsidyReturnSchema.nullable(),
  /** What the latest resubmission changed against the returned version. */
  changes: subsidyChangesSchema.nullable(),
  publicity: z.object({ startDate: z.string(), endDate: z.string() }).nullable(),
  rejectReason: z.string().nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type SubsidyApplicationView = z.infer<typeof subsidyApplicationSchema>;

export const subsidyApplicationSummarySchema = z.object({
  id: uuidSchema,
  enterpriseId: uuidSchema,
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  status: subsidyStatusSchema,
  version: z.number().int(),
  talentCount: z.number().int(),
  amountRequestedFen: z.number().int().nullable(),
  amountApprovedFen: z.number().int().nullable(),
  /** The last day of publicity (China date), once publicity has started: finance opens the disbursement after it. */
  publicityEndDate: z.string().nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  updatedAt: isoDateTimeSchema,
});

export const subsidySignatureSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: isoDateTimeSchema,
  notAfter: isoDateTimeSchema,
  uscc: z.string(),
  usccSource: z.string(),
  profile: z.string(),
  fingerprint: sha256HexSchema,
  signingTime: isoDateTimeSchema.nullable(),
  verifiedAt: isoDateTimeSchema,
});

export const subsidyVersionSchema = z.object({
  version: z.number().int(),
  submittedAt: isoDateTimeSchema,
  payloadSha256: sha256HexSchema,
  payload: z.record(z.string(), z.unknown()),
  signature: subsidySignatureSchema,
  changes: subsidyChangesSchema.nullable(),
});

// ── Enterprise routes ───────────────────────────────────────────────────────

const itemQuery = z.object({ item: z.literal('subsidy') });
const applicationParams = enterpriseParamsSchema.extend({ applicationId: uuidSchema });
const enterpriseAccess = { kind: 'account', item: true } as const;

export const createSubsidyDraftRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/subsidy-applications',
  operationId: 'createSubsidyDraft',
  summary: 'Starts a talent recruitment subsidy application as a draft',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  body: z.object({ form: subsidyDraftFormSchema }),
  response: subsidyApplicationSchema,
});

export const updateSubsidyDraftRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/subsidy-applications/:applicationId',
  operationId: 'updateSubsidyDraft',
  summary: 'Saves the draft (a draft, or a returned application being corrected)',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: applicationParams,
  query: itemQuery,
  body: z.object({ form: subsidyDraftFormSchema }),
  response: subsidyApplicationSchema,
});

export const submitSubsidyRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/subsidy-applications/:applicationId/submit',
  operationId: 'submitSubsidy',
  summary: 'Submits (draft) or resubmits (returned) a signed application; idempotent by the payload\u2019s idempotencyKey',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: applicationParams,
  query: itemQuery,
  body: subsidyEnvelopeSchema,
  response: subsidyApplicationSchema,
});

export const getSubsidyRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/subsidy-applications/:applicationId',
  operationId: 'getSubsidy',
  summary: 'One of the enterprise\u2019s subsidy applications',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: applicationParams,
  query: itemQuery,
  response: subsidyApplicationSchema,
});

export const listSubsidiesRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/subsidy-applications',
  operationId: 'listSubsidies',
  summary: 'The enterprise\u2019s subsidy applications, newest first',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  response: z.object({ applications: z.array(subsidyApplicationSummarySchema) }),
});

export const withdrawSubsidyRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/subsidy-applications/:applicationId/withdraw',
  operationId: 'withdrawSubsidy',
  summary: 'Withdraws an application that is not yet decided',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: applicationParams,
  query: itemQuery,
  body: z.object({ reason: z.string().trim().max(500).optional() }),
  response: subsidyApplicationSchema,
});

export const subsidyTimelineRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/subsidy-applications/:applicationId/timeline',
  operationId: 'getSubsidyTimeline',
  summary: 'Every state of the application with its actor and comment, oldest first',
  tag: 'subsidy',
  access: enterpriseAccess,
  params: applicationParams,
  query: itemQuery,
  response: z.object({ entries: z.array(subsidyTimelineEntrySchema) }),
});

// ── Staff routes ────────────────────────────────────────────────────────────

const reviewerRoles = staffDuties.subsidyReview;
const reviewerAccess = { kind: 'staff', roles: reviewerRoles } as const;
/** Reading the queue and an application: reviewers, and finance, who open the disbursement of those in publicity. */
const staffReadAccess = { kind: 'staff', roles: staffDuties.subsidyRead } as const satisfies { kind: 'staff'; roles: readonly StaffRole[] };
const staffApplicationParams = z.object({ applicationId: uuidSchema });

export const staffSubsidyQueueRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/subsidy-applications',
  operationId: 'staffSubsidyQueue',
  summary: 'The reviewers\u2019 queue: submitted applications with filters, oldest submission first',
  tag: 'subsidy-review',
  access: staffReadAccess,
  query: z.object({
    status: subsidyStatusSchema.optional(),
    submittedFrom: dateSchema.optional(),
    submittedTo: dateSchema.optional(),
    /** Part of the enterprise's name, or its USCC. */
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ applications: z.array(subsidyApplicationSummarySchema), total: z.number().int() }),
});

export const staffSubsidyApplicationSchema = subsidyApplicationSchema.extend({
  versions: z.array(subsidyVersionSchema),
  timeline: z.array(subsidyTimelineEntrySchema),
  /** The actions the state machine allows the caller now (review actions for reviewers, openDisbursement for finance). */
  allowedActions: z.array(subsidyActionSchema),
});

export const staffGetSubsidyRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/subsidy-applications/:applicationId',
  operationId: 'staffGetSubsidy',
  summary: 'An application with every signed version, its signature and certificate, and the timeline',
  tag: 'subsidy-review',
  access: staffReadAccess,
  params: staffApplicationParams,
  response: staffSubsidyApplicationSchema,
});

const staffAction = <B extends z.ZodType>(name: string, path: string, summary: string, body: B) =>
  defineRoute({
    method: 'POST',
    path: `/api/staff/subsidy-applications/:applicationId/${path}`,
    operationId: name,
    summary,
    tag: 'subsidy-review',
    access: reviewerAccess,
    params: staffApplicationParams,
    body,
    response: staffSubsidyApplicationSchema,
  });

export const acceptSubsidyRoute = staffAction('acceptSubsidy', 'accept', 'Accepts the application for review (受理)', z.object({ comment: z.string().trim().max(1000).optional() }));

export const returnSubsidyRoute = staffAction(
  'returnSubsidy',
  'return',
  'Returns the application for correction with comments per field and per attachment',
  z
    .object({
      comment: z.string().trim().max(1000).default(''),
      fields: z.array(subsidyReviewCommentSchema).max(100).default([]),
      attachments: z.array(subsidyReviewCommentSchema).max(100).default([]),
    })
    .refine((b) => b.comment.length > 0 || b.fields.length > 0 || b.attachments.length > 0, { message: 'COMMENT_REQUIRED', params: { code: 'COMMENT_REQUIRED' } }),
);

export const approveSubsidyRoute = staffAction(
  'approveSubsidy',
  'approve',
  'Approves the application with an amount in fen (at most the amount requested)',
  z.object({ amountFen: z.number().int().nonnegative(), comment: z.string().trim().max(1000).optional() }),
);

export const rejectSubsidyRoute = staffAction('rejectSubsidy', 'reject', 'Rejects the application with a reason', z.object({ reason: z.string().trim().min(1).max(1000) }));

export const startSubsidyPublicityRoute = staffAction(
  'startSubsidyPublicity',
  'publicity',
  'Starts the publicity period (approved → publicity)',
  z.object({ startDate: dateSchema, endDate: dateSchema }).refine((b) => b.endDate >= b.startDate, { path: ['endDate'], message: 'DATE_ORDER', params: { code: 'DATE_ORDER' } }),
);

export const staffSubsidyAuditRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/subsidy-applications/:applicationId/audit',
  operationId: 'staffSubsidyAudit',
  summary: 'The audit trail of one application: every change with its actor and the record before and after',
  tag: 'subsidy-review',
  access: reviewerAccess,
  params: staffApplicationParams,
  response: z.object({
    entries: z.array(
      z.object({
        at: isoDateTimeSchema,
        actor: z.object({ type: z.string(), id: z.string().nullable() }),
        action: z.string(),
        before: z.record(z.string(), z.unknown()).nullable(),
        after: z.record(z.string(), z.unknown()).nullable(),
        requestId: z.string().nullable(),
      }),
    ),
  }),
});
