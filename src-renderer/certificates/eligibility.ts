import type { AppError } from '@shared/contract/result';
import type { TokenCertificate } from '@shared/contract/token';

/**
 * Why a certificate cannot be used for `purpose`, as the same error the token service would return, or null.
 * Screens disable such a certificate and show the code's message and hint before the clerk types a PIN. With
 * `expectedUscc`, a key of another enterprise is refused too (the server would refuse its signature).
 */
export function ineligibility(cert: TokenCertificate, purpose: 'login' | 'registration', expectedUscc?: string | null): AppError | null {
  if (cert.validity === 'expired') return { code: 'CERT_EXPIRED', retriable: false };
  if (cert.validity === 'not-yet-valid') return { code: 'CERT_NOT_YET_VALID', retriable: false };
  if (purpose === 'registration' && cert.uscc === null) return { code: 'NO_USCC', retriable: false };
  if (expectedUscc && cert.uscc !== null && cert.uscc !== expectedUscc) return { code: 'CERT_OTHER_ENTERPRISE', retriable: false };
  if (cert.pin.locked) return { code: 'PIN_LOCKED', retriable: false };
  return null;
}

/** `2027-05-01` from an ISO instant: the date is all a clerk needs of a validity. */
export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** PIN rules for a certificate: none to type on a PIN pad; else the token's length limits. */
export function pinProblem(cert: TokenCertificate, pin: string): 'required' | 'length' | null {
  if (cert.pin.pinPad) return null;
  if (pin.length === 0) return 'required';
  const min = cert.pin.minLength > 0 ? cert.pin.minLength : 1;
  const max = cert.pin.maxLength > 0 ? cert.pin.maxLength : 64;
  return pin.length < min || pin.length > max ? 'length' : null;
}
