/**
 * E-business licence (电子营业执照) QR login (issue 14, manual 002 §一): the desktop asks for a one-time login, shows
 * its QR code and polls it by id + secret; the national licence service (simulated here) calls back, signed, when
 * the person scans, confirms or refuses in the licence mini-program.
 */
import { z } from 'zod';
import { accountSessionSchema } from './auth';
import { defineRoute, isoDateTimeSchema, serviceItemSchema, uuidSchema } from './route';

export const elicenceLoginStateSchema = z.enum(['created', 'scanned', 'confirmed', 'consumed', 'expired', 'refused']);
export type ElicenceLoginState = z.infer<typeof elicenceLoginStateSchema>;

/** Who holds the licence for the enterprise: the legal representative, a licence manager (≤ 5) or an agent. */
export const elicenceRoleSchema = z.enum(['legal', 'manager', 'agent']);
export type ElicenceRole = z.infer<typeof elicenceRoleSchema>;

/** Where the legal representative's identity comes from; only `mainland` may use the e-licence (manual 002). */
export const representativeOriginSchema = z.enum(['mainland', 'foreign', 'hongkong', 'macao', 'taiwan']);

/** The login secret: 32 random bytes, base64url; only its SHA-256 is stored. */
const loginSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const elicenceStartRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/elicence/logins',
  operationId: 'elicenceStart',
  summary: 'A one-time e-licence QR login (two minutes)',
  tag: 'auth',
  access: { kind: 'public' },
  response: z.object({ loginId: uuidSchema, secret: loginSecretSchema, qrUrl: z.string().url(), expiresAt: isoDateTimeSchema }),
});

export const elicenceStateRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/elicence/logins/:loginId/state',
  operationId: 'elicenceState',
  summary: 'The state of an e-licence login; the session once, when it is confirmed',
  tag: 'auth',
  access: { kind: 'public' },
  params: z.object({ loginId: uuidSchema }),
  body: z.object({ secret: loginSecretSchema }),
  response: z.object({
    state: elicenceLoginStateSchema,
    expiresAt: isoDateTimeSchema,
    /** Who scanned (shown on the PC so the clerk knows whose phone answered). */
    scannedBy: z.object({ name: z.string(), role: elicenceRoleSchema }).nullable(),
    /** When the server refused the confirmation: the error code saying why (e.g. a foreign legal representative). */
    refusalCode: z.string().nullable(),
    /** Only in the one answer that moves the login from confirmed to consumed. */
    session: accountSessionSchema.optional(),
  }),
});

/** The person and licence the service reports on `confirmed`. */
export const elicenceConfirmationSchema = z.object({
  personId: z.string().min(8).max(128),
  personName: z.string().min(1).max(64),
  mobile: z.string().regex(/^1\d{10}$/),
  role: elicenceRoleSchema,
  /** Agents: the items authorised and until when (access ends then). */
  items: z.array(serviceItemSchema).max(3).optional(),
  validUntil: isoDateTimeSchema.optional(),
  licence: z.object({
    uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/),
    name: z.string().min(1).max(200),
    address: z.string().max(200),
    legalRepresentative: z.object({ name: z.string().min(1).max(64), origin: representativeOriginSchema }),
  }),
});

/** What the service signs: one event about one login. */
export const elicenceEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('scanned'), loginId: uuidSchema, personName: z.string().min(1).max(64), role: elicenceRoleSchema }),
  z.object({ event: z.literal('refused'), loginId: uuidSchema }),
  z.object({ event: z.literal('confirmed'), loginId: uuidSchema, confirmation: elicenceConfirmationSchema }),
]);
export type ElicenceEvent = z.infer<typeof elicenceEventSchema>;

export const elicenceCallbackRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/elicence/callback',
  operationId: 'elicenceCallback',
  summary: 'The licence service reports a scan, confirmation or refusal (HMAC-signed, timestamp + nonce)',
  tag: 'auth',
  access: { kind: 'public' },
  // The payload travels as the exact signed text, so the signature is checked over bytes, not a re-serialisation.
  body: z.object({
    payload: z.string().min(2).max(8192),
    timestamp: z.number().int(),
    nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  response: z.object({ ok: z.literal(true), state: elicenceLoginStateSchema }),
});

export const elicencePersonsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/elicence-persons',
  operationId: 'elicencePersons',
  summary: 'Licence managers and agents seen through the e-licence, with items and terms (super only)',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super'] },
  params: z.object({ enterpriseId: uuidSchema }),
  response: z.object({
    persons: z.array(
      z.object({
        name: z.string(),
        role: elicenceRoleSchema,
        username: z.string(),
        items: z.array(serviceItemSchema),
        validUntil: isoDateTimeSchema.nullable(),
        lastLoginAt: isoDateTimeSchema,
      }),
    ),
  }),
});
