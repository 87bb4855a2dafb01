/**
 * Roles as the manuals describe them (manual 000 §2, issue 13): the legal representative's account (`super`)
 * creates and removes administrators and grants items; an administrator (`admin`) manages handlers; nobody
 * manages an account at or above their own level, nor themselves. Accounts can be deactivated and reactivated,
 * bind the CA certificates they may log in with, and super and admin read a history of grants and changes.
 * The rule {@link mayManage} is the one both the server and the desks apply.
 */
import { z } from 'zod';
import { authNonceSchema, webEidAuthTokenSchema } from '../signing';
import { defineRoute, enterpriseParamsSchema, isoDateTimeSchema, serviceItemSchema, sha256HexSchema, uuidSchema, type AccountRole } from './route';

export const accountStatusSchema = z.enum(['active', 'deactivated']);
export type AccountStatusValue = z.infer<typeof accountStatusSchema>;

/** Every service item a handler can be granted: the contract's list, so an item a later issue adds is grantable. */
export const grantableItems = serviceItemSchema.options;

/** Whether an account of role `actor` may manage (grant, deactivate, remove, bind for) one of role `target`. */
export function mayManage(actor: AccountRole, target: AccountRole): boolean {
  if (actor === 'super') return target !== 'super';
  return actor === 'admin' && target === 'handler';
}

/** The roles an account of role `actor` may create. */
export function creatableRoles(actor: AccountRole): ('admin' | 'handler')[] {
  if (actor === 'super') return ['admin', 'handler'];
  return actor === 'admin' ? ['handler'] : [];
}

const accountParams = enterpriseParamsSchema.extend({ accountId: uuidSchema });

export const setAccountStatusRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId/status',
  operationId: 'setAccountStatus',
  summary: 'Deactivates (its sessions end at once, its logins are refused) or reactivates an account one manages',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: accountParams,
  body: z.object({ status: accountStatusSchema }),
  response: z.object({ id: uuidSchema, status: accountStatusSchema }),
});

export const removeAccountRoute = defineRoute({
  method: 'DELETE',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId',
  operationId: 'removeAccount',
  summary: 'Removes an administrator (super) or a handler (super, admin): sessions, bindings and items go; the history stays',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: accountParams,
  response: z.object({ ok: z.literal(true) }),
});

export const accountEventSchema = z.object({
  id: uuidSchema,
  at: isoDateTimeSchema,
  /** `account.create`, `account.permissions`, `account.status`, `account.remove`, `password.reset`, `certificate.bind`, … */
  action: z.string(),
  actor: z.object({ type: z.enum(['account', 'staff', 'legacy', 'anonymous', 'system']), username: z.string().nullable() }),
  /** The account the change was about (for a certificate: the account it was bound to or unbound from). */
  account: z.object({ id: uuidSchema, username: z.string() }).nullable(),
  /** What changed, without secrets: items, status, role, certificate subject. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AccountEvent = z.infer<typeof accountEventSchema>;

export const accountHistoryRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/account-history',
  operationId: 'accountHistory',
  summary: 'Who did what to which account, when (newest first, paged): grants, status changes, removals, resets, bindings',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: enterpriseParamsSchema,
  query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
  response: z.object({ entries: z.array(accountEventSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
});

export const boundCertificateSchema = z.object({
  fingerprint: sha256HexSchema,
  subject: z.string(),
  notAfter: isoDateTimeSchema,
  boundAt: isoDateTimeSchema,
});
export type BoundCertificate = z.infer<typeof boundCertificateSchema>;

export const listAccountCertificatesRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId/certificates',
  operationId: 'listAccountCertificates',
  summary: 'The certificates an account may log in with (the account itself, or who manages it)',
  tag: 'enterprise',
  access: { kind: 'account' },
  params: accountParams,
  response: z.object({ certificates: z.array(boundCertificateSchema) }),
});

export const bindAccountCertificateRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId/certificates',
  operationId: 'bindAccountCertificate',
  summary:
    'Binds the inserted key\u2019s certificate to the account (itself, or one it manages): a Web eID token over a fresh CA challenge proves the key is at hand',
  tag: 'enterprise',
  access: { kind: 'account' },
  params: accountParams,
  body: z.object({ nonce: authNonceSchema, token: webEidAuthTokenSchema }),
  response: boundCertificateSchema,
});

export const unbindAccountCertificateRoute = defineRoute({
  method: 'DELETE',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId/certificates/:fingerprint',
  operationId: 'unbindAccountCertificate',
  summary: 'Unbinds a certificate from the account (itself, or one it manages)',
  tag: 'enterprise',
  access: { kind: 'account' },
  params: accountParams.extend({ fingerprint: sha256HexSchema }),
  response: z.object({ ok: z.literal(true) }),
});

/** The optional "which account" of a CA login (the company key used by a handler). */
export const caLoginAccountSchema = z.object({
  username: z.string().trim().min(1).max(64),
  /** Needed once, when the certificate is not yet bound to that account; then it is. */
  password: z.string().min(1).max(256).optional(),
});
