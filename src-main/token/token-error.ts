/**
 * The token service's one error type: a stable code from the catalog in src-shared/errors/token.ts, a detail for
 * the log only (CKR name, OS error; never a PIN), and details a screen may use (tries left).
 */
import type { AppError } from '@shared/contract/result';
import { tokenErrors, type TokenErrorCode } from '@shared/errors/token';
import { SignatureFormatError } from './formats/errors';

export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    readonly code: TokenErrorCode,
    /** For the log: the CKR name or the OS error; never shown to the user, never containing the PIN. */
    readonly detail = '',
    readonly details?: AppError['details'],
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, retriable: tokenErrors[this.code].retriable };
    if (this.details) error.details = this.details;
    return error;
  }
}

/** Failures of the signature formats, as the user should hear them. */
export function fromFormatError(e: SignatureFormatError): TokenError {
  switch (e.code) {
    case 'BAD_ORIGIN':
      return new TokenError('BAD_REQUEST', e.message, { field: 'origin' });
    case 'BAD_NONCE':
      return new TokenError('BAD_REQUEST', e.message, { field: 'nonce' });
    case 'UNSUPPORTED_KEY':
    case 'KEY_MISMATCH':
      return new TokenError('UNSUPPORTED_KEY', e.message);
    case 'BAD_SIGNATURE':
      return new TokenError('SIGNATURE_INVALID', e.message);
    default:
      return new TokenError('TOKEN_ERROR', e.message);
  }
}

export function asTokenError(e: unknown): TokenError | null {
  if (e instanceof TokenError) return e;
  if (e instanceof SignatureFormatError) return fromFormatError(e);
  return null;
}
