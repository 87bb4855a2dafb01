/**
 * Requests to the portal staff (账户变更申请, manual 001 Q&A 3–5, manual 000 §4): what the manuals had clerks
 * e-mail to techsoft@… . Three kinds, each with its stamped scans:
 * - `administratorChange` (管理员变更): the administrator left; a new one with the authorisation letter and the new
 *   administrator's ID both sides. Filed by a signed-in super, or without login from 忘记密码 when super cannot
 *   be reached.
 * - `enterpriseChange` (企业名称/地址变更): the business licence and the registry's change notice (变更通知书).
 *   Filed by a signed-in super or admin.
 * - `accountsUnknown` (已注册但无人知晓账号): registration said the enterprise is registered and nobody knows the
 *   accounts. Filed without login with the licence, the legal representative's authorisation letter and the new
 *   administrator's ID.
 * `submitted → refused (reason) → resubmitted → … → approved`. Approval applies the change in one transaction:
 * the enterprise's `admin` account gets the new person and an initial password by SMS (username kept), or the
 * enterprise its new name and address (the old ones kept in the name history).
 * Without login the clerk holds the request by an access secret the client made (only its SHA-256 is stored; it
 * doubles as the idempotency key), exactly as pre-registration does.
 */
import { z } from 'zod';
import { mobileSchema, usccSchema } from '../../validation/zod';
import { preRegistrationSecretSchema, refusePreRegistrationRoute } from './pre-registration';
import { registrationAdministratorSchema, uploadedFileSchema, uploadTokenSchema } from './registration';
import { defineRoute, isoDateTimeSchema, sha256HexSchema, uuidSchema } from './route';
import { staffDuties } from './staff-duties';

export const accountRequestKindSchema = z.enum(['administratorChange', 'enterpriseChange', 'accountsUnknown']);
export type AccountRequestKind = z.infer<typeof accountRequestKindSchema>;

/** The kinds a clerk may file without login (the others need the enterprise's own account). */
export const ANONYMOUS_REQUEST_KINDS: readonly AccountRequestKind[] = ['administratorChange', 'accountsUnknown'];

/**
 * Kinds that compete for the same thing: an administrator change and an "accounts unknown" request both replace
 * the administrator, so only one of them may wait for review per enterprise.
 */
export const requestSlotOf = (kind: AccountRequestKind) => (kind === 'enterpriseChange' ? 'enterprise' : 'administrator');

/** The stamped scans each kind needs (the manual's lists). */
export const accountRequestRequirements = {
  administratorChange: ['authorisationLetter', 'adminIdFront', 'adminIdBack'],
  enterpriseChange: ['businessLicence', 'changeNotice'],
  accountsUnknown: ['businessLicence', 'authorisationLetter', 'adminIdFront', 'adminIdBack'],
} as const satisfies Record<AccountRequestKind, readonly string[]>;
export const accountRequestRequirementSchema = z.enum(['authorisationLetter', 'adminIdFront', 'adminIdBack', 'businessLicence', 'changeNotice']);
export type AccountRequestRequirement = z.infer<typeof accountRequestRequirementSchema>;

export const accountRequestAttachmentSchema = uploadedFileSchema.extend({ requirement: accountRequestRequirementSchema });

/** Each required scan of the kind not listed, as `ATTACHMENT_REQUIRED` at `attachments.<requirement>` (one rule, both desks). */
export function missingAccountRequestScans(kind: AccountRequestKind, listed: readonly { requirement: string }[]) {
  const have = new Set(listed.map((a) => a.requirement));
  return accountRequestRequirements[kind].filter((r) => !have.has(r)).map((r) => ({ path: `attachments.${r}`, code: 'ATTACHMENT_REQUIRED' }));
}

/** The enterprise as the filer names it (the request is filed under this name; the USCC finds it). */
const enterpriseRefSchema = z.object({ uscc: usccSchema, name: z.string().trim().min(2).max(100) });
/** Who files: the decision's SMS goes to this mobile. */
const filerSchema = z.object({ name: z.string().trim().min(1).max(50), mobile: mobileSchema });

export const administratorChangeFormSchema = z.object({
  kind: z.literal('administratorChange'),
  enterprise: enterpriseRefSchema,
  administrator: registrationAdministratorSchema,
  filer: filerSchema,
});

export const accountsUnknownFormSchema = z.object({
  kind: z.literal('accountsUnknown'),
  enterprise: enterpriseRefSchema,
  /** Who signed the authorisation letter. */
  legalRepresentative: z.object({ name: z.string().trim().min(1).max(50) }),
  administrator: registrationAdministratorSchema,
  filer: filerSchema,
  /** Bound to super on approval only when given: super's contacts are otherwise left as they are. */
  superMobile: mobileSchema.optional(),
});

export const enterpriseChangeFormSchema = z.object({
  kind: z.literal('enterpriseChange'),
  enterprise: enterpriseRefSchema,
  /** As on the new licence; at least one of them differs from today's (the server checks: ACCOUNT_REQUEST_NO_CHANGE). */
  newName: z.string().trim().min(2).max(100),
  newAddress: z.string().trim().min(2).max(200),
  filer: filerSchema,
});

export const accountRequestFormSchema = z.discriminatedUnion('kind', [administratorChangeFormSchema, enterpriseChangeFormSchema, accountsUnknownFormSchema]);
export type AccountRequestForm = z.infer<typeof accountRequestFormSchema>;

export const accountRequestStatusSchema = z.enum(['submitted', 'refused', 'resubmitted', 'approved']);
export type AccountRequestStatus = z.infer<typeof accountRequestStatusSchema>;

export const accountRequestSubmissionSchema = z.object({
  /** 32 random bytes, base64url, made by the client: reads the request without login; the idempotency key. */
  secret: preRegistrationSecretSchema,
  /** The attempt's upload token (contract/http/uploads.ts): a newly listed scan must have been uploaded under it. */
  uploadToken: uploadTokenSchema,
  form: accountRequestFormSchema,
  attachments: z.array(accountRequestAttachmentSchema).min(1).max(20),
});
export type AccountRequestSubmission = z.infer<typeof accountRequestSubmissionSchema>;

export const accountRequestEventSchema = z.object({
  action: z.enum(['submit', 'refuse', 'resubmit', 'approve']),
  at: isoDateTimeSchema,
  reason: z.string().nullable(),
});

/** What the filer sees: the status, a refusal's reason, the form to correct. */
export const accountRequestViewSchema = z.object({
  requestId: uuidSchema,
  reference: z.string(),
  kind: accountRequestKindSchema,
  status: accountRequestStatusSchema,
  form: accountRequestFormSchema,
  attachments: z.array(accountRequestAttachmentSchema),
  refusalReason: z.string().nullable(),
  /** The enterprise's name when the request was filed (it may have been renamed since). */
  enterpriseName: z.string(),
  /** The filer's mobile, masked: where the decision goes. */
  filerMobile: z.string(),
  submittedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  history: z.array(accountRequestEventSchema),
});
export type AccountRequestView = z.infer<typeof accountRequestViewSchema>;

const idParams = z.object({ requestId: uuidSchema });

// ── Without login (by the access secret) ──────────────────────────────────────────────────────────────────

export const submitAnonymousAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/account-requests',
  operationId: 'submitAnonymousAccountRequest',
  summary: 'Files an administrator change or an "accounts unknown" request without login; staff review it',
  tag: 'account-requests',
  access: { kind: 'public' },
  body: accountRequestSubmissionSchema,
  response: accountRequestViewSchema,
});

export const viewAnonymousAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/account-requests/:requestId/view',
  operationId: 'viewAnonymousAccountRequest',
  // POST so that the secret travels in the body, never in a URL that proxies and logs keep.
  summary: 'A request filed without login, for the holder of its access secret',
  tag: 'account-requests',
  access: { kind: 'public' },
  params: idParams,
  body: z.object({ secret: preRegistrationSecretSchema }),
  response: accountRequestViewSchema,
});

export const resubmitAnonymousAccountRequestRoute = defineRoute({
  method: 'PUT',
  path: '/api/account-requests/:requestId',
  operationId: 'resubmitAnonymousAccountRequest',
  summary: 'Corrects a refused request filed without login (same request, history kept)',
  tag: 'account-requests',
  access: { kind: 'public' },
  params: idParams,
  body: accountRequestSubmissionSchema,
  response: accountRequestViewSchema,
});

// ── The signed-in enterprise's own (super, admin) ─────────────────────────────────────────────────────────
const enterpriseAccess = { kind: 'account', roles: ['super', 'admin'] } as const;

export const accountRequestSummarySchema = z.object({
  requestId: uuidSchema,
  reference: z.string(),
  kind: accountRequestKindSchema,
  status: accountRequestStatusSchema,
  uscc: z.string(),
  enterpriseName: z.string(),
  submittedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type AccountRequestSummary = z.infer<typeof accountRequestSummarySchema>;

export const submitAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprise/account-requests',
  operationId: 'submitAccountRequest',
  summary: 'Files a request for the signed-in enterprise (administrator change: super; name or address: super, admin)',
  tag: 'account-requests',
  access: enterpriseAccess,
  body: accountRequestSubmissionSchema,
  response: accountRequestViewSchema,
});

export const listAccountRequestsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprise/account-requests',
  operationId: 'listAccountRequests',
  summary: 'The signed-in enterprise\u2019s requests to the portal staff, newest first',
  tag: 'account-requests',
  access: enterpriseAccess,
  response: z.object({ requests: z.array(accountRequestSummarySchema) }),
});

export const getAccountRequestRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprise/account-requests/:requestId',
  operationId: 'getAccountRequest',
  summary: 'One of the signed-in enterprise\u2019s requests',
  tag: 'account-requests',
  access: enterpriseAccess,
  params: idParams,
  response: accountRequestViewSchema,
});

export const resubmitAccountRequestRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprise/account-requests/:requestId',
  operationId: 'resubmitAccountRequest',
  summary: 'Corrects a refused request of the signed-in enterprise and sends it for review again',
  tag: 'account-requests',
  access: enterpriseAccess,
  params: idParams,
  body: accountRequestSubmissionSchema,
  response: accountRequestViewSchema,
});

// ── Staff review (support, admin) ─────────────────────────────────────────────────────────────────────────
const reviewAccess = { kind: 'staff', roles: staffDuties.accountRequests } as const;

export const staffAccountRequestQueueRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/account-requests',
  operationId: 'staffAccountRequestQueue',
  summary: 'Requests to review (by status and kind; part of the name, the USCC or the reference), oldest change first',
  tag: 'account-requests',
  access: reviewAccess,
  query: z.object({
    status: accountRequestStatusSchema.optional(),
    kind: accountRequestKindSchema.optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ requests: z.array(accountRequestSummarySchema), total: z.number().int() }),
});

/** What the legal-person registry says of a name or address change: advice to the reviewer, never a refusal. */
export const registryAdviceSchema = z.enum(['notFound', 'inactive', 'nameDiffers', 'addressDiffers']);
export type RegistryAdvice = z.infer<typeof registryAdviceSchema>;

export const staffAccountRequestSchema = accountRequestViewSchema.extend({
  /** Unmasked for staff: they may call the filer. */
  filerMobile: z.string(),
  /** How the request was filed. */
  filedBy: z.enum(['super', 'admin', 'anonymous']),
  /** The enterprise the USCC names today; null when no enterprise has it (filed without login): approval refused. */
  enterprise: z.object({ enterpriseId: uuidSchema, name: z.string(), address: z.string(), legalRepresentative: z.string(), administratorName: z.string().nullable() }).nullable(),
  /** Name or address change only: the registry's findings (empty when it agrees) and what it holds. */
  registry: z.object({ findings: z.array(registryAdviceSchema), name: z.string().nullable(), address: z.string().nullable() }).nullable(),
  allowedActions: z.array(z.enum(['approve', 'refuse'])),
});
export type StaffAccountRequest = z.infer<typeof staffAccountRequestSchema>;

export const staffGetAccountRequestRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/account-requests/:requestId',
  operationId: 'staffGetAccountRequest',
  summary: 'A request with its scans, history, the enterprise today and the registry\u2019s advice',
  tag: 'account-requests',
  access: reviewAccess,
  params: idParams,
  response: staffAccountRequestSchema,
});

export const staffAccountRequestFileRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/account-requests/:requestId/files/:sha256',
  operationId: 'staffAccountRequestFile',
  summary: 'A scan the request lists (now or in an earlier revision)',
  tag: 'account-requests',
  access: reviewAccess,
  params: idParams.extend({ sha256: sha256HexSchema }),
  responseMediaType: 'application/octet-stream',
});

export const approveAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/account-requests/:requestId/approve',
  operationId: 'approveAccountRequest',
  summary: 'Approves and applies the change (new administrator with an initial password by SMS, or the new name and address)',
  tag: 'account-requests',
  access: reviewAccess,
  params: idParams,
  response: staffAccountRequestSchema,
});

export const refuseAccountRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/account-requests/:requestId/refuse',
  operationId: 'refuseAccountRequest',
  summary: 'Refuses with a reason the filer sees (SMS to the filer); the filer may correct and resubmit',
  tag: 'account-requests',
  access: reviewAccess,
  params: idParams,
  // The one refusal rule of the request queues.
  body: refusePreRegistrationRoute.body,
  response: staffAccountRequestSchema,
});
