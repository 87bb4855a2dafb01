/**
 * Online pre-registration (线上预注册, manual 002 §五, DESIGN.md "Flows and states"): an enterprise without a CA key
 * types its enterprise, legal representative and administrator, uploads the stamped forms, and staff review it.
 * `submitted → refused (reason) → resubmitted → … → approved` (the enterprise and its `admin` + `super` accounts
 * then exist; the passwords go by SMS to the administrator). No account exists before approval, so the clerk
 * holds the request by its id and an access secret the client made before the first send: the secret (only its
 * SHA-256 is stored) reads the status and corrects a refused request, and doubles as the submission's
 * idempotency key (a resend after a dropped line answers the same request).
 */
import { z } from 'zod';
import { staffDuties } from './staff-duties';
import { mobileSchema, residentIdSchema } from '../../validation/zod';
import { registrationAdministratorSchema, registrationEnterpriseSchema, registrationRequirements, uploadedFileSchema, uploadTokenSchema } from './registration';
import { defineRoute, isoDateTimeSchema, sha256HexSchema, uuidSchema } from './route';

/** Who the legal representative is, asked first: only mainland residents can be checked online (manual §一/§五). */
export const legalRepresentativeOriginSchema = z.enum(['mainland', 'hkMacaoTaiwan', 'foreign']);
export type LegalRepresentativeOrigin = z.infer<typeof legalRepresentativeOriginSchema>;

/**
 * The stamped documents: the CA registration's (licence, administrator ID both sides, the printed forms) and the
 * authorisation letter, which without a key is the only proof that the administrator acts for the enterprise.
 */
export const preRegistrationRequirements = [...registrationRequirements, 'authorisationLetter'] as const;
export const preRegistrationRequirementSchema = z.enum(preRegistrationRequirements);
export type PreRegistrationRequirement = (typeof preRegistrationRequirements)[number];

export const preRegistrationAttachmentSchema = uploadedFileSchema.extend({ requirement: preRegistrationRequirementSchema });

export const preRegistrationFormSchema = z.object({
  enterprise: registrationEnterpriseSchema.pick({ uscc: true, name: true, address: true }),
  /** Checked by the identity service (name + ID + mobile held by that person) and against the registry. */
  legalRepresentative: z.object({
    name: z.string().trim().min(1).max(50),
    idNumber: residentIdSchema,
    mobile: mobileSchema,
  }),
  administrator: registrationAdministratorSchema,
});
export type PreRegistrationForm = z.infer<typeof preRegistrationFormSchema>;

/** The access secret: 32 random bytes, base64url, made by the client; only its SHA-256 is stored. */
export const preRegistrationSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const preRegistrationStatusSchema = z.enum(['submitted', 'refused', 'resubmitted', 'approved']);
export type PreRegistrationStatus = z.infer<typeof preRegistrationStatusSchema>;

/** Each required scan not listed, as `ATTACHMENT_REQUIRED` at `attachments.<requirement>` (one rule, both desks). */
export function missingPreRegistrationScans(listed: readonly { requirement: string }[]) {
  const have = new Set(listed.map((a) => a.requirement));
  return preRegistrationRequirements.filter((r) => !have.has(r)).map((r) => ({ path: `attachments.${r}`, code: 'ATTACHMENT_REQUIRED' }));
}

const submissionSchema = z.object({
  secret: preRegistrationSecretSchema,
  /** The attempt's upload token (contract/http/uploads.ts): a newly listed scan must have been uploaded under it. */
  uploadToken: uploadTokenSchema,
  form: preRegistrationFormSchema,
  attachments: z.array(preRegistrationAttachmentSchema).min(1).max(20),
});

export const preRegistrationEventSchema = z.object({
  action: z.enum(['submit', 'refuse', 'resubmit', 'approve']),
  at: isoDateTimeSchema,
  /** The refusal's reason. */
  reason: z.string().nullable(),
});

/** What the clerk sees with the secret: the status, the reason of a refusal, and the form to correct. */
export const preRegistrationViewSchema = z.object({
  preRegistrationId: uuidSchema,
  reference: z.string(),
  status: preRegistrationStatusSchema,
  form: preRegistrationFormSchema,
  attachments: z.array(preRegistrationAttachmentSchema),
  refusalReason: z.string().nullable(),
  /** The administrator's mobile, masked: where the passwords went (or will go). */
  administratorMobile: z.string(),
  submittedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  history: z.array(preRegistrationEventSchema),
});
export type PreRegistrationView = z.infer<typeof preRegistrationViewSchema>;

const idParams = z.object({ preRegistrationId: uuidSchema });

export const submitPreRegistrationRoute = defineRoute({
  method: 'POST',
  path: '/api/pre-registrations',
  operationId: 'submitPreRegistration',
  summary: 'Submits an online pre-registration (identity and registry checked at once); staff review it',
  tag: 'pre-registration',
  access: { kind: 'public' },
  body: submissionSchema,
  response: preRegistrationViewSchema,
});

export const viewPreRegistrationRoute = defineRoute({
  method: 'POST',
  path: '/api/pre-registrations/:preRegistrationId/view',
  operationId: 'viewPreRegistration',
  // POST so that the secret travels in the body, never in a URL that proxies and logs keep.
  summary: 'The status of a pre-registration, for the holder of its access secret',
  tag: 'pre-registration',
  access: { kind: 'public' },
  params: idParams,
  body: z.object({ secret: preRegistrationSecretSchema }),
  response: preRegistrationViewSchema,
});

export const resubmitPreRegistrationRoute = defineRoute({
  method: 'PUT',
  path: '/api/pre-registrations/:preRegistrationId',
  operationId: 'resubmitPreRegistration',
  summary: 'Corrects a refused pre-registration and sends it for review again (same request, history kept)',
  tag: 'pre-registration',
  access: { kind: 'public' },
  params: idParams,
  body: submissionSchema,
  response: preRegistrationViewSchema,
});

// ── Staff review (support, admin) ─────────────────────────────────────────────────────────────────────────
const reviewAccess = { kind: 'staff', roles: staffDuties.preRegistrationReview } as const;

export const preRegistrationSummarySchema = z.object({
  preRegistrationId: uuidSchema,
  reference: z.string(),
  status: preRegistrationStatusSchema,
  uscc: z.string(),
  enterpriseName: z.string(),
  submittedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type PreRegistrationSummary = z.infer<typeof preRegistrationSummarySchema>;

export const staffPreRegistrationQueueRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/pre-registrations',
  operationId: 'staffPreRegistrationQueue',
  summary: 'Pre-registrations to review (by status; part of the name or the USCC), oldest change first',
  tag: 'pre-registration',
  access: reviewAccess,
  query: z.object({
    status: preRegistrationStatusSchema.optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ requests: z.array(preRegistrationSummarySchema), total: z.number().int() }),
});

export const staffPreRegistrationSchema = preRegistrationViewSchema.extend({
  /** Unmasked for staff: they may call the administrator. */
  administratorMobile: z.string(),
  enterpriseId: uuidSchema.nullable(),
  allowedActions: z.array(z.enum(['approve', 'refuse'])),
});
export type StaffPreRegistration = z.infer<typeof staffPreRegistrationSchema>;

export const staffGetPreRegistrationRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/pre-registrations/:preRegistrationId',
  operationId: 'staffGetPreRegistration',
  summary: 'A pre-registration with its documents and history',
  tag: 'pre-registration',
  access: reviewAccess,
  params: idParams,
  response: staffPreRegistrationSchema,
});

export const staffPreRegistrationFileRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/pre-registrations/:preRegistrationId/files/:sha256',
  operationId: 'staffPreRegistrationFile',
  summary: 'A scan the pre-registration lists (now or in an earlier revision)',
  tag: 'pre-registration',
  access: reviewAccess,
  params: idParams.extend({ sha256: sha256HexSchema }),
  responseMediaType: 'application/octet-stream',
});

export const approvePreRegistrationRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/pre-registrations/:preRegistrationId/approve',
  operationId: 'approvePreRegistration',
  summary: 'Approves: the enterprise with admin + super is created and the passwords go by SMS to the administrator',
  tag: 'pre-registration',
  access: reviewAccess,
  params: idParams,
  response: staffPreRegistrationSchema,
});

export const refusePreRegistrationRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/pre-registrations/:preRegistrationId/refuse',
  operationId: 'refusePreRegistration',
  summary: 'Refuses with a reason the clerk sees; the clerk may correct and resubmit the same request',
  tag: 'pre-registration',
  access: reviewAccess,
  params: idParams,
  body: z.object({ reason: z.string().trim().min(1).max(500) }),
  response: staffPreRegistrationSchema,
});
