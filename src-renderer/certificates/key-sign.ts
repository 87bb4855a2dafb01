/**
 * The rules of KeySign (the one key-and-PIN step of every flow), apart from React so they are tested alone: which
 * key is chosen, whether a PIN is asked, and what one attempt sends.
 */
import type { AppError } from '@shared/contract/result';
import { translate, type Locale, type MessageKey, type MessageVars } from '@shared/i18n/messages';
import type { TokenCertificate, UnlockContact } from '@shared/contract/token';
import { findCertificate } from '../state/tokens';
import { ineligibility, pinProblem } from './eligibility';

export type KeyPurpose = 'login' | 'registration';

/** Whose key is expected where no signature names an enterprise (CA login): the clerk last signed in, by USCC or name. */
export interface KnownEnterprise {
  uscc?: string | null;
  name?: string | null;
}

const isOf = (c: TokenCertificate, e: KnownEnterprise) => (!!e.uscc && c.uscc === e.uscc) || (!!e.name && c.enterpriseName === e.name);

/**
 * The key an attempt would use. The clerk's choice stays theirs: a chosen key that is pulled out is `removed`, never
 * silently swapped (the PIN typed for it must not go to another key). Before any choice (issue 21 item 5):
 * `preferred` when usable (the key picked earlier in the flow); else, among the usable keys of the enterprise
 * expected (`expectedUscc`, or `enterprise` for a CA login), the key last used on this PC, else the only one. With
 * no enterprise known, the last used key; and when this PC knows a key that is not plugged in, no guess at
 * another company's key — the only usable key is taken only on a PC that never used one.
 */
export function chosenKey(
  certificates: TokenCertificate[],
  opts: {
    purpose: KeyPurpose;
    expectedUscc?: string | null;
    selected: string | null;
    preferred?: string | null;
    lastUsed?: string | null;
    enterprise?: KnownEnterprise | null;
  },
): { chosen: TokenCertificate | undefined; removed: boolean } {
  if (opts.selected !== null) {
    const chosen = findCertificate(certificates, opts.selected);
    return { chosen, removed: chosen === undefined };
  }
  const usable = certificates.filter((c) => ineligibility(c, opts.purpose, opts.expectedUscc) === null);
  const preferred = usable.find((c) => c.fingerprint === opts.preferred);
  if (preferred) return { chosen: preferred, removed: false };
  const known: KnownEnterprise | null = opts.expectedUscc ? { uscc: opts.expectedUscc } : opts.enterprise?.uscc || opts.enterprise?.name ? opts.enterprise : null;
  const candidates = known ? usable.filter((c) => isOf(c, known)) : usable;
  const last = candidates.find((c) => c.fingerprint === opts.lastUsed);
  if (last) return { chosen: last, removed: false };
  if (!known && opts.lastUsed) return { chosen: undefined, removed: false };
  return { chosen: candidates.length === 1 ? candidates[0] : undefined, removed: false };
}

/** The last attempt's error says main holds the signed envelope: the retry sends it, without a PIN. */
export function alreadySigned(lastError: AppError | null): boolean {
  return lastError?.details?.signed === true;
}

/** Whether the PIN field is shown: not on a PIN pad, not when the envelope is signed already. */
export function asksPin(cert: TokenCertificate, lastError: AppError | null): boolean {
  return !cert.pin.pinPad && !alreadySigned(lastError);
}

/** What one attempt sends, or null when the PIN typed cannot be right (refused before it costs a try). */
export function attemptInput(cert: TokenCertificate, pin: string, lastError: AppError | null): { fingerprint: string; pin?: string } | null {
  if (!asksPin(cert, lastError)) return { fingerprint: cert.fingerprint };
  return pinProblem(cert, pin) ? null : { fingerprint: cert.fingerprint, pin };
}

/**
 * Whether an attempt's PIN goes back into the field: only when the driver failed after the key took the PIN (it
 * hung and was replaced, or crashed), so 重试 is one click and nothing typed is lost (issue 18). After any PIN
 * error, or a key pulled out, the PIN is typed again.
 */
export function keepsPin(error: AppError | null): boolean {
  return error?.code === 'TIMEOUT' || error?.code === 'TOKEN_DRIVER_CRASHED' || error?.code === 'TOKEN_SERVICE_UNAVAILABLE';
}

/** The words of `faults.unlock` for a CA's unlock contact: its window and phones, in the clerk's language. */
export function unlockVars(unlock: UnlockContact, locale: Locale): MessageVars {
  return { window: unlock.window[locale], phones: unlock.phones.join(translate(locale, 'list.separator')) };
}

/** Why the sign button is disabled, in words next to it; null when it is enabled. */
export function whyNotReady(s: { chosen: TokenCertificate | undefined; blocked: AppError | null; removed: boolean; none: boolean }): MessageKey | null {
  if (s.removed) return 'keys.why.removed';
  if (s.none) return 'keys.why.none';
  if (!s.chosen) return 'keys.why.choose';
  if (s.blocked) return 'keys.why.blocked';
  return null;
}
