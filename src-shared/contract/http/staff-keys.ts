/**
 * Portal staff stop a lost or stolen key (issue 17 item 3) when the enterprise cannot: unbind its certificate from
 * an account, deactivate the account (its sessions end at the next request) or reactivate it. The enterprise's own
 * super and admin do the same through account-roles.ts; these are the help desk's, by enterprise and account id.
 */
import { z } from 'zod';
import { usccSchema } from '../../validation/zod';
import { accountStatusSchema, boundCertificateSchema } from './account-roles';
import { accountRoleSchema, defineRoute, enterpriseParamsSchema, sha256HexSchema, uuidSchema } from './route';
import { staffDuties } from './staff-duties';

const params = enterpriseParamsSchema.extend({ accountId: uuidSchema });
const access = { kind: 'staff', roles: staffDuties.keyEmergency } as const;

/** Why staff changed an account's status, kept in the audit row (the caller's words, as the help desk heard them). */
export const keyEmergencyReasonSchema = z.string().trim().min(2).max(200);

export const staffKeyAccountSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  role: accountRoleSchema,
  status: z.enum(['active', 'deactivated', 'removed']),
  /** Masked (138****1234): staff confirm the caller by it, never read it whole. */
  mobile: z.string().nullable(),
  certificates: z.array(boundCertificateSchema),
});
export type StaffKeyAccount = z.infer<typeof staffKeyAccountSchema>;

/**
 * One enterprise by its USCC (what a caller on the phone can say), its accounts and the certificates bound to them:
 * what the help desk needs to stop a lost key. One enterprise per call, each read audited with the staff member.
 */
export const staffKeyAccountsRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/key-accounts',
  operationId: 'staffKeyAccounts',
  summary: 'An enterprise (by USCC), its accounts and their bound certificates, for stopping a lost key; audited',
  tag: 'staff',
  access,
  query: z.object({ uscc: usccSchema }),
  response: z.object({
    enterprise: z.object({ id: uuidSchema, uscc: z.string(), name: z.string() }),
    accounts: z.array(staffKeyAccountSchema),
  }),
});

export const staffUnbindCertificateRoute = defineRoute({
  method: 'DELETE',
  path: '/api/staff/enterprises/:enterpriseId/accounts/:accountId/certificates/:fingerprint',
  operationId: 'staffUnbindCertificate',
  summary: 'Unbinds a (lost, stolen or revoked) certificate from an enterprise account; audited with the staff member',
  tag: 'staff',
  access,
  params: params.extend({ fingerprint: sha256HexSchema }),
  response: z.object({ ok: z.literal(true) }),
});

export const staffSetAccountStatusRoute = defineRoute({
  method: 'PUT',
  path: '/api/staff/enterprises/:enterpriseId/accounts/:accountId/status',
  operationId: 'staffSetAccountStatus',
  summary: 'Deactivates (sessions end at once, logins refused) or reactivates an enterprise account; audited with the staff member',
  tag: 'staff',
  access,
  params,
  body: z.object({ status: accountStatusSchema, reason: keyEmergencyReasonSchema }),
  response: z.object({ id: uuidSchema, status: accountStatusSchema }),
});
