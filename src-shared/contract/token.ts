import { z } from 'zod';
import type { AppError } from './result';
import type { caProfileSchema, WebEidAuthToken } from './signing';
import { certSelectorSchema } from './cert-selector';
import { pdfSignRequestSchema, type PdfSignResult } from './pdf-signing';

export { certSelectorSchema };

/**
 * The token service's contract: what a certificate on a CA key looks like to the rest of Tongban, and the
 * messages between the token service process and its clients (Electron main, browser-mode host, CLI, tests).
 */

export const usccSourceSchema = z.enum([
  'gmt0015-2023',
  'gmt0015-2012-4.1.4',
  'gmt0015-2012-4.1.3',
  'cn86-7.4',
  'cn86-7.3',
  'subject-serialNumber',
  'subject-organizationIdentifier',
  'subject-OU',
  'subject-CN',
]);

/** PIN state as the token reports it (CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED), when it does. */
export interface PinState {
  countLow: boolean;
  finalTry: boolean;
  locked: boolean;
  /** PIN entered on the key's own PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH): Tongban asks for no PIN. */
  pinPad: boolean;
  minLength: number;
  maxLength: number;
}

/** Where the CA unlocks a locked key: its service window and phone numbers (native/profiles, from the manuals). */
export interface UnlockContact {
  window: { 'zh-CN': string; en: string };
  phones: string[];
}

export interface TokenCertificate {
  /** SHA-256 of the certificate DER, lowercase hex: the stable id of a certificate across plug-ins. */
  fingerprint: string;
  tokenLabel: string;
  tokenSerial: string;
  tokenManufacturer: string;
  tokenModel: string;
  modulePath: string;
  profile: z.infer<typeof caProfileSchema>;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  validity: 'valid' | 'expired' | 'not-yet-valid';
  keyType: 'RSA' | 'EC' | 'SM2' | 'unknown';
  keyBits: number;
  uscc: string | null;
  usccSource: z.infer<typeof usccSourceSchema> | null;
  enterpriseName: string | null;
  pin: PinState;
  /** Where this certificate's CA unlocks a locked PIN, when its profile says (issue 18). */
  unlock?: UnlockContact;
  /** Base64 DER, for callers that show details or build requests. */
  certificate: string;
}


const pinSchema = z.string().max(64);

export const tokenRequestSchemas = {
  list: z.object({}),
  signCms: z.object({
    cert: certSelectorSchema,
    /** Base64 of the content to sign (detached). */
    content: z.string().max(48 * 1024 * 1024),
    pin: pinSchema.optional(),
    /** Refuse certificates without a valid USCC (registration, applications). */
    requireUscc: z.boolean().optional(),
  }),
  authenticate: z.object({
    cert: certSelectorSchema,
    origin: z.string().max(2048),
    nonce: z.string().max(256),
    pin: pinSchema.optional(),
  }),
  diagnose: z.object({}),
  /** PAdES signature of a PDF (issue 15): src-shared/contract/pdf-signing.ts. */
  signPdf: pdfSignRequestSchema,
} as const;

export type TokenMethod = keyof typeof tokenRequestSchemas;
export type TokenRequest<M extends TokenMethod> = z.infer<(typeof tokenRequestSchemas)[M]>;

export interface ModuleReport {
  path: string;
  source: 'profile' | 'settings' | 'env';
  profile: string;
  present: boolean;
  architecture: string;
  loaded: boolean;
  info?: { manufacturer: string; description: string; cryptokiVersion: string; libraryVersion: string };
  error?: { code: string; detail: string };
}

export interface SlotReport {
  modulePath: string;
  slotId: string;
  description: string;
  tokenPresent: boolean;
  token?: {
    label: string;
    serial: string;
    manufacturer: string;
    model: string;
    flags: string[];
    mechanisms: string[];
  };
  certificates: number;
  error?: { code: string; detail: string };
}

/**
 * The token service process lost to a driver: `crash` (the process died during a call: an access violation, an
 * abort) or `hang` (a call did not return within the limit and the process was replaced). `module` is the PKCS#11
 * library that was in use, when the service had said which. Kept by the client, reported by the self-check.
 */
export interface ServiceFailure {
  kind: 'crash' | 'hang';
  at: string;
  method: TokenMethod;
  module: string | null;
  /** Exit code or signal of the process (crash). */
  exit?: string;
}

export interface DiagnosticReport {
  generatedAt: string;
  appVersion: string;
  platform: string;
  arch: string;
  modules: ModuleReport[];
  slots: SlotReport[];
  certificates: TokenCertificate[];
  errors: string[];
  /** Crashes and hangs of the service since the app started (the client adds them; the service cannot know). */
  serviceFailures?: ServiceFailure[];
}

export interface TokenResponses {
  list: TokenCertificate[];
  signCms: { cms: string; fingerprint: string };
  authenticate: WebEidAuthToken;
  diagnose: DiagnosticReport;
  signPdf: PdfSignResult;
}

/** Wire messages. `pin` travels only inside a request's params and is never echoed or logged. */
export type TokenServiceMessage =
  | { kind: 'request'; id: number; method: TokenMethod; params: unknown }
  | { kind: 'response'; id: number; ok: true; value: unknown }
  | { kind: 'response'; id: number; ok: false; error: AppError }
  | { kind: 'event'; event: 'tokens-changed'; certificates: TokenCertificate[] }
  /** Sent before a call goes into a PKCS#11 library that may hang or crash: whom to blame if it does. */
  | { kind: 'busy'; id: number; module: string }
  | { kind: 'ready' };
