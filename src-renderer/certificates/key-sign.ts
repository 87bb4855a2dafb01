/**
 * The rules of KeySign (the one key-and-PIN step of every flow), apart from React so they are tested alone: which
 * key is chosen, whether a PIN is asked, and what one attempt sends.
 */
import type { AppError } from '@shared/contract/result';
import type { TokenCertificate } from '@shared/contract/token';
import { findCertificate } from '../state/tokens';
import { ineligibility, pinProblem } from './eligibility';

export type KeyPurpose = 'login' | 'registration';

/**
 * The key an attempt would use. The clerk's choice stays theirs: a chosen key that is pulled out is `removed`, never
 * silently swapped (the PIN typed for it must not go to another key). Before any choice: `preferred` when usable
 * (the key picked earlier in the flow), else the only usable key, else none.
 */
export function chosenKey(
  certificates: TokenCertificate[],
  opts: { purpose: KeyPurpose; expectedUscc?: string | null; selected: string | null; preferred?: string | null },
): { chosen: TokenCertificate | undefined; removed: boolean } {
  if (opts.selected !== null) {
    const chosen = findCertificate(certificates, opts.selected);
    return { chosen, removed: chosen === undefined };
  }
  const usable = certificates.filter((c) => ineligibility(c, opts.purpose, opts.expectedUscc) === null);
  const preferred = usable.find((c) => c.fingerprint === opts.preferred);
  return { chosen: preferred ?? (usable.length === 1 ? usable[0] : undefined), removed: false };
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
