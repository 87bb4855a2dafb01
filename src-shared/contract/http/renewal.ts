/**
 * A renewed CA certificate (same subject, new key) is bound only after the enterprise's administrator confirms it
 * with an SMS code (issue 17 item 3). The CA login with the new certificate answers RENEWAL_NEEDS_CONFIRMATION with
 * one issue whose params are {@link RenewalPending}; the code typed here binds the certificate and signs in.
 */
import { z } from 'zod';
import { accountSessionSchema } from './auth';
import { defineRoute, uuidSchema } from './route';

/** The `params` of the RENEWAL_NEEDS_CONFIRMATION issue (path `renewal`). */
export const renewalPendingSchema = z.object({
  confirmationId: uuidSchema,
  /** The administrator's mobile, masked (138****5678). */
  mobile: z.string(),
  expiresAt: z.string(),
});
export type RenewalPending = z.infer<typeof renewalPendingSchema>;

export const renewalCodeSchema = z.string().regex(/^\d{6}$/);

export const caRenewalConfirmRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/ca/renewals/:confirmationId/confirm',
  operationId: 'caRenewalConfirm',
  summary: 'Confirms a renewed CA certificate with the administrator\u2019s SMS code: binds it and signs in',
  tag: 'auth',
  access: { kind: 'public' },
  params: z.object({ confirmationId: uuidSchema }),
  body: z.object({ code: renewalCodeSchema }),
  response: accountSessionSchema,
});
