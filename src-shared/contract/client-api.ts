/**
 * `window.tongban`: the one API the renderer may call, declared once. Each method has a zod schema for its
 * input, so the Electron main process and the browser-mode host validate everything a renderer sends (a
 * compromised renderer gets nothing a clerk could not do), and the renderer gets typed results.
 *
 * Transport-neutral: the Electron preload (IPC), the browser-mode bootstrap (WebSocket RPC) and the tests all
 * build the same nested object from `clientMethods` (see `buildClientApi`). Calls resolve to a Result and never
 * throw across the process boundary; binary content travels as base64.
 */
import { z } from 'zod';
import type { Result } from './result';
import { caProfileSchema } from './signing';
import type { DiagnosticReport, TokenCertificate } from './token';
import { serverUrlSchema } from './server-url';
import { tsaUrlSchema } from './tsa-url';
import {
  subsidyDraftFormSchema,
  subsidyContactSchema,
  subsidyTalentSchema,
  type ServiceItemGuide,
  type SubsidyApplicationView,
  type SubsidyStatus,
} from './http/subsidy';
import {
  bankAccountInputSchema,
  financeContactInputSchema,
  type BankAccount,
  type DisbursementSummary,
  type DisbursementView,
  type FinanceContact,
  type ReceiptLinkStatus,
} from './http/disbursement';
import { serviceItemSchema, type AccountRole, type ServiceItem } from './http/route';
import { accountCreateBodySchema } from './http/enterprise';
import { accountStatusSchema, caLoginAccountSchema, type AccountEvent, type AccountStatusValue, type BoundCertificate } from './http/account-roles';
import { UPLOAD_MAX_BYTES } from './http/uploads';
import { contactChangeBodySchema, recoveryStartBodySchema, verificationCodeSchema, type AccountProfile, type CodeChannel } from './http/recovery';
import type { CarriedHistoryRow, LegacyUpgradeResult, LegacyView } from './http/legacy';
import { certificationBodySchema, platformRegisterBodySchema, unbindingBodySchema, type PlatformProfile } from './http/beijing';
import type { PreRegistrationView } from './http/pre-registration';
import type { AccountRequestSummary, AccountRequestView } from './http/account-requests';
import { renewalCodeSchema } from './http/renewal';
import { accountRequestDraftFormSchema } from './account-request-draft';
import { filingDraftFormSchema, filingFormSchema, type filingSummarySchema, type filingTimelineEntrySchema, type FilingView, type FilingFormValue } from './http/filing';
import type { PadesLevel } from './pdf-signing';
import type { ManagedState } from './delivery';
import { portalIdSchema, type PortalId, type PortalInfo } from '../portals/catalogue';

/** What the renderer knows about the process serving it. */
export interface AppInfo {
  version: string;
  /** `electron` inside the desktop app, `browser` when a Node host serves the renderer to a browser. */
  shell: 'electron' | 'browser';
  platform: string;
}

export const settingsSchema = z.object({
  /** The platform server, e.g. https://portal.sipac.example. IT may pre-seed it at install time. */
  serverUrl: serverUrlSchema,
  language: z.enum(['zh-CN', 'en']),
  /**
   * Extra PKCS#11 libraries (full paths) for keys whose driver is not in the vendor profiles. Read-only for the
   * renderer: a driver is native code, so only main adds one (settings.addDriver), within the driver rules.
   */
  pkcs11Modules: z.array(z.string().min(1).max(1024)).max(16),
  /** The RFC 3161 time-stamp authority for PDF signatures (tsa-url.ts); '' = the portal's, if it announces one. */
  tsaUrl: tsaUrlSchema,
  /**
   * The portal this PC works with (src-shared/portals); null until the first start's choice. IT may pre-seed it
   * with the server URL. The renderer changes it only through portals.choose, which checks the server first.
   */
  portal: portalIdSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A portal this PC can switch to, and the server URL it would use (the clerk's, IT's, or the catalogue's). */
export interface KnownPortal {
  id: PortalId;
  serverUrl: string;
  /** The clerk or IT set this URL (false: the catalogue's usual one). */
  configured: boolean;
}

/** The self-check's server line: the URL rule, whether it answers, and its version. */
export interface ServerCheck {
  serverUrl: string;
  /** https, or http on this machine's loopback (server-url.ts); false means nothing was sent. */
  allowed: boolean;
  reachable: boolean;
  /** The server's version, when it answered. */
  version?: string;
  /** Why it failed: SERVER_URL_NOT_HTTPS, SERVER_UNREACHABLE, SERVER_ANSWER_UNREADABLE… */
  error?: string;
  ms?: number;
}

const empty = z.object({}).strict();
const pin = z.string().max(64);
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/);

export const registrationFormSchema = z.object({
  caProfile: caProfileSchema,
  enterprise: z.object({
    uscc: z.string().max(18),
    name: z.string().max(100),
    address: z.string().max(200),
    legalRepresentative: z.string().max(50),
  }),
  administrator: z.object({
    name: z.string().max(50),
    idNumber: z.string().max(18),
    mobile: z.string().max(20),
    email: z.string().max(254).optional(),
  }),
});
export type RegistrationForm = z.infer<typeof registrationFormSchema>;

export const attachmentRefSchema = z.object({
  requirement: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  fileName: z.string().max(255),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

// ── Online pre-registration: the form as typed (the contract's rules: http/pre-registration.ts) ─────────
export const preRegistrationDraftFormSchema = z.object({
  enterprise: z.object({ uscc: z.string().max(18), name: z.string().max(100), address: z.string().max(200) }),
  legalRepresentative: z.object({ name: z.string().max(50), idNumber: z.string().max(22), mobile: z.string().max(20) }),
  administrator: registrationFormSchema.shape.administrator,
});
export type PreRegistrationDraftForm = z.infer<typeof preRegistrationDraftFormSchema>;

// ── Uploads (one surface for every flow; main resumes them over tus) ─────────────────────────────────────
/** Which flow an upload is for: registration scans go under the attempt's upload token, the others under the session and that service item. */
export const uploadPurposeSchema = z.enum(['registration', 'subsidy', 'disbursement', 'constructionFiling']);
export type UploadPurpose = z.infer<typeof uploadPurposeSchema>;
/** Bytes travel to main in chunks of at most this (base64 in one IPC message each), never as one giant message. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** `paused`: the line dropped; main tries again by itself and says so with an `upload.state` event. */
export type UploadStatus = 'spooling' | 'sending' | 'paused' | 'done' | 'failed';
export interface UploadState {
  uploadId: string;
  purpose: UploadPurpose;
  requirement: string;
  slot: string;
  fileName: string;
  size: number;
  status: UploadStatus;
  attachment?: AttachmentRef;
  /** The stable code of a failed upload (FILE_TYPE_UNSUPPORTED, FILE_TOO_LARGE…). */
  error?: string;
}
const uploadIdSchema = z.uuid();
const uploadMethods = {
  /** Opens an upload of `size` bytes; the bytes follow with `append`, then `send`. */
  start: z.object({
    uploadId: uploadIdSchema,
    purpose: uploadPurposeSchema,
    requirement: z.string().min(1).max(64),
    /** The screen's slot (a talent's degree certificate, say): after a restart the slot finds its upload again. */
    slot: z.string().min(1).max(128),
    fileName: z.string().max(255),
    size: z.number().int().positive().max(UPLOAD_MAX_BYTES),
  }),
  /** The next chunk (base64) at `offset`, in order. */
  append: z.object({ uploadId: uploadIdSchema, offset: z.number().int().min(0), content: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) }),
  /** Sends the spooled bytes; resolves with the server's SHA-256 once stored. Progress: `upload.progress`. */
  send: z.object({ uploadId: uploadIdSchema }),
  /** Tries a paused upload again now (after a restart, or the clerk's 重试). */
  resume: z.object({ uploadId: uploadIdSchema }),
  /** Uploads main knows of (unfinished ones after a restart among them). */
  list: z.object({ purpose: uploadPurposeSchema.optional() }),
  /** Forgets an upload (replaced or removed from its slot); an unfinished one is cancelled on the server. */
  discard: z.object({ uploadId: uploadIdSchema }),
};

/** Input schemas of every method, grouped by feature. The nesting is the shape of `window.tongban`. */
export const clientMethods = {
  app: {
    info: empty,
    /** The desktop log's last lines (already redacted), for the self-check report. */
    logTail: z.object({ lines: z.number().int().min(1).max(1000).optional() }),
    /** The self-check's connection test: URL rule, reachability and version of the configured server. */
    checkServer: empty,
  },
  settings: {
    get: empty,
    /** The renderer names no native code: drivers are not among what it may change. */
    update: settingsSchema.omit({ pkcs11Modules: true, portal: true }).partial().strict(),
    /** Main asks the clerk for a driver file with a native dialog (Electron) and adds it if the driver rules allow. */
    addDriver: empty,
    removeDriver: z.object({ path: z.string().min(1).max(1024) }),
    /** What group policy manages (shown read-only) and how this installation is updated (delivery.ts). */
    managed: empty,
  },
  tokens: {
    /** Keys plugged in now (no PIN needed). */
    list: empty,
    /** The "CA not detected?" self-check report. */
    diagnose: empty,
    /** Stops a PIN-pad wait or a hung key operation. */
    cancel: empty,
    /** The certificate fingerprint of the key last used on this PC (issue 21 item 5), preselected when plugged in. */
    lastUsed: empty,
  },
  auth: {
    captcha: empty,
    login: z.object({
      enterprise: z.string().max(200),
      username: z.string().max(64),
      password: z.string().max(256),
      captchaId: z.string().max(64),
      captchaAnswer: z.string().max(16),
    }),
    /** `account`: the "which account" step (issue 13), when the key serves several or not yet this one. */
    loginWithKey: z.object({ fingerprint, pin: pin.optional(), account: caLoginAccountSchema.optional() }),
    /** A renewed key's login waits for the administrator's SMS code (RENEWAL_NEEDS_CONFIRMATION): the code signs in. */
    confirmRenewal: z.object({ confirmationId: z.uuid(), code: renewalCodeSchema }),
    changePassword: z.object({ currentPassword: z.string().max(256), newPassword: z.string().max(256) }),
    logout: empty,
    session: empty,
    /** E-licence QR login (issue 14): main keeps the poll secret; the renderer gets the QR link and follows the state. */
    elicenceStart: empty,
    elicenceState: z.object({ loginId: z.uuid() }),
  },
  registration: {
    /** The printable forms of the CA registration (the contract's `printedForms` of its scans). */
    printForms: z.object({ form: registrationFormSchema }),
    /** Signs the canonical JSON of the form and attachment hashes with the key, then submits it. */
    submit: z.object({ fingerprint, pin: pin.optional(), form: registrationFormSchema, attachments: z.array(attachmentRefSchema).max(20), idempotencyKey: z.uuid() }),
    resendCode: z.object({ registrationId: z.uuid() }),
    confirm: z.object({ registrationId: z.uuid(), code: z.string().max(6) }),
    /** Step 2 (issue 21 item 1): the key signs a CA challenge; the server says whether its enterprise is registered. */
    checkKey: z.object({ fingerprint, pin: pin.optional() }),
  },
  serviceItems: {
    /** The service items the signed-in account may use, with their guides (a handler sees only those granted). */
    list: empty,
  },
  subsidy: {
    list: empty,
    get: z.object({ applicationId: z.uuid() }),
    /** Starts an application as a server-side draft. */
    create: z.object({ form: subsidyDraftFormSchema }),
    /** Saves the server-side draft (a draft, or a returned application being corrected). */
    saveDraft: z.object({ applicationId: z.uuid(), form: subsidyDraftFormSchema }),
    /**
     * Signs and submits (draft) or resubmits (returned) the form. Main adds the enterprise as the server records it
     * and the amount computed with the server's rule, signs the canonical JSON with the key (its USCC must be the
     * enterprise's), and keeps the signed envelope until the server has answered, so a retry with the same
     * idempotency key sends the very same bytes.
     */
    submit: z.object({
      applicationId: z.uuid(),
      fingerprint,
      pin: pin.optional(),
      idempotencyKey: z.uuid(),
      contact: subsidyContactSchema,
      talents: z.array(subsidyTalentSchema).min(1).max(50),
      attachments: z.array(attachmentRefSchema.omit({ fileName: true })).max(50),
    }),
    withdraw: z.object({ applicationId: z.uuid(), reason: z.string().trim().max(500).optional() }),
    timeline: z.object({ applicationId: z.uuid() }),
    // Issue 21 item 6: the application on paper (src-main/services/subsidy-forms.ts).
    /** 补贴申请表 to print, stamp and upload: the form as typed now, the enterprise as the server records it. */
    printForm: z.object({ applicationId: z.uuid(), form: subsidyDraftFormSchema }),
    /** 申请提交副本: what was filed, its number, status and time (SUBSIDY_NOT_FILED before the first submission). */
    printCopy: z.object({ applicationId: z.uuid() }),
  },
  disbursement: {
    /** 待拨付资金列表: the enterprise's disbursements (pending first). */
    list: empty,
    get: z.object({ applicationId: z.uuid() }),
    setEmploymentCertificate: z.object({ applicationId: z.uuid(), talentIndex: z.number().int().min(0).max(49), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    /** The bank account and contact the receipt names, chosen from the saved ones. */
    setPayee: z.object({ applicationId: z.uuid(), bankAccountId: z.uuid(), contactId: z.uuid() }),
    listBankAccounts: empty,
    /** `accountName` must be the enterprise's name (BANK_ACCOUNT_NAME_MISMATCH otherwise). */
    createBankAccount: bankAccountInputSchema,
    updateBankAccount: z.object({ bankAccountId: z.uuid(), account: bankAccountInputSchema }),
    removeBankAccount: z.object({ bankAccountId: z.uuid() }),
    listContacts: empty,
    createContact: financeContactInputSchema,
    updateContact: z.object({ contactId: z.uuid(), contact: financeContactInputSchema }),
    removeContact: z.object({ contactId: z.uuid() }),
    /** The receipt to print (`pdf` base64); DISBURSEMENT_INCOMPLETE while something is missing. */
    receiptPdf: z.object({ applicationId: z.uuid() }),
    /** A one-time link for the phone (replaces any earlier one of this disbursement). */
    createReceiptLink: z.object({ applicationId: z.uuid() }),
    /** What the PC polls while the QR code is shown. */
    receiptLinkStatus: z.object({ applicationId: z.uuid(), linkId: z.uuid() }),
    /** Submits the stamped receipt: a file uploaded on the PC, or the phone's photo. */
    submitReceipt: z.object({ applicationId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/), source: z.enum(['pc', 'phone']) }),
    /** A file of the enterprise (the stamped receipt, a certificate) to view or save: `content` base64. */
    downloadFile: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().max(255).optional() }),
  },
  accounts: {
    /** The enterprise's accounts (super and admin only). */
    list: empty,
    /** A new account (admin: handlers only; super: admins too); the initial password goes to its mobile by SMS. */
    create: accountCreateBodySchema,
    /** Replaces a handler's service-item permissions. */
    setPermissions: z.object({ accountId: z.uuid(), permissions: z.array(serviceItemSchema).max(10) }),
    // Issue 13: roles, deactivation, history, certificates (src-shared/contract/http/account-roles.ts).
    setStatus: z.object({ accountId: z.uuid(), status: accountStatusSchema }),
    /** A new initial password by SMS to the account's mobile; it must change it at its next login. */
    resetPassword: z.object({ accountId: z.uuid() }),
    remove: z.object({ accountId: z.uuid() }),
    history: z.object({ page: z.number().int().min(1).max(10_000).optional(), pageSize: z.number().int().min(1).max(100).optional() }),
    /** Issue 14: licence managers and agents seen through the e-licence, with items and terms (super only). */
    elicencePersons: empty,
    certificates: z.object({ accountId: z.uuid() }),
    /** Binds the inserted key to the account: main signs a fresh CA challenge with it (the PIN goes to the key only). */
    bindCertificate: z.object({ accountId: z.uuid(), fingerprint, pin: pin.optional() }),
    unbindCertificate: z.object({ accountId: z.uuid(), certificate: z.string().regex(/^[0-9a-f]{64}$/) }),
  },
  // ── Password recovery and the account's own contacts (issue 13) ──
  recovery: {
    /** 忘记密码: the account and the mobile or e-mail the clerk believes is bound; the same answer whatever exists. */
    start: recoveryStartBodySchema,
    /** The code; what the account may do next (super: set a password; main keeps the reset token). */
    verify: z.object({ recoveryId: z.uuid(), code: verificationCodeSchema }),
    /** super's new password after a proven code; signs in. */
    setPassword: z.object({ recoveryId: z.uuid(), newPassword: z.string().max(256) }),
  },
  profile: {
    /** 安全设置: the signed-in account's username, role and masked contacts. */
    get: empty,
    /** A code to the NEW mobile (super only) or e-mail. */
    startContactChange: contactChangeBodySchema,
    confirmContactChange: z.object({ challengeId: z.uuid(), code: verificationCodeSchema }),
  },
  outbox: {
    /** The signed submissions main keeps until the server answers (never their envelopes). */
    list: empty,
  },
  uploads: uploadMethods,
  // ── Legacy hub accounts (企服平台账号, manual 000) ──
  legacy: {
    /** Legacy sign-in (until the cut-off). Main holds the session; it reaches only `me` and `upgrade`. */
    login: z.object({
      username: z.string().max(64),
      password: z.string().max(256),
      captchaId: z.string().max(64),
      captchaAnswer: z.string().max(16),
    }),
    me: empty,
    /** Binds the signed-in legacy account to its enterprise's one-stop account, proved by signing in as it. */
    upgrade: z.object({ username: z.string().max(64), password: z.string().max(256) }),
    /** The history carried from upgraded legacy accounts to the signed-in account's enterprise. */
    history: empty,
  },
  // ── beijing: the Beijing SME platform (issue 16); main holds the platform session like any other ──
  beijing: {
    /** 获取验证码 for the mobile being registered. */
    sendCode: z.object({ mobile: z.string().max(32), captchaId: z.string().max(64), captchaAnswer: z.string().max(16) }),
    register: platformRegisterBodySchema,
    login: z.object({ mobile: z.string().max(32), password: z.string().max(64), captchaId: z.string().max(64), captchaAnswer: z.string().max(16) }),
    profile: empty,
    /** The passport's scans are `registration` uploads; main adds the attempt's upload token. */
    certify: certificationBodySchema.omit({ uploadToken: true }),
    yztLogin: z.object({ username: z.string().max(64), password: z.string().max(64), captchaId: z.string().max(64), captchaAnswer: z.string().max(16) }),
    requestUnbinding: unbindingBodySchema.omit({ uploadToken: true }),
    yztPasswordCode: empty,
    yztPasswordReset: z.object({ codeId: z.uuid(), code: verificationCodeSchema, password: z.string().max(64) }),
    logout: empty,
  },
  /**
   * Main keeps the request's id and access secret (the renderer never sees the secret): `submit` sends a new
   * request, or corrects the kept one when it was refused; `status` asks the server about the kept one (null:
   * none); `forget` drops it (approved and seen, or abandoned).
   */
  preRegistration: {
    printForms: z.object({ form: preRegistrationDraftFormSchema }),
    submit: z.object({ form: preRegistrationDraftFormSchema, attachments: z.array(attachmentRefSchema).max(20) }),
    status: empty,
    forget: empty,
  },
  /**
   * Requests to the portal staff (账户变更申请). Signed in, `submit` files for the enterprise (or corrects
   * `requestId`) and `list` / `get` read its requests; without login main keeps the one request's id and access
   * secret, as for pre-registration: `status` reads it, `forget` drops it.
   */
  accountRequests: {
    submit: z.object({ form: accountRequestDraftFormSchema, attachments: z.array(attachmentRefSchema).max(20), requestId: z.uuid().optional() }),
    status: empty,
    forget: empty,
    list: empty,
    get: z.object({ requestId: z.uuid() }),
  },
  // Issue 21 item 15: the enterprise and username of the last password sign-in on this PC, for the login form.
  // Main keeps them when a sign-in succeeds; never the password.
  rememberedSignIn: {
    get: empty,
    forget: empty,
  },
  /**
   * 小型建设工程开工备案 (issue 15). Main generates the application PDF from the checked form (the shared generator,
   * the server's font), signs it with the key (PAdES, `signPdf`) and keeps both PDFs with the filing in the local
   * store until the server took them: `prepared` reads what is kept, `submit` uploads the signed PDF and submits.
   */
  filing: {
    list: empty,
    get: z.object({ filingId: z.uuid() }),
    create: z.object({ form: filingDraftFormSchema }),
    saveDraft: z.object({ filingId: z.uuid(), form: filingDraftFormSchema }),
    timeline: z.object({ filingId: z.uuid() }),
    /** 生成申请表: a new application PDF of this form (any earlier generated or signed one is replaced). */
    generate: z.object({ filingId: z.uuid(), form: filingFormSchema }),
    /** 签章（江苏CA）: the kept generated PDF signed by the key (its USCC must be the enterprise's). */
    sign: z.object({ filingId: z.uuid(), fingerprint, pin: pin.optional() }),
    prepared: z.object({ filingId: z.uuid() }),
    /** Uploads the kept signed PDF (tus) and submits (draft) or resubmits (returned) the filing with it. */
    submit: z.object({ filingId: z.uuid() }),
  },
  /** Portals as data (issue 16): which portals this PC knows, choosing one (its server must say it is that portal), and what the server says. */
  portals: {
    known: empty,
    choose: z.object({ portal: portalIdSchema, serverUrl: serverUrlSchema }).strict(),
    server: empty,
  },
  drafts: {
    load: z.object({ key: z.string().min(1).max(128) }),
    save: z.object({ key: z.string().min(1).max(128), data: z.unknown() }),
    discard: z.object({ key: z.string().min(1).max(128) }),
  },
} as const;

export interface SessionInfo {
  enterpriseId: string;
  /** The signed-in account (its certificates, issue 13). */
  accountId?: string;
  enterpriseName: string;
  uscc: string;
  username: string;
  role: 'super' | 'admin' | 'handler';
  permissions: string[];
  mustChangePassword: boolean;
  expiresAt: string;
  /** How the clerk signed in: a certificate's fingerprint for CA login. */
  via: 'password' | 'ca-key' | 'e-licence';
}

export interface SubsidyApplicationSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseUscc: string;
  status: SubsidyStatus;
  version: number;
  talentCount: number;
  amountRequestedFen: number | null;
  amountApprovedFen: number | null;
  publicityEndDate: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface SubsidyTimelineEntry {
  at: string;
  action: string;
  status: SubsidyStatus;
  actor: { type: 'account' | 'staff'; id: string; name: string };
  comment: string | null;
  details: Record<string, unknown> | null;
}

/** An account of the enterprise as admins see it (the mobile masked by the server). */
export interface EnterpriseAccount {
  id: string;
  username: string;
  role: AccountRole;
  displayName: string;
  mobile: string | null;
  permissions: ServiceItem[];
  status: AccountStatusValue;
}

export type SubsidySubmitInput = z.input<typeof clientMethods.subsidy.submit>;

/**
 * One signed submission in main's outbox, as the clerk may see it: waiting (no answer yet; sent again by itself),
 * sending, sent (the server took it) or refused (the server's final no, `lastError`). `label` is data (the
 * enterprise's name, the application), never UI text; the renderer names the kind from its catalog.
 */
export interface OutboxEntryView {
  idempotencyKey: string;
  kind: string;
  label: string;
  state: 'waiting' | 'sending' | 'sent' | 'refused';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/**
 * The application PDF main keeps for a filing: generated from `form` (the desk compares it with what is typed now:
 * a changed form needs a new PDF), then signed. `pdf` is base64 of the newest: the signed one once signed.
 */
export interface FilingPrepared {
  stage: 'generated' | 'signed';
  form: FilingFormValue;
  preparedOn: string;
  pdf: string;
  fileName: string;
  level: PadesLevel | null;
  signedAt: string | null;
}

/** Where a code went, masked (what the clerk typed, for a recovery). */
export interface CodeSent {
  channel: CodeChannel;
  destination: string;
  expiresAt: string;
}

/** After a recovery code: super sets a new password (until `resetExpiresAt`); admin and handler are told who resets theirs. */
export type RecoveryOutcome =
  | { role: 'super'; username: string; resetExpiresAt: string }
  | { role: 'admin'; username: string; superReachable: boolean }
  | { role: 'handler'; username: string };

export interface ClientResults {
  app: { info: AppInfo; logTail: { lines: string[] }; checkServer: ServerCheck };
  settings: { get: Settings; update: Settings; addDriver: Settings; removeDriver: Settings; managed: ManagedState };
  tokens: { list: TokenCertificate[]; diagnose: DiagnosticReport; cancel: { cancelled: boolean }; lastUsed: { fingerprint: string | null } };
  auth: {
    captcha: { captchaId: string; image: string; expiresAt: string };
    login: SessionInfo;
    loginWithKey: SessionInfo;
    confirmRenewal: SessionInfo;
    changePassword: SessionInfo;
    logout: { loggedOut: true };
    session: SessionInfo | null;
    elicenceStart: { loginId: string; qrUrl: string; expiresAt: string };
    /** `session` once, when the login is consumed: the clerk is signed in. */
    elicenceState: {
      state: 'created' | 'scanned' | 'confirmed' | 'consumed' | 'expired' | 'refused';
      expiresAt: string;
      scannedBy: { name: string; role: 'legal' | 'manager' | 'agent' } | null;
      refusalCode: string | null;
      session?: SessionInfo;
    };
  };
  registration: {
    printForms: { pdf: string; fileName: string };
    submit: { registrationId: string; mobile: string; codeExpiresAt: string };
    resendCode: { mobile: string; codeExpiresAt: string };
    confirm: { enterpriseId: string; uscc: string; name: string; usernames: string[] };
    checkKey: { uscc: string; registered: boolean };
  };
  serviceItems: { list: { items: ServiceItemGuide[] } };
  subsidy: {
    list: { applications: SubsidyApplicationSummary[] };
    get: SubsidyApplicationView;
    create: SubsidyApplicationView;
    saveDraft: SubsidyApplicationView;
    submit: SubsidyApplicationView;
    withdraw: SubsidyApplicationView;
    timeline: { entries: SubsidyTimelineEntry[] };
    printForm: { pdf: string; fileName: string };
    printCopy: { pdf: string; fileName: string };
  };
  disbursement: {
    list: { disbursements: DisbursementSummary[] };
    get: DisbursementView;
    setEmploymentCertificate: DisbursementView;
    setPayee: DisbursementView;
    listBankAccounts: { bankAccounts: BankAccount[] };
    createBankAccount: BankAccount;
    updateBankAccount: BankAccount;
    removeBankAccount: { ok: true };
    listContacts: { contacts: FinanceContact[] };
    createContact: FinanceContact;
    updateContact: FinanceContact;
    removeContact: { ok: true };
    receiptPdf: { pdf: string; fileName: string };
    createReceiptLink: { linkId: string; url: string; expiresAt: string };
    receiptLinkStatus: ReceiptLinkStatus;
    submitReceipt: DisbursementView;
    downloadFile: { content: string; mediaType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/octet-stream'; fileName: string };
  };
  accounts: {
    elicencePersons: { persons: { name: string; role: 'legal' | 'manager' | 'agent'; username: string; items: string[]; validUntil: string | null; lastLoginAt: string }[] };
    list: { accounts: EnterpriseAccount[] };
    create: EnterpriseAccount;
    setPermissions: EnterpriseAccount;
    setStatus: { id: string; status: AccountStatusValue };
    resetPassword: { mobile: string };
    remove: { ok: true };
    history: { entries: AccountEvent[]; total: number; page: number; pageSize: number };
    certificates: { certificates: BoundCertificate[] };
    bindCertificate: BoundCertificate;
    unbindCertificate: { ok: true };
  };
  recovery: {
    start: CodeSent & { recoveryId: string };
    verify: RecoveryOutcome;
    setPassword: SessionInfo;
  };
  profile: {
    get: AccountProfile;
    startContactChange: CodeSent & { challengeId: string };
    confirmContactChange: AccountProfile;
  };
  outbox: { list: { entries: OutboxEntryView[] } };
  uploads: {
    start: { uploadId: string };
    append: { received: number };
    send: AttachmentRef;
    resume: AttachmentRef;
    list: { uploads: UploadState[] };
    discard: { discarded: boolean };
  };
  legacy: { login: LegacyView; me: LegacyView; upgrade: LegacyUpgradeResult; history: { rows: CarriedHistoryRow[] } };
  beijing: {
    sendCode: { codeId: string; expiresAt: string; resendAfterSeconds: number };
    register: PlatformProfile;
    login: PlatformProfile;
    profile: PlatformProfile;
    certify: PlatformProfile;
    yztLogin: PlatformProfile;
    requestUnbinding: PlatformProfile;
    yztPasswordCode: { codeId: string; mobile: string; expiresAt: string; resendAfterSeconds: number };
    yztPasswordReset: { ok: true };
    logout: { loggedOut: true };
  };
  preRegistration: {
    printForms: { pdf: string; fileName: string };
    submit: PreRegistrationView;
    status: PreRegistrationView | null;
    forget: { forgotten: boolean };
  };
  accountRequests: {
    submit: AccountRequestView;
    status: AccountRequestView | null;
    forget: { forgotten: boolean };
    list: { requests: AccountRequestSummary[] };
    get: AccountRequestView;
  };
  rememberedSignIn: {
    get: { enterprise: string; username: string } | null;
    forget: { forgotten: boolean };
  };
  filing: {
    list: { filings: z.infer<typeof filingSummarySchema>[] };
    get: FilingView;
    create: FilingView;
    saveDraft: FilingView;
    timeline: { entries: z.infer<typeof filingTimelineEntrySchema>[] };
    generate: FilingPrepared;
    sign: FilingPrepared;
    prepared: FilingPrepared | null;
    submit: FilingView;
  };
  portals: { known: { current: PortalId | null; portals: KnownPortal[] }; choose: Settings; server: PortalInfo };
  drafts: {
    load: { data: unknown; savedAt: string } | null;
    save: { savedAt: string };
    discard: { discarded: boolean };
  };
}

export type ClientEvents = {
  'tokens.changed': TokenCertificate[];
  'upload.progress': { uploadId: string; sent: number; total: number };
  /** The outbox after any of its entries changed state (the same list as `outbox.list`). */
  'outbox.changed': { entries: OutboxEntryView[] };
  /** Main's session ended by itself (a server answer in SESSION_GONE_CODES); sent once, main is signed out. */
  'session.expired': { code: string };
  'upload.state': UploadState;
};

type Methods = typeof clientMethods;
export type ClientFeature = keyof Methods;
export type ClientMethodName = { [F in ClientFeature]: `${F}.${Extract<keyof Methods[F], string>}` }[ClientFeature];

/** Methods whose input has no required field may be called without one: `api.app.info()`. */
type Call<S, R> = S extends z.ZodType
  ? Record<never, never> extends z.input<S>
    ? (input?: z.input<S>) => Promise<Result<R>>
    : (input: z.input<S>) => Promise<Result<R>>
  : never;

export type TongbanClientApi = {
  [F in ClientFeature]: {
    [M in keyof Methods[F]]: Call<Methods[F][M], ClientResults[F][M & keyof ClientResults[F]]>;
  };
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void): () => void;
};

export { buildClientApi } from './client-api-build';

/** The input schema of `feature.method`, or undefined for a name that is not part of the API. */
export function methodSchema(name: string): z.ZodType | undefined {
  const [feature, method, ...rest] = name.split('.');
  if (!feature || !method || rest.length > 0 || !Object.hasOwn(clientMethods, feature)) return undefined;
  const group = clientMethods[feature as ClientFeature] as Record<string, z.ZodType>;
  return Object.hasOwn(group, method) ? group[method] : undefined;
}

