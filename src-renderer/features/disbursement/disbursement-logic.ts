/**
 * The disbursement screens' rules, apart from React so they are tested alone: what the server's `missing` list
 * means for the clerk, which steps are open in which state, the bank account and contact forms' checks (the
 * contract's own schemas, so the form and the server report the very same codes), where a refused save belongs, and
 * the phone link's countdown and polling.
 */
import {
  bankAccountInputSchema,
  financeContactInputSchema,
  type BankAccountInput,
  type FinanceContactInput,
  type DisbursementStatus,
  type DisbursementView,
} from '@shared/contract/http/disbursement';
import type { AppError } from '@shared/contract/result';
import { byPath, checkForm, firstPerPath } from '@shared/forms';
import type { FieldIssue } from '@shared/validation/issues';

// ── What is missing ─────────────────────────────────────────────────────────────────────────────────────────

export type MissingItem =
  | { kind: 'employmentCertificate'; index: number; name: string }
  | { kind: 'bankAccount' }
  | { kind: 'contact' }
  | { kind: 'other'; what: string };

/** The server's `missing` entries (`employmentCertificate:<index>`, `bankAccount`, `contact`) as the clerk reads them. */
export function missingItems(view: Pick<DisbursementView, 'missing' | 'talents'>): MissingItem[] {
  return view.missing.map((entry): MissingItem => {
    const cert = /^employmentCertificate:(\d+)$/.exec(entry);
    if (cert) {
      const index = Number(cert[1]);
      const talent = view.talents.find((t) => t.index === index);
      return { kind: 'employmentCertificate', index, name: talent?.name ?? String(index + 1) };
    }
    if (entry === 'bankAccount' || entry === 'contact') return { kind: entry };
    return { kind: 'other', what: entry };
  });
}

// ── Which steps are open ───────────────────────────────────────────────────────────────────────────────────

/** The states in which the enterprise works on the disbursement (before a receipt is submitted, or after a return). */
const OPEN: ReadonlySet<string> = new Set<DisbursementStatus>(['disbursement_pending', 'receipt_returned']);

export interface Stage {
  /** Certificates, bank account and contact may be changed. */
  editable: boolean;
  /** The receipt PDF can be generated (nothing missing). */
  receiptReady: boolean;
  /** The stamped receipt may be uploaded and submitted now. */
  canSubmitReceipt: boolean;
  /** What to say at the top: returned (with the reason), waiting for finance, paid. */
  banner: 'returned' | 'submitted' | 'paid' | null;
}

export function stageOf(view: Pick<DisbursementView, 'status' | 'missing'>): Stage {
  const editable = OPEN.has(view.status);
  const receiptReady = view.missing.length === 0;
  return {
    editable,
    receiptReady,
    canSubmitReceipt: editable && receiptReady,
    banner: view.status === 'receipt_returned' ? 'returned' : view.status === 'receipt_submitted' ? 'submitted' : view.status === 'paid' ? 'paid' : null,
  };
}

// ── The bank account and contact forms ──────────────────────────────────────────────────────────────────────

/** The contract's inputs with every field present (a form always has its text boxes, if empty). */
export type BankAccountForm = Required<BankAccountInput>;
export type ContactForm = Required<FinanceContactInput>;

/** Field → its issue (`REQUIRED`, `BANK_ACCOUNT_NUMBER_INVALID`, `MOBILE_FORMAT`…), rendered with `issueText`. */
export type FieldErrors<F> = Partial<Record<keyof F & string, FieldIssue>>;

export const emptyBankAccount = (enterpriseName: string): BankAccountForm => ({ bankName: '', accountName: enterpriseName, accountNumber: '', branchName: '', cnapsCode: '' });
export const emptyContact = (): ContactForm => ({ name: '', mobile: '', phone: '', email: '' });

const byField = <F>(issues: readonly FieldIssue[]) => byPath(issues) as FieldErrors<F>;

/**
 * The bank account as the contract takes it, or the fields' issues. The account name must be the enterprise's name
 * (the server refuses anything else with BANK_ACCOUNT_NAME_MISMATCH; said here before sending).
 */
export function checkBankAccount(form: BankAccountForm, enterpriseName: string): { ok: true; value: BankAccountForm } | { ok: false; errors: FieldErrors<BankAccountForm> } {
  const checked = checkForm(bankAccountInputSchema, form);
  const mismatch: FieldIssue[] =
    form.accountName.trim() && enterpriseName && form.accountName.trim() !== enterpriseName.trim() ? [{ path: 'accountName', code: 'BANK_ACCOUNT_NAME_MISMATCH', params: { name: enterpriseName } }] : [];
  const issues = firstPerPath(checked.issues, mismatch);
  return checked.ok && issues.length === 0 ? { ok: true, value: checked.value } : { ok: false, errors: byField<BankAccountForm>(issues) };
}

export function checkContact(form: ContactForm): { ok: true; value: ContactForm } | { ok: false; errors: FieldErrors<ContactForm> } {
  const checked = checkForm(financeContactInputSchema, form);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, errors: byField<ContactForm>(checked.issues) };
}

/**
 * Where a refused save belongs: the field and its issue (the server's field issues, main's INPUT_INVALID, or
 * BANK_ACCOUNT_NAME_MISMATCH), or null for an error the form shows as a whole.
 */
export function fieldOfError(error: AppError, fields: readonly string[]): { field: string; issue: FieldIssue } | null {
  if (error.code === 'BANK_ACCOUNT_NAME_MISMATCH' && fields.includes('accountName')) return { field: 'accountName', issue: { path: 'accountName', code: error.code } };
  // The server's paths start with `body.`, main's with the call's own nesting (`account.accountNumber`).
  for (const issue of error.issues ?? []) {
    const field = issue.path.split(/[.[\]]/).find((part) => fields.includes(part));
    if (field) return { field, issue: { ...issue, path: field } };
  }
  return null;
}

/** `6222021234567890` → `6222 0212 3456 7890`: easier to check against a bank card. */
export function groupDigits(accountNumber: string): string {
  return accountNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}

// ── The phone link ─────────────────────────────────────────────────────────────────────────────────────────

/** Whole seconds until `expiresAt` (never negative). */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

/** `mm:ss` for the countdown. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export type LinkState = 'waiting' | 'uploaded' | 'expired' | 'superseded';

export interface LinkPollerOptions<S extends { state: LinkState }> {
  /** One status request. */
  fetch(): Promise<{ ok: true; value: S } | { ok: false; error: AppError }>;
  onStatus(status: S): void;
  onError?(error: AppError): void;
  intervalMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

/**
 * Polls the link's status every `intervalMs` (one request at a time) until it is no longer `waiting`, or until
 * `stop()` (the dialog closed, the screen left). A status that arrives after `stop()` is dropped.
 */
export function pollReceiptLink<S extends { state: LinkState }>(opts: LinkPollerOptions<S>): { stop(): void } {
  const timers = opts.timers ?? { set: (fn: () => void, ms: number) => setTimeout(fn, ms), clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  const interval = opts.intervalMs ?? 2000;
  let stopped = false;
  let handle: unknown = null;
  const tick = async () => {
    handle = null;
    const r = await opts.fetch();
    if (stopped) return;
    if (r.ok) {
      opts.onStatus(r.value);
      if (r.value.state !== 'waiting') return;
    } else {
      opts.onError?.(r.error);
      // A refused link (not found, forbidden) will not heal; a dropped network may.
      if (!r.error.retriable) return;
    }
    handle = timers.set(() => void tick(), interval);
  };
  handle = timers.set(() => void tick(), interval);
  return {
    stop() {
      stopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}
