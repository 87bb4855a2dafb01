/**
 * Portal staff stop a lost or stolen key (issue 17 item 3) when the enterprise cannot: unbind its certificate from
 * an account, deactivate the account (its sessions end at the next request) or reactivate it. The enterprise's own
 * super and admin do the same through account-roles.ts; these are the help desk's, by enterprise and account id.
 */
import { z } from 'zod';
import { accountStatusSchema } from './account-roles';
import { defineRoute, enterpriseParamsSchema, sha256HexSchema, uuidSchema } from './route';
import { staffDuties } from './staff-duties';

const params = enterpriseParamsSchema.extend({ accountId: uuidSchema });
const access = { kind: 'staff', roles: staffDuties.keyEmergency } as const;

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
  body: z.object({ status: accountStatusSchema }),
  response: z.object({ id: uuidSchema, status: accountStatusSchema }),
});
