/** An enterprise's own data: its record, its accounts and their per-item permissions. */
import { z } from 'zod';
import { mobileSchema } from '../../validation/zod';
import { accountRoleSchema, defineRoute, enterpriseParamsSchema, isoDateTimeSchema, serviceItemSchema, uuidSchema } from './route';

export const enterpriseSchema = z.object({
  id: uuidSchema,
  uscc: z.string(),
  name: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  createdAt: isoDateTimeSchema,
});

export const accountSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  role: accountRoleSchema,
  displayName: z.string(),
  /** Masked. */
  mobile: z.string().nullable(),
  permissions: z.array(serviceItemSchema),
  /** Issue 13: a deactivated account cannot log in until reactivated. */
  status: z.enum(['active', 'deactivated']),
});

export const getEnterpriseRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId',
  operationId: 'getEnterprise',
  summary: 'The enterprise record (any account of the enterprise, or staff)',
  tag: 'enterprise',
  // The forced first-login password change shows whose account it is in the header (issue 21 item 15).
  access: { kind: 'enterpriseOrStaff', allowPasswordChangePending: true },
  params: enterpriseParamsSchema,
  response: enterpriseSchema,
});

export const listAccountsRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/accounts',
  operationId: 'listAccounts',
  summary: 'The enterprise\u2019s accounts (super and admin)',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: enterpriseParamsSchema,
  response: z.object({ accounts: z.array(accountSchema) }),
});

/** The codes of the account rules; the message catalogs have a text for each. */
export const ACCOUNT_RULE_CODES = ['USERNAME_FORMAT'] as const;

/** A new account as the desk's form, main and the server all check it. */
export const accountCreateBodySchema = z.object({
  username: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (!/^[A-Za-z0-9_.-]{3,32}$/.test(v)) ctx.addIssue({ code: 'custom', message: ACCOUNT_RULE_CODES[0], params: { code: ACCOUNT_RULE_CODES[0] }, input: v });
    }),
  role: z.enum(['admin', 'handler']),
  displayName: z.string().trim().min(1).max(50),
  mobile: mobileSchema,
  permissions: z.array(serviceItemSchema).max(10).default([]),
});

export const createAccountRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/accounts',
  operationId: 'createAccount',
  summary: 'Creates an account: super creates admins and handlers, admin creates handlers; initial password by SMS',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: enterpriseParamsSchema,
  body: accountCreateBodySchema,
  response: accountSchema,
});

export const setPermissionsRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId/permissions',
  operationId: 'setAccountPermissions',
  summary: 'Replaces a handler\u2019s service-item permissions',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: enterpriseParamsSchema.extend({ accountId: uuidSchema }),
  body: z.object({ permissions: z.array(serviceItemSchema).max(10) }),
  response: accountSchema,
});

export const resetAccountPasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:enterpriseId/accounts/:accountId/password-reset',
  operationId: 'resetAccountPassword',
  summary:
    'Resets another account\u2019s password (admin or super; manual 001 Q&A 3: admin resets super): a new initial password by SMS, sessions revoked',
  tag: 'enterprise',
  access: { kind: 'account', roles: ['super', 'admin'] },
  params: enterpriseParamsSchema.extend({ accountId: uuidSchema }),
  response: z.object({ mobile: z.string() }),
});
