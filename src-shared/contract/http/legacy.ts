/**
 * Legacy hub accounts (企服平台账号, manual 000): staff import them from the old platform, they sign in until the
 * cut-off date, see their service-item history and upgrade — bind to the one-stop account of the same enterprise.
 */
import { z } from 'zod';
import { staffDuties } from './staff-duties';
import { accountRoleSchema, defineRoute, enterpriseParamsSchema, isoDateTimeSchema, uuidSchema } from './route';

/** Roles in the old platform (manual 000 §2). */
export const legacyRoleSchema = z.enum(['legalRepresentative', 'administrator', 'handler']);
export type LegacyRole = z.infer<typeof legacyRoleSchema>;

/** How the old platform's CSV names each role. */
export const LEGACY_ROLE_LABELS: Readonly<Record<string, LegacyRole>> = { 法定代表人: 'legalRepresentative', 管理员: 'administrator', 经办人: 'handler' };

/**
 * What each old role becomes on the one-stop portal: the legal representative its `super`, the administrator its
 * `admin`, a handler a new `handler` account opened with the administrator's consent.
 */
export const LEGACY_ROLE_TARGET = { legalRepresentative: 'super', administrator: 'admin', handler: 'handler' } as const satisfies Record<LegacyRole, z.infer<typeof accountRoleSchema>>;

/** The old platform's password hash as accepted on import: salted PBKDF2-HMAC-SHA256 (the Django-style encoding). */
export const LEGACY_HASH_PATTERN = /^pbkdf2_sha256\$(\d{4,7})\$([^$]{8,64})\$([A-Za-z0-9+/]{43}=)$/;

const csvText = z.string().min(1).max(5 * 1024 * 1024);

export const importLegacyAccountsRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/legacy-accounts/import',
  operationId: 'importLegacyAccounts',
  summary:
    'Imports legacy hub accounts (header: uscc,enterpriseName,username,role,displayName,mobile,passwordHash,items) and optionally their history (header: username,item,title,date,status)',
  tag: 'legacy',
  access: { kind: 'staff', roles: staffDuties.portalAdministration },
  body: z.object({ accounts: csvText, history: csvText.optional() }),
  response: z.object({ imported: z.number().int(), updated: z.number().int(), skipped: z.number().int(), historyRows: z.number().int() }),
});

const legacyLoginBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  captcha: z.object({ captchaId: uuidSchema, answer: z.string().min(1).max(16) }),
});

export const legacyHistoryRowSchema = z.object({ item: z.string(), title: z.string(), date: z.string(), status: z.string() });

/** The cut-off (a China calendar day, the last one legacy sign-in works) and the whole days left before it. */
export const legacyCutoffSchema = z.object({ cutoff: z.string(), daysLeft: z.number().int() });

export const legacyViewSchema = legacyCutoffSchema.extend({
  account: z.object({
    id: uuidSchema,
    username: z.string(),
    displayName: z.string(),
    role: legacyRoleSchema,
    targetRole: accountRoleSchema,
    uscc: z.string(),
    enterpriseName: z.string(),
  }),
  /** Whether the enterprise of the same USCC already has its one-stop account (else: register first). */
  enterpriseRegistered: z.boolean(),
  history: z.array(legacyHistoryRowSchema),
});
export type LegacyView = z.infer<typeof legacyViewSchema>;

export const legacyLoginRoute = defineRoute({
  method: 'POST',
  path: '/api/legacy/login',
  operationId: 'legacyLogin',
  summary: 'Legacy hub account sign-in (until the cut-off date): username + password + captcha',
  tag: 'legacy',
  access: { kind: 'public' },
  body: legacyLoginBodySchema,
  response: legacyViewSchema.extend({ token: z.string(), expiresAt: isoDateTimeSchema, idleTimeoutSeconds: z.number().int() }),
});

export const legacyMeRoute = defineRoute({
  method: 'GET',
  path: '/api/legacy/me',
  operationId: 'legacyMe',
  summary: 'The signed-in legacy account, its history and whether its enterprise can be joined',
  tag: 'legacy',
  access: { kind: 'legacy' },
  response: legacyViewSchema,
});

/** The proof of belonging: a one-stop account of the same enterprise, signed in on the spot. */
export const legacyUpgradeBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const legacyUpgradeRoute = defineRoute({
  method: 'POST',
  path: '/api/legacy/upgrade',
  operationId: 'legacyUpgrade',
  summary: 'Binds the legacy account to the one-stop account of its enterprise (once); the legacy session ends',
  tag: 'legacy',
  access: { kind: 'legacy' },
  body: legacyUpgradeBodySchema,
  response: z.object({
    enterpriseId: uuidSchema,
    username: z.string(),
    role: accountRoleSchema,
    /** A handler's new account: its initial password went by SMS to the legacy account's mobile. */
    created: z.boolean(),
    historyRows: z.number().int(),
  }),
});

export const legacyHistoryRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:enterpriseId/legacy-history',
  operationId: 'legacyHistory',
  summary: 'The service-item history carried over from upgraded legacy accounts (newest first)',
  tag: 'legacy',
  access: { kind: 'account' },
  params: enterpriseParamsSchema,
  response: z.object({ rows: z.array(legacyHistoryRowSchema.extend({ legacyUsername: z.string() })) }),
});

export type LegacyUpgradeResult = z.infer<typeof legacyUpgradeRoute.response>;
export type CarriedHistoryRow = z.infer<typeof legacyHistoryRoute.response>['rows'][number];
