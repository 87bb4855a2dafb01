/**
 * 小型建设工程开工备案 (construction filing; manual 002 外网申报流程, issue 15): the enterprise fills the applicant and
 * project form, uploads the materials, generates the application PDF from what it typed (src-shared/filing), signs
 * it with its CA key (PAdES) and submits; reviewers return, approve or reject. Enterprise routes need the
 * `constructionFiling` item permission (`?item=constructionFiling`). States as the subsidy's review part.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../validation/issues';
import { mobileSchema, usccSchema } from '../../validation/zod';
import { padesLevelSchema, type PadesSignatureReport } from '../pdf-signing';
import { attachmentDigestSchema } from '../signing';
import { tsaUrlSchema } from '../tsa-url';
import { staffDuties } from './staff-duties';
import { defineRoute, enterpriseParamsSchema, isoDateTimeSchema, sha256HexSchema, uuidSchema } from './route';
import { subsidyContactSchema, subsidyReviewCommentSchema, subsidyTimelineEntrySchema } from './subsidy';

// ── Materials ───────────────────────────────────────────────────────────────

/**
 * What a filing attaches besides the signed application form (the guide's 申请材料, migration 0019). `always`:
 * required; `optional`: when the project has it.
 */
export const filingRequirements = {
  planningPermit: { required: 'always' },
  constructionContract: { required: 'always' },
  constructionDrawings: { required: 'always' },
  safetyCommitment: { required: 'always' },
  supervisionContract: { required: 'optional' },
  other: { required: 'optional' },
} as const;
export type FilingRequirement = keyof typeof filingRequirements;
export const filingRequirementSchema = z.enum(Object.keys(filingRequirements) as [FilingRequirement, ...FilingRequirement[]]);

/** Every required material not listed, as `ATTACHMENT_REQUIRED` at `attachments.<requirement>`. */
export function missingFilingAttachments(form: { attachments: readonly { requirement: string }[] }): FieldIssue[] {
  const have = new Set(form.attachments.map((a) => a.requirement));
  return Object.entries(filingRequirements)
    .filter(([name, r]) => r.required === 'always' && !have.has(name))
    .map(([name]) => ({ path: `attachments.${name}`, code: 'ATTACHMENT_REQUIRED' }));
}

// ── The form ────────────────────────────────────────────────────────────────

/**
 * 限额以下: 建筑工程施工许可管理办法 (住建部令第18号) art. 2 lets projects under ¥300,000 or 300 m² start without a
 * construction permit; they are filed instead. A project above both limits needs a permit, not this filing.
 */
export const SMALL_PROJECT_LIMIT = { costFen: 30_000_000, floorAreaM2: 300 } as const;

export const FILING_RULE_CODES = ['DATE_ORDER', 'NOT_SMALL_PROJECT', 'ATTACHMENT_REQUIRED', 'ATTACHMENT_NOT_UPLOADED'] as const;
export type FilingRuleCode = (typeof FILING_RULE_CODES)[number];

export const structureTypeSchema = z.enum(['brickConcrete', 'frame', 'steel', 'wood', 'other']);
export type StructureType = z.infer<typeof structureTypeSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const dateSchema = z.iso.date();
const partySchema = z.object({ name: text(100), uscc: usccSchema });

export const filingProjectFieldsSchema = z.object({
  name: text(100),
  address: text(200),
  /** 建设工程规划许可证号 (or the land/planning document that stands in for it in small projects). */
  planningPermitNumber: text(50),
  structureType: structureTypeSchema,
  /** 建筑面积, square metres. */
  floorAreaM2: z.number().positive().max(1_000_000),
  /** 工程造价 (合同价), fen. */
  costFen: z.number().int().positive().max(100_000_000_000),
  plannedStart: dateSchema,
  plannedEnd: dateSchema,
  /** 建设单位. */
  constructionUnit: partySchema,
  /** 施工单位. */
  contractor: partySchema,
  /** 监理单位: small projects often have none. */
  supervisor: partySchema.nullable(),
  /** 施工合同编号. */
  contractNumber: text(50),
  /** 项目负责人 (the contractor's). */
  projectManager: z.object({ name: text(50), mobile: mobileSchema }),
});
export type FilingProject = z.infer<typeof filingProjectFieldsSchema>;

export const filingProjectSchema = filingProjectFieldsSchema.superRefine((p, ctx) => {
  const issue = (path: string, code: FilingRuleCode) => ctx.addIssue({ code: 'custom', message: code, params: { code }, path: [path], input: p });
  if (p.plannedEnd < p.plannedStart) issue('plannedEnd', 'DATE_ORDER');
  if (p.costFen > SMALL_PROJECT_LIMIT.costFen && p.floorAreaM2 > SMALL_PROJECT_LIMIT.floorAreaM2) issue('costFen', 'NOT_SMALL_PROJECT');
});

const filingAttachmentSchema = attachmentDigestSchema.extend({ requirement: filingRequirementSchema });

export const FILING_PAYLOAD_TYPE = 'tongban.construction-filing/v1';

/**
 * What the application PDF is generated from, byte for byte (src-shared/filing/application-pdf.ts): the desk
 * generates it to sign, the server again at submission to check that the signed PDF is this one plus signatures.
 */
export const filingPayloadSchema = z.object({
  type: z.literal(FILING_PAYLOAD_TYPE),
  filingId: uuidSchema,
  /** The submission's idempotency key. */
  idempotencyKey: z.uuid(),
  /** 填报日期 printed on the form and used as the PDF's dates (no clock in the generator). */
  preparedOn: dateSchema,
  enterprise: z.object({ uscc: usccSchema, name: text(100) }),
  contact: subsidyContactSchema,
  project: filingProjectSchema,
  attachments: z.array(filingAttachmentSchema).max(30),
});
export type FilingPayload = z.infer<typeof filingPayloadSchema>;

/** What the clerk fills in: the form checks exactly this (plus {@link missingFilingAttachments}). */
export const filingFormSchema = filingPayloadSchema.pick({ contact: true, project: true, attachments: true });
export type FilingFormValue = z.infer<typeof filingFormSchema>;

const draftLeaf = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
/** A draft as typed so far (unchecked until submission), kept on the server so it follows the enterprise. */
export const filingDraftFormSchema = z.object({
  contact: z.record(z.string().max(50), draftLeaf).optional(),
  project: z.record(z.string().max(50), z.union([draftLeaf, z.record(z.string().max(50), draftLeaf)])).optional(),
  attachments: z.array(attachmentDigestSchema).max(30).optional(),
});
export type FilingDraftForm = z.infer<typeof filingDraftFormSchema>;

/** The signed application PDF, uploaded (tus, item `constructionFiling`) before submitting. */
export const signedPdfDigestSchema = z.object({ sha256: sha256HexSchema, size: z.number().int().positive().max(20 * 1024 * 1024) });

// ── States ──────────────────────────────────────────────────────────────────

export const filingStatusSchema = z.enum(['draft', 'submitted', 'returned', 'resubmitted', 'approved', 'rejected']);
export type FilingStatus = z.infer<typeof filingStatusSchema>;
export const filingActionSchema = z.enum(['submit', 'resubmit', 'return', 'approve', 'reject']);
export type FilingAction = z.infer<typeof filingActionSchema>;

export const filingTransitions: Readonly<Record<FilingAction, { from: readonly FilingStatus[]; to: FilingStatus }>> = {
  submit: { from: ['draft'], to: 'submitted' },
  resubmit: { from: ['returned'], to: 'resubmitted' },
  return: { from: ['submitted', 'resubmitted'], to: 'returned' },
  approve: { from: ['submitted', 'resubmitted'], to: 'approved' },
  reject: { from: ['submitted', 'resubmitted'], to: 'rejected' },
};

// ── Views ───────────────────────────────────────────────────────────────────

/**
 * One signature of the signed PDF as the server's `verifyPades` reported it at submission (`PadesSignatureReport`
 * of contract/pdf-signing.ts, checked here so the console reads a declared shape), for the signature panel.
 */
export const pdfSignatureSchema = z.object({
  fieldName: z.string(),
  signer: z.object({ subject: z.string(), uscc: z.string().nullable(), certificateSha256: z.string() }),
  signedAt: z.string().nullable(),
  timestamp: z.object({ time: z.string(), tsaSubject: z.string() }).nullable(),
  level: padesLevelSchema,
  coversWholeFile: z.boolean(),
  cmsValid: z.boolean(),
  chainValid: z.boolean(),
  revocation: z.enum(['good', 'revoked', 'unknown', 'not-checked']),
  problems: z.array(z.string()),
}) satisfies z.ZodType<PadesSignatureReport>;
export type PdfSignature = z.infer<typeof pdfSignatureSchema>;

/** The one rule for "valid" in the panel and at submission: the verifier found nothing wrong. */
export const signatureValid = (s: Pick<PadesSignatureReport, 'problems'>) => s.problems.length === 0;

/**
 * What a reviewer may pin a comment to when returning a filing: each field of the form by its contract path (the
 * desk shows the comment beside that field and lists it above the form), `project.supervisor` for the supervisor as
 * a whole (a filing that named none), and each material. The return route refuses any other path
 * (`CHOICE_INVALID` at `fields[i].path`), so a comment never lands where the desk has nothing to show it by.
 */
export const FILING_FIELD_PATHS = [
  'contact.name',
  'contact.mobile',
  'contact.email',
  'project.name',
  'project.address',
  'project.planningPermitNumber',
  'project.structureType',
  'project.floorAreaM2',
  'project.costFen',
  'project.plannedStart',
  'project.plannedEnd',
  'project.constructionUnit.name',
  'project.constructionUnit.uscc',
  'project.contractor.name',
  'project.contractor.uscc',
  'project.supervisor',
  'project.supervisor.name',
  'project.supervisor.uscc',
  'project.contractNumber',
  'project.projectManager.name',
  'project.projectManager.mobile',
] as const;
export type FilingFieldPath = (typeof FILING_FIELD_PATHS)[number];
export type FilingMaterialPath = `attachments.${FilingRequirement}`;
export const FILING_MATERIAL_PATHS = filingRequirementSchema.options.map((r): FilingMaterialPath => `attachments.${r}`);

const reviewComment = z.string().trim().min(1).max(500);
export const filingFieldCommentSchema = z.object({ path: z.enum(FILING_FIELD_PATHS), comment: reviewComment });
export const filingMaterialCommentSchema = z.object({ path: z.enum(FILING_MATERIAL_PATHS as [FilingMaterialPath, ...FilingMaterialPath[]]), comment: reviewComment });

export const filingReturnSchema = z.object({
  comment: z.string().max(1000),
  fields: z.array(subsidyReviewCommentSchema),
  attachments: z.array(subsidyReviewCommentSchema),
});

export const filingViewSchema = z.object({
  id: uuidSchema,
  enterpriseId: uuidSchema,
  status: filingStatusSchema,
  enterprise: z.object({ uscc: z.string(), name: z.string() }),
  /** The draft, or the latest submitted payload. */
  form: z.record(z.string(), z.unknown()),
  version: z.number().int().nonnegative(),
  /** The latest signed PDF (downloaded through the files route), once submitted. */
  signedPdf: signedPdfDigestSchema.nullable(),
  returnComments: filingReturnSchema.nullable(),
  rejectReason: z.string().nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type FilingView = z.infer<typeof filingViewSchema>;

export const filingSummarySchema = z.object({
  id: uuidSchema,
  enterpriseId: uuidSchema,
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  projectName: z.string(),
  status: filingStatusSchema,
  version: z.number().int(),
  submittedAt: isoDateTimeSchema.nullable(),
  updatedAt: isoDateTimeSchema,
});

export const filingTimelineEntrySchema = subsidyTimelineEntrySchema.extend({
  action: z.union([filingActionSchema, z.literal('create')]),
  status: filingStatusSchema,
});

// ── Enterprise routes ───────────────────────────────────────────────────────

const itemQuery = z.object({ item: z.literal('constructionFiling') });
const filingParams = enterpriseParamsSchema.extend({ filingId: uuidSchema });
const enterpriseAccess = { kind: 'account', item: true } as const;
const base = '/api/enterprises/:enterpriseId/construction-filings';

export const createFilingDraftRoute = defineRoute({
  method: 'POST',
  path: base,
  operationId: 'createFilingDraft',
  summary: 'Starts a construction filing (小型建设工程开工备案) as a draft',
  tag: 'construction-filing',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  body: z.object({ form: filingDraftFormSchema }),
  response: filingViewSchema,
});

export const updateFilingDraftRoute = defineRoute({
  method: 'PUT',
  path: `${base}/:filingId`,
  operationId: 'updateFilingDraft',
  summary: 'Saves the draft (a draft, or a returned filing being corrected)',
  tag: 'construction-filing',
  access: enterpriseAccess,
  params: filingParams,
  query: itemQuery,
  body: z.object({ form: filingDraftFormSchema }),
  response: filingViewSchema,
});

export const submitFilingRoute = defineRoute({
  method: 'POST',
  path: `${base}/:filingId/submit`,
  operationId: 'submitFiling',
  summary: 'Submits (draft) or resubmits (returned) the filing with its signed application PDF; idempotent by the payload\u2019s idempotencyKey',
  tag: 'construction-filing',
  access: enterpriseAccess,
  params: filingParams,
  query: itemQuery,
  body: z.object({ payload: filingPayloadSchema, signedPdf: signedPdfDigestSchema }),
  response: filingViewSchema,
});

export const getFilingRoute = defineRoute({
  method: 'GET',
  path: `${base}/:filingId`,
  operationId: 'getFiling',
  summary: 'One of the enterprise\u2019s construction filings',
  tag: 'construction-filing',
  access: enterpriseAccess,
  params: filingParams,
  query: itemQuery,
  response: filingViewSchema,
});

export const listFilingsRoute = defineRoute({
  method: 'GET',
  path: base,
  operationId: 'listFilings',
  summary: 'The enterprise\u2019s construction filings, newest first',
  tag: 'construction-filing',
  access: enterpriseAccess,
  params: enterpriseParamsSchema,
  query: itemQuery,
  response: z.object({ filings: z.array(filingSummarySchema) }),
});

export const filingTimelineRoute = defineRoute({
  method: 'GET',
  path: `${base}/:filingId/timeline`,
  operationId: 'getFilingTimeline',
  summary: 'Every state of the filing with its actor and comment, oldest first',
  tag: 'construction-filing',
  access: enterpriseAccess,
  params: filingParams,
  query: itemQuery,
  response: z.object({ entries: z.array(filingTimelineEntrySchema) }),
});

/**
 * The portal's time-stamp authority for PAdES B-T, when it announces one (`TONGBAN_TSA_URL` on the server): the
 * desk signs with it unless the PC has its own (Settings, IT's seed). Public: a TSA's address is no secret, and the
 * Settings page shows it before anyone signs in.
 */
export const pdfSigningDefaultsRoute = defineRoute({
  method: 'GET',
  path: '/api/pdf-signing/defaults',
  operationId: 'pdfSigningDefaults',
  summary: 'The time-stamp authority this portal announces for PDF signatures (PAdES B-T), or null',
  tag: 'construction-filing',
  access: { kind: 'public' },
  response: z.object({ tsaUrl: tsaUrlSchema.nullable() }),
});

// ── Staff routes ────────────────────────────────────────────────────────────

const reviewerAccess = { kind: 'staff', roles: staffDuties.filingReview } as const;
const staffFilingParams = z.object({ filingId: uuidSchema });

export const staffFilingQueueRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/construction-filings',
  operationId: 'staffFilingQueue',
  summary: 'The 备案审核 queue: submitted filings, oldest submission first',
  tag: 'construction-filing-review',
  access: reviewerAccess,
  query: z.object({
    status: filingStatusSchema.optional(),
    /** Part of the enterprise's name, its USCC, or part of the project's name. */
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ filings: z.array(filingSummarySchema), total: z.number().int() }),
});

export const filingVersionSchema = z.object({
  version: z.number().int(),
  submittedAt: isoDateTimeSchema,
  payload: z.record(z.string(), z.unknown()),
  signedPdf: signedPdfDigestSchema,
  /** Every signature of the signed PDF, as verified at submission. */
  signatures: z.array(pdfSignatureSchema),
});

export const staffFilingSchema = filingViewSchema.extend({
  versions: z.array(filingVersionSchema),
  timeline: z.array(filingTimelineEntrySchema),
  allowedActions: z.array(filingActionSchema),
});
export type StaffFilingView = z.infer<typeof staffFilingSchema>;

export const staffGetFilingRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/construction-filings/:filingId',
  operationId: 'staffGetFiling',
  summary: 'A filing with every submitted version, its signed PDF and signatures, and the timeline',
  tag: 'construction-filing-review',
  access: reviewerAccess,
  params: staffFilingParams,
  response: staffFilingSchema,
});

const staffAction = <B extends z.ZodType>(name: string, path: string, summary: string, body: B) =>
  defineRoute({
    method: 'POST',
    path: `/api/staff/construction-filings/:filingId/${path}`,
    operationId: name,
    summary,
    tag: 'construction-filing-review',
    access: reviewerAccess,
    params: staffFilingParams,
    body,
    response: staffFilingSchema,
  });

export const returnFilingRoute = staffAction(
  'returnFiling',
  'return',
  'Returns the filing for correction with comments, per field and per material',
  z
    .object({
      comment: z.string().trim().max(1000).default(''),
      fields: z.array(filingFieldCommentSchema).max(FILING_FIELD_PATHS.length).default([]),
      attachments: z.array(filingMaterialCommentSchema).max(FILING_MATERIAL_PATHS.length).default([]),
    })
    .refine((b) => b.comment.length > 0 || b.fields.length > 0 || b.attachments.length > 0, { message: 'COMMENT_REQUIRED', params: { code: 'COMMENT_REQUIRED' } }),
);
export const approveFilingRoute = staffAction('approveFiling', 'approve', 'Approves the filing (备案通过)', z.object({ comment: z.string().trim().max(1000).optional() }));
export const rejectFilingRoute = staffAction('rejectFiling', 'reject', 'Rejects the filing with a reason', z.object({ reason: z.string().trim().min(1).max(1000) }));
