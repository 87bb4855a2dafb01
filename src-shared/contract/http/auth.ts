/** Captcha, password login, CA-key login (Web eID 1.0), sessions and password change. */
import { z } from 'zod';
import { authNonceSchema, webEidAuthTokenSchema } from '../signing';
import { caLoginAccountSchema } from './account-roles';
import { accountRoleSchema, defineRoute, isoDateTimeSchema, serviceItemSchema, staffRoleSchema, uuidSchema } from './route';

export const captchaResponseSchema = z.object({
  captchaId: uuidSchema,
  /** `data:image/png;base64,…` */
  image: z.string(),
  expiresAt: isoDateTimeSchema,
});

export const captchaRoute = defineRoute({
  method: 'POST',
  path: '/api/captcha',
  operationId: 'createCaptcha',
  summary: 'A new image captcha (one use, 5 minutes)',
  tag: 'auth',
  access: { kind: 'public' },
  response: captchaResponseSchema,
});

const captchaAnswerSchema = z.object({ captchaId: uuidSchema, answer: z.string().min(1).max(16) });

export const sessionSchema = z.object({
  /** Bearer token for the `Authorization` header; shown once, stored only hashed. */
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  idleTimeoutSeconds: z.number().int(),
  mustChangePassword: z.boolean(),
});

export const accountSessionSchema = sessionSchema.extend({
  account: z.object({
    id: uuidSchema,
    enterpriseId: uuidSchema,
    username: z.string(),
    role: accountRoleSchema,
    permissions: z.array(serviceItemSchema),
  }),
});

export const loginRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/login',
  operationId: 'login',
  summary: 'Enterprise (name or USCC) + username + password + captcha',
  tag: 'auth',
  access: { kind: 'public' },
  body: z.object({
    /** The enterprise's registered name or its USCC. */
    enterprise: z.string().trim().min(1).max(200),
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    captcha: captchaAnswerSchema,
  }),
  response: accountSessionSchema,
});

export const caChallengeRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/ca/challenge',
  operationId: 'caChallenge',
  summary: 'A one-use nonce for CA-key login (Web eID 1.0)',
  tag: 'auth',
  access: { kind: 'public' },
  response: z.object({ nonce: authNonceSchema, expiresAt: isoDateTimeSchema, origin: z.string() }),
});

export const caLoginRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/ca/login',
  operationId: 'caLogin',
  summary: 'Sign in with a Web eID 1.0 token over the nonce and this server\u2019s origin',
  tag: 'auth',
  access: { kind: 'public' },
  // `account`: which account of the enterprise to land on when the certificate serves several (issue 13).
  body: z.object({ nonce: authNonceSchema, token: webEidAuthTokenSchema, account: caLoginAccountSchema.optional() }),
  response: accountSessionSchema,
});

export const logoutRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/logout',
  operationId: 'logout',
  summary: 'Ends the calling session (account or staff)',
  tag: 'auth',
  access: { kind: 'session' },
  response: z.object({ ok: z.literal(true) }),
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const changePasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/password',
  operationId: 'changePassword',
  summary: 'Changes the password; every session of the account is revoked and a new one returned',
  tag: 'auth',
  access: { kind: 'account', allowPasswordChangePending: true },
  body: changePasswordBodySchema,
  response: accountSessionSchema,
});

export const staffSessionSchema = sessionSchema.extend({
  staff: z.object({ id: uuidSchema, username: z.string(), role: staffRoleSchema }),
});

export const staffLoginRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/login',
  operationId: 'staffLogin',
  summary: 'Portal staff login: username + password + captcha',
  tag: 'staff',
  access: { kind: 'public' },
  body: z.object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    captcha: captchaAnswerSchema,
  }),
  response: staffSessionSchema,
});

export const staffChangePasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/password',
  operationId: 'staffChangePassword',
  summary: 'Changes a staff password; every session of the staff member is revoked and a new one returned',
  tag: 'staff',
  access: { kind: 'staff', allowPasswordChangePending: true },
  body: changePasswordBodySchema,
  response: staffSessionSchema,
});

export const whoAmIRoute = defineRoute({
  method: 'GET',
  path: '/api/auth/session',
  operationId: 'currentSession',
  summary: 'Who the calling session belongs to (account or staff)',
  tag: 'auth',
  access: { kind: 'session' },
  response: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('account'),
      mustChangePassword: z.boolean(),
      account: accountSessionSchema.shape.account,
    }),
    z.object({
      kind: z.literal('staff'),
      mustChangePassword: z.boolean(),
      staff: staffSessionSchema.shape.staff,
    }),
  ]),
});
