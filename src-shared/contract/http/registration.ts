/**
 * Registration with a CA key (DESIGN.md "Flows and states"; manual 001, registration part): the client uploads the
 * stamped scans, signs the canonical JSON of the form with the key and submits the envelope; the server checks
 * everything, texts a code to the administrator's mobile, and on the right code creates the enterprise with its
 * `admin` and `super` accounts.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../validation/issues';
import { mobileSchema, residentIdSchema, usccSchema } from '../../validation/zod';
import { authNonceSchema, caProfileSchema, signedEnvelopeSchema, signedPayloadBaseSchema, webEidAuthTokenSchema } from '../signing';
import { defineRoute, isoDateTimeSchema, sha256HexSchema, uuidSchema } from './route';

/** The stamped documents the manual requires (001 §2.2): licence, administrator ID both sides, the printed forms. */
export const registrationRequirements = [
  'businessLicence',
  'adminIdFront',
  'adminIdBack',
  'adminFilingSheet',
  'registrationTable',
  'agreement',
] as const;
export const registrationRequirementSchema = z.enum([...registrationRequirements, 'authorisationLetter']);
export type RegistrationRequirement = (typeof registrationRequirements)[number];

/**
 * The forms Tongban prints for the clerk to sign, stamp and upload (src-main/services/registration-forms.ts draws one
 * page each, in this order). A way in prints exactly those of them its upload step asks for (`printedForms`), so
 * the print step and the upload step cannot disagree (issue 21 item 7): the CA registration's list is the manual's
 * (001 §2.2, no authorisation letter: the key proves the enterprise), pre-registration adds the letter.
 */
export const printableForms = ['registrationTable', 'adminFilingSheet', 'authorisationLetter', 'agreement'] as const;
export type PrintableForm = (typeof printableForms)[number];

/** The printable forms among a way's required scans, in print order. */
export function printedForms(requirements: readonly string[]): PrintableForm[] {
  return printableForms.filter((f) => requirements.includes(f));
}

/** The one required-scan rule: each required scan not listed, as `ATTACHMENT_REQUIRED` at `attachments.<requirement>`. */
export function missingRegistrationScans(listed: readonly { requirement: string }[]): FieldIssue[] {
  const have = new Set(listed.map((a) => a.requirement));
  return registrationRequirements.filter((r) => !have.has(r)).map((r) => ({ path: `attachments.${r}`, code: 'ATTACHMENT_REQUIRED' }));
}

export const REGISTRATION_PAYLOAD_TYPE = 'tongban.registration/v1';

/** The enterprise as registered; the form checks it with this very schema (its output is trimmed). */
export const registrationEnterpriseSchema = z.object({
  uscc: usccSchema,
  name: z.string().trim().min(2).max(100),
  address: z.string().trim().min(2).max(200),
  legalRepresentative: z.string().trim().min(1).max(50),
});

/** The administrator; the output is the normalised form (ID with upper-case X, mobile as 11 digits). */
export const registrationAdministratorSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: residentIdSchema,
  mobile: mobileSchema,
  email: z.email().max(254).optional(),
});

/** What the clerk types of the registration: checked by the form, signed as the payload's `enterprise`/`administrator`. */
export const registrationFormPartSchema = z.object({ enterprise: registrationEnterpriseSchema, administrator: registrationAdministratorSchema });

export const registrationPayloadSchema = signedPayloadBaseSchema.extend({
  type: z.literal(REGISTRATION_PAYLOAD_TYPE),
  caProfile: caProfileSchema,
  enterprise: registrationEnterpriseSchema,
  administrator: registrationAdministratorSchema,
});
export type RegistrationPayload = z.infer<typeof registrationPayloadSchema>;

export const registrationEnvelopeSchema = signedEnvelopeSchema(registrationPayloadSchema);
export type RegistrationEnvelope = z.infer<typeof registrationEnvelopeSchema>;

export const uploadedFileSchema = z.object({
  sha256: sha256HexSchema,
  size: z.number().int().positive(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
});

export const FILE_MAX_BYTES = 10 * 1024 * 1024;
export const FILE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'] as const;

/** A registration attempt's upload token (contract/http/uploads.ts): 32 random bytes, base64url. */
export const uploadTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const registrationSubmitRoute = defineRoute({
  method: 'POST',
  path: '/api/registrations',
  operationId: 'submitRegistration',
  summary: 'Submits a signed registration; an SMS code goes to the administrator\u2019s mobile',
  tag: 'registration',
  access: { kind: 'public' },
  /** `uploadToken`: the attempt's upload token; every listed scan must have been uploaded under it. */
  body: registrationEnvelopeSchema.extend({ uploadToken: uploadTokenSchema }),
  response: z.object({
    registrationId: uuidSchema,
    /** The administrator's mobile, masked, to say where the code went. */
    mobile: z.string(),
    codeExpiresAt: isoDateTimeSchema,
  }),
});

export const registrationParamsSchema = z.object({ registrationId: uuidSchema });

export const registrationResendRoute = defineRoute({
  method: 'POST',
  path: '/api/registrations/:registrationId/code',
  operationId: 'resendRegistrationCode',
  summary: 'Sends a new SMS code (at most once a minute)',
  tag: 'registration',
  access: { kind: 'public' },
  params: registrationParamsSchema,
  response: z.object({ mobile: z.string(), codeExpiresAt: isoDateTimeSchema }),
});

export const registrationConfirmRoute = defineRoute({
  method: 'POST',
  path: '/api/registrations/:registrationId/confirm',
  operationId: 'confirmRegistration',
  summary: 'Confirms the SMS code: creates the enterprise and texts the admin and super passwords',
  tag: 'registration',
  access: { kind: 'public' },
  params: registrationParamsSchema,
  body: z.object({ code: z.string().regex(/^\d{6}$/) }),
  response: z.object({
    enterpriseId: uuidSchema,
    uscc: z.string(),
    name: z.string(),
    usernames: z.array(z.string()),
  }),
});

/**
 * Issue 21 item 1: whether the enterprise of the key is registered already, asked at step 2 (reading the key), before
 * the clerk prints, stamps and uploads. Only the holder of the key may learn it: the body is a Web eID token over a
 * fresh CA challenge (`POST /api/auth/ca/challenge`, as CA login), and the answer is about that certificate's USCC
 * only. Throttled per address and per certificate. The final submit still refuses an already registered USCC.
 */
export const registrationKeyCheckRoute = defineRoute({
  method: 'POST',
  path: '/api/registrations/key-check',
  operationId: 'checkRegistrationKey',
  summary: 'Whether the enterprise of the key at hand is registered (proof: a Web eID token over a CA challenge)',
  tag: 'registration',
  access: { kind: 'public' },
  body: z.object({ nonce: authNonceSchema, token: webEidAuthTokenSchema }),
  response: z.object({ uscc: z.string(), registered: z.boolean() }),
});
