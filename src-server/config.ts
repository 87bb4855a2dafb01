/**
 * Server configuration, read once from the environment. Everything has a default so `npm run server` on a fresh
 * clone needs no configuration: SQLite in `./data`, trust roots in `./data/trust`, SMS into the development outbox
 * (which only a loopback or reserved test origin may run with: see `assertSmsModeAllowed`).
 */
import path from 'node:path';
import { authOrigin } from '@shared/contract/signing';
import { tsaUrlSchema } from '@shared/contract/tsa-url';
import { MAX_SCRYPT_LOG2N, MIN_DEPLOYED_SCRYPT_LOG2N, PRODUCTION_SCRYPT_LOG2N } from './domain/passwords';
import { portalEntry, portalIdSchema, type PortalId } from '@shared/portals/catalogue';

export interface ServerConfig {
  /**
   * Which portal this server serves (`TONGBAN_PORTAL`, default `sip`): its flows' routes are the only ones registered
   * (flows.ts) and `GET /api/portal` names it. One server, one portal: nothing of another portal's data is here.
   */
  portal: PortalId;
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` switches to PostgreSQL; otherwise SQLite at `<dataDir>/tongban.sqlite`. */
  databaseUrl: string | null;
  trustDir: string;
  /** The origin CA-login tokens must be bound to (Web eID), e.g. `https://one.example.gov.cn`. */
  publicOrigin: string;
  /**
   * `development-outbox`: texts are stored in `sms_outbox` instead of sent, for a developer's machine and the tests;
   * `http`: the operator's gateway (`TONGBAN_SMS_URL`). Never a silent default in production: see assertSmsModeAllowed.
   */
  sms: { provider: 'development-outbox' } | { provider: 'http'; url: string; token: string | null };
  /** SMTP URL for nodemailer (`smtp://user:pass@host:port`); null stores nothing and sends nothing. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Creates staff account `admin` with this initial password at startup when no staff account exists. */
  bootstrapStaffPassword: string | null;
  /** Legal-person registry CSV files imported at startup (demo and development data; staff import the real one). */
  registrySeedFiles: string[];
  /** Persons the simulated identity service knows (`name,idNumber,mobile` CSV files; verification/identity.ts). */
  simulatedIdentityFiles: string[];
  /** E-licence login (issue 14): the licence service (SimulatedLicenceService here), its shared secret, and the origin it calls back (default publicOrigin). */
  elicence: { url: string | null; secret: string | null; callbackOrigin: string | null };
  logLevel: string;
  /** Per caller address and hour: anonymous scan uploads and registration submits (each submit texts a code). */
  anonymousLimits: { uploadsPerHour: number; submitsPerHour: number };
  /** Per caller address and hour: the phone receipt page's link look-ups and photo uploads (no session there). */
  phoneLimits: { lookupsPerHour: number; uploadsPerHour: number };
  /**
   * The portal's SMS signature (短信签名), e.g. 【园区一网通办】: what the carrier registered for the portal, put in
   * front of every SMS and e-mail subject. Per portal, so it is configured, never written in a template.
   */
  smsSign: string;
  /** 付款单位 printed on disbursement receipts. */
  disbursementPayer: string;
  /** The RFC 3161 TSA the portal announces to desks for PAdES B-T (`TONGBAN_TSA_URL`); null: none. */
  tsaUrl: string | null;
  /**
   * Which hops of X-Forwarded-For the caller's address is taken from (issue 17): `false` (none: the socket's
   * address), a hop count (`TRUST_PROXY=1`: the address the one proxy in front saw), or the proxies' own
   * addresses / CIDRs (`TRUST_PROXY=10.0.0.5,10.1.0.0/16`). Never "any": a client could then name any address.
   */
  trustProxy: false | number | string[];
  /** Per caller address and minute: captchas and CA-login challenges (each is a row until spent or expired). */
  challengesPerMinute: number;
  /** A request (headers and body) must arrive within `requestMs`; an idle connection closes after `idleMs`. */
  timeouts: { requestMs: number; idleMs: number };
  /** Bytes of stored files: per enterprise (what it owns) and in all; anonymous uploads count to the total. */
  uploadQuota: { enterpriseBytes: number; totalBytes: number };
  /** Checks every answer against its contract schema (tests): a mismatch becomes a 500 and a log line. */
  validateResponses: boolean;
  /**
   * domain/housekeeping.ts: runs at start and then every `intervalMinutes` (0: never by itself); unconfirmed
   * registrations and unowned uploads are kept `retentionDays` after their last activity.
   */
  housekeeping: {
    intervalMinutes: number;
    retentionDays: number;
    /**
     * Uploads nobody owns or references (made without a session: registration scans before submit, anonymous
     * requests, pre-registration) go this many hours after their last touch (issue 17 item 5); default 24.
     */
    anonymousUploadHours?: number;
  };
  /**
   * The last China calendar day (`YYYY-MM-DD`) legacy hub accounts may sign in (manual 000: 2021-06-30); after it
   * they are refused with the way to upgrade.
   */
  legacyCutoff: string;
  /**
   * What a certificate whose revocation nobody can confirm gets (no AIA/CDP, responder down): `strict` refuses it,
   * `soft` lets it through with a warning (pki/revocation.ts). A revoked one is refused under both.
   */
  revocationPolicy: 'strict' | 'soft';
  /**
   * log2 of scrypt's N for new password hashes (domain/passwords.ts): 15 by default, `TONGBAN_SCRYPT_LOG2N` 14–17.
   * Only code may set less (the test servers); stored hashes keep verifying with the parameters they carry.
   */
  scryptLog2N: number;
  // --- beijing (issue 16)
  /** Legal representatives the SimulatedUnifiedIdentity knows (`uscc,enterpriseName,name,idNumber` CSV files). */
  simulatedUnifiedIdentityFiles: string[];
  // --- end beijing
}

/** A number from the environment, or the default when unset; anything else stops the start with a clear error. */
function numberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** A portal's id; a typo must stop the start, not quietly serve SIP. */
function portalFromEnv(raw: string | undefined): PortalId {
  const value = raw?.trim() || 'sip';
  const parsed = portalIdSchema.safeParse(value);
  if (!parsed.success) throw new Error(`TONGBAN_PORTAL must be one of ${portalIdSchema.options.join(', ')} (got ${JSON.stringify(raw)})`);
  return parsed.data;
}

/**
 * Carriers accept a signature of 2–12 characters in 【】; anything else would be refused at the first SMS. Unset, the
 * portal's own (catalogue); a portal without a known one must be given it, or its texts would carry SIP's.
 */
export function smsSignFor(portal: PortalId, raw: string | undefined): string {
  const fallback = portalEntry(portal).smsSign;
  if (!raw?.trim() && fallback === null) throw new Error(`TONGBAN_SMS_SIGN must be set for the portal ${portal} (its SMS signature, 2–12 characters in 【】)`);
  const value = raw?.trim() || fallback || '';
  if (!/^【[^【】\s]{2,12}】$/u.test(value)) throw new Error(`TONGBAN_SMS_SIGN must be 2–12 characters in 【】 (got ${JSON.stringify(raw)})`);
  return value;
}

/** A whole number from the floor up: a typo or a cheap cost must stop the start, not weaken every new hash. */
function scryptLog2NFromEnv(env: NodeJS.ProcessEnv): number {
  const value = numberFromEnv(env, 'TONGBAN_SCRYPT_LOG2N', PRODUCTION_SCRYPT_LOG2N, MIN_DEPLOYED_SCRYPT_LOG2N, MAX_SCRYPT_LOG2N);
  if (!Number.isInteger(value)) throw new Error(`TONGBAN_SCRYPT_LOG2N must be a whole number (got ${JSON.stringify(env.TONGBAN_SCRYPT_LOG2N)})`);
  return value;
}

/** A real calendar day: a typo must stop the start, not silently close (or open) legacy sign-in. */
function legacyCutoffFromEnv(raw: string | undefined): string {
  const value = raw?.trim() || '2021-06-30';
  const day = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new Error(`TONGBAN_LEGACY_CUTOFF must be a date YYYY-MM-DD (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** The clients' rule (https, http on loopback) at start: a TSA they would refuse must not be announced. */
function tsaUrlFromEnv(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (!tsaUrlSchema.safeParse(value).success) throw new Error(`TONGBAN_TSA_URL must be an https URL (http only on loopback) (got ${JSON.stringify(raw)})`);
  return value;
}

/** `strict` or `soft` (default); a typo must stop the start rather than silently weaken the check. */
function revocationPolicyFromEnv(raw: string | undefined): 'strict' | 'soft' {
  const value = raw?.trim() || 'soft';
  if (value !== 'strict' && value !== 'soft') throw new Error(`TONGBAN_REVOCATION_POLICY must be strict or soft (got ${JSON.stringify(raw)})`);
  return value;
}

/** A licence service needs a secret long enough for HMAC-SHA256; a URL without one stops the start. */
function elicenceFromEnv(env: NodeJS.ProcessEnv): ServerConfig['elicence'] {
  const url = env.TONGBAN_ELICENCE_URL || null;
  const secret = env.TONGBAN_ELICENCE_SECRET || null;
  if (url && (!secret || secret.length < 32)) throw new Error('TONGBAN_ELICENCE_SECRET must be set (at least 32 characters) with TONGBAN_ELICENCE_URL');
  return { url, secret, callbackOrigin: env.TONGBAN_ELICENCE_CALLBACK_ORIGIN || null };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(env.TONGBAN_DATA_DIR ?? './data');
  const smsUrl = env.TONGBAN_SMS_URL ?? null;
  const portal = portalFromEnv(env.TONGBAN_PORTAL);
  return {
    portal,
    port,
    host,
    dataDir,
    databaseUrl: env.TONGBAN_DATABASE_URL || null,
    trustDir: path.resolve(env.TONGBAN_TRUST_DIR ?? path.join(dataDir, 'trust')),
    // In development the client talks to the server directly on loopback, which Web eID allows over http. A
    // configured origin is normalised as tokens bind it (scheme://host[:port]) and must be https off loopback.
    publicOrigin: env.TONGBAN_PUBLIC_ORIGIN
      ? authOrigin(env.TONGBAN_PUBLIC_ORIGIN)
      : `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    sms: smsUrl ? { provider: 'http', url: smsUrl, token: env.TONGBAN_SMS_TOKEN ?? null } : { provider: 'development-outbox' },
    smtpUrl: env.TONGBAN_SMTP_URL || null,
    mailFrom: env.TONGBAN_MAIL_FROM ?? 'Tongban <noreply@tongban.localhost>',
    bootstrapStaffPassword: env.TONGBAN_STAFF_ADMIN_PASSWORD || null,
    registrySeedFiles: (env.TONGBAN_REGISTRY_CSV ?? '').split(path.delimiter).filter(Boolean).map((f) => path.resolve(f)),
    simulatedIdentityFiles: (env.TONGBAN_SIMULATED_IDENTITY_CSV ?? '').split(path.delimiter).filter(Boolean).map((f) => path.resolve(f)),
    elicence: elicenceFromEnv(env),
    logLevel: env.TONGBAN_LOG_LEVEL ?? 'info',
    anonymousLimits: {
      uploadsPerHour: Number(env.TONGBAN_ANON_UPLOADS_PER_HOUR ?? 300),
      submitsPerHour: Number(env.TONGBAN_ANON_SUBMITS_PER_HOUR ?? 60),
    },
    phoneLimits: {
      lookupsPerHour: Number(env.TONGBAN_PHONE_LOOKUPS_PER_HOUR ?? 120),
      uploadsPerHour: Number(env.TONGBAN_PHONE_UPLOADS_PER_HOUR ?? 30),
    },
    smsSign: smsSignFor(portal, env.TONGBAN_SMS_SIGN),
    disbursementPayer: env.TONGBAN_DISBURSEMENT_PAYER?.trim() || '苏州工业园区劳动和社会保障局',
    tsaUrl: tsaUrlFromEnv(env.TONGBAN_TSA_URL),
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    challengesPerMinute: numberFromEnv(env, 'TONGBAN_CHALLENGES_PER_MINUTE', 60, 1, 100_000),
    timeouts: {
      requestMs: numberFromEnv(env, 'TONGBAN_REQUEST_TIMEOUT_SECONDS', 60, 1, 3600) * 1000,
      idleMs: numberFromEnv(env, 'TONGBAN_IDLE_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
    },
    uploadQuota: {
      enterpriseBytes: numberFromEnv(env, 'TONGBAN_ENTERPRISE_QUOTA_MB', 2048, 1, 1e7) * 1024 * 1024,
      totalBytes: numberFromEnv(env, 'TONGBAN_STORAGE_QUOTA_GB', 200, 1, 1e6) * 1024 * 1024 * 1024,
    },
    validateResponses: env.TONGBAN_VALIDATE_RESPONSES === '1',
    housekeeping: {
      intervalMinutes: numberFromEnv(env, 'TONGBAN_HOUSEKEEPING_MINUTES', 60, 0, 7 * 24 * 60),
      // At least a day: far longer than an SMS code lives, and than a clerk takes between upload and submit.
      retentionDays: numberFromEnv(env, 'TONGBAN_REGISTRATION_RETENTION_DAYS', 7, 1, 3650),
      // At least an hour: a clerk uploads the scans and then signs and submits in one sitting.
      anonymousUploadHours: numberFromEnv(env, 'TONGBAN_ANONYMOUS_UPLOAD_HOURS', 24, 1, 24 * 3650),
    },
    legacyCutoff: legacyCutoffFromEnv(env.TONGBAN_LEGACY_CUTOFF),
    revocationPolicy: revocationPolicyFromEnv(env.TONGBAN_REVOCATION_POLICY),
    scryptLog2N: scryptLog2NFromEnv(env),
    // beijing (issue 16)
    simulatedUnifiedIdentityFiles: (env.TONGBAN_SIMULATED_UNIFIED_IDENTITY_CSV ?? '').split(path.delimiter).filter(Boolean).map((f) => path.resolve(f)),
  };
}

/**
 * `TRUST_PROXY`: unset/empty = no proxy; a whole number = that many proxy hops; otherwise a comma list of the
 * proxies' addresses or CIDRs. `true`/`yes` (trust whatever the client claims) stops the start.
 */
export function trustProxyFromEnv(raw: string | undefined): false | number | string[] {
  const text = raw?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const list = text.split(',').map((a) => a.trim()).filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;
  const bad = list.find((a) => !address.test(a));
  if (bad !== undefined || list.length === 0) {
    throw new Error(`TRUST_PROXY must be a hop count or proxy addresses/CIDRs separated by commas, not "${bad ?? text}"`);
  }
  return list;
}

/**
 * Hosts no public deployment can have: loopback, and the names RFC 6761 reserves (`localhost`, `*.localhost`,
 * `*.test`, `*.invalid`), which never resolve on the internet — the tests' origin `https://one.tongban.test` is one.
 */
export function isDevelopmentHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  return host === 'localhost' || /\.(localhost|test|invalid)$/.test(host);
}

/**
 * The development outbox keeps every text (initial passwords, codes) readable in the database, so a server whose
 * public origin people can reach must have a real gateway: its start stops here, with what to set.
 */
export function assertSmsModeAllowed(config: Pick<ServerConfig, 'sms' | 'publicOrigin'>): void {
  if (config.sms.provider !== 'development-outbox') return;
  if (isDevelopmentHost(new URL(config.publicOrigin).hostname)) return;
  throw new Error(
    `TONGBAN_SMS_URL is not set, and the development SMS outbox (texts stored, never sent) is refused for the public origin ${config.publicOrigin}: ` +
      'set TONGBAN_SMS_URL (and TONGBAN_SMS_TOKEN) to the SMS gateway, or use a loopback origin for development',
  );
}
