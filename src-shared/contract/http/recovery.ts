/**
 * Password recovery (忘记密码, manual 001 Q&A 3) and an account's own contacts (安全设置). The recovery answers are
 * built so that nobody learns whether an account exists, what role it has or which mobile it has bound until a code
 * sent to that mobile or e-mail has been typed back (see src-server/domain/password-recovery.ts).
 */
import { z } from 'zod';
import { mobileSchema } from '../../validation/zod';
import { accountRoleSchema, defineRoute, isoDateTimeSchema, uuidSchema } from './route';
import { accountSessionSchema } from './auth';

/** Where a code goes: the account's bound mobile (SMS) or its bound e-mail. */
export const codeChannelSchema = z.enum(['sms', 'email']);
export type CodeChannel = z.infer<typeof codeChannelSchema>;

export const emailSchema = z.email().max(254);
/** Another code to the same account only this long after the last one (the server's throttle; the desk's countdown). */
export const CODE_RESEND_SECONDS = 60;

/** Six digits, as the SMS and the e-mail show them. */
export const verificationCodeSchema = z.string().trim().regex(/^\d{6}$/);

/**
 * The clerk names the account and types the mobile or e-mail they believe is bound to it: the code goes there only
 * when it is the account's own, and the answer masks what the clerk typed, so it shows nothing they did not know.
 */
export const recoveryStartBodySchema = z.discriminatedUnion('channel', [
  z.object({ enterprise: z.string().trim().min(1).max(200), username: z.string().trim().min(1).max(64), channel: z.literal('sms'), destination: mobileSchema }),
  z.object({ enterprise: z.string().trim().min(1).max(200), username: z.string().trim().min(1).max(64), channel: z.literal('email'), destination: emailSchema }),
]);

export const recoveryStartRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/recovery',
  operationId: 'startPasswordRecovery',
  summary: 'Forgot password: a code to the account\u2019s bound mobile or e-mail when the one given is it; the same answer for every input',
  tag: 'auth',
  access: { kind: 'public' },
  body: recoveryStartBodySchema,
  response: z.object({ recoveryId: uuidSchema, channel: codeChannelSchema, destination: z.string(), expiresAt: isoDateTimeSchema }),
});

/**
 * After the code: `super` may set a new password with `resetToken` (once, 10 minutes); `admin` and `handler` learn
 * who resets theirs (`superReachable`: whether the enterprise's super has a bound mobile or e-mail of its own).
 */
export const recoveryVerifyResponseSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('super'), username: z.string(), resetToken: z.string(), resetExpiresAt: isoDateTimeSchema }),
  z.object({ role: z.literal('admin'), username: z.string(), superReachable: z.boolean() }),
  z.object({ role: z.literal('handler'), username: z.string() }),
]);
export type RecoveryVerifyAnswer = z.infer<typeof recoveryVerifyResponseSchema>;

export const recoveryVerifyRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/recovery/:recoveryId/verify',
  operationId: 'verifyPasswordRecovery',
  summary: 'Proves the recovery code (single use, 10 minutes, 5 tries); then says what the account may do',
  tag: 'auth',
  access: { kind: 'public' },
  params: z.object({ recoveryId: uuidSchema }),
  body: z.object({ code: verificationCodeSchema }),
  response: recoveryVerifyResponseSchema,
});

export const recoveryPasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/recovery/:recoveryId/password',
  operationId: 'finishPasswordRecovery',
  summary: 'super sets a new password (the password policy); every session of the account ends, a new one is returned',
  tag: 'auth',
  access: { kind: 'public' },
  params: z.object({ recoveryId: uuidSchema }),
  body: z.object({ resetToken: z.string().min(1).max(128), newPassword: z.string().min(1).max(256) }),
  response: accountSessionSchema,
});

/** The signed-in account's own record (安全设置); mobile and e-mail masked. */
export const accountProfileSchema = z.object({
  username: z.string(),
  role: accountRoleSchema,
  displayName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  /** Whether this account may bind its mobile here (super: it is how super recovers its password). */
  mayBindMobile: z.boolean(),
});
export type AccountProfile = z.infer<typeof accountProfileSchema>;

export const getProfileRoute = defineRoute({
  method: 'GET',
  path: '/api/account/profile',
  operationId: 'getAccountProfile',
  summary: 'The calling account\u2019s own username, role and masked contacts',
  tag: 'account',
  access: { kind: 'account' },
  response: accountProfileSchema,
});

export const contactChangeBodySchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), destination: mobileSchema }),
  z.object({ channel: z.literal('email'), destination: emailSchema }),
]);

export const startContactChangeRoute = defineRoute({
  method: 'POST',
  path: '/api/account/contacts',
  operationId: 'startContactChange',
  summary: 'Binds or changes the account\u2019s mobile (super only) or e-mail: a code to the NEW one proves it',
  tag: 'account',
  access: { kind: 'account' },
  body: contactChangeBodySchema,
  response: z.object({ challengeId: uuidSchema, channel: codeChannelSchema, destination: z.string(), expiresAt: isoDateTimeSchema }),
});

export const confirmContactChangeRoute = defineRoute({
  method: 'POST',
  path: '/api/account/contacts/:challengeId/confirm',
  operationId: 'confirmContactChange',
  summary: 'The code from the new mobile or e-mail: bound now, the old one gets a notice',
  tag: 'account',
  access: { kind: 'account' },
  params: z.object({ challengeId: uuidSchema }),
  body: z.object({ code: verificationCodeSchema }),
  response: accountProfileSchema,
});

export const recoveryRoutes = [
  recoveryStartRoute,
  recoveryVerifyRoute,
  recoveryPasswordRoute,
  getProfileRoute,
  startContactChangeRoute,
  confirmContactChangeRoute,
] as const;
