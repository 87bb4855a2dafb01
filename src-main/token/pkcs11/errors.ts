/**
 * Turning PKCS#11 failures (CKR_… return values) into Tongban's stable token errors. The CKR name goes to the log (and the diagnostic
 * report) only; users see the code's message and hint from the catalog.
 */
import type { TokenErrorCode } from '@shared/errors/token';

/** CKR return values we classify, by number (PKCS#11 v2.40 §11.1 / pkcs11t.h). */
export const CKR = {
  CANCEL: 0x01,
  GENERAL_ERROR: 0x05,
  FUNCTION_FAILED: 0x06,
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  FUNCTION_CANCELED: 0x50,
  KEY_TYPE_INCONSISTENT: 0x63,
  MECHANISM_INVALID: 0x70,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  SLOT_ID_INVALID: 0x03,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_ALREADY_LOGGED_IN: 0x100,
  CRYPTOKI_ALREADY_INITIALIZED: 0x191,
} as const;

const CKR_NAMES = new Map<number, string>(Object.entries(CKR).map(([name, value]) => [value, `CKR_${name}`]));

export function ckrOf(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
}

export function ckrName(error: unknown): string {
  const code = ckrOf(error);
  if (code === null) return (error as Error)?.message ?? String(error);
  return CKR_NAMES.get(code) ?? `CKR_0x${code.toString(16).padStart(8, '0')}`;
}

/** What a CKR means for the user, where the code alone is enough to tell. */
export function classifyCkr(error: unknown): TokenErrorCode | null {
  switch (ckrOf(error)) {
    case CKR.PIN_INCORRECT:
      return 'PIN_INCORRECT';
    case CKR.PIN_LOCKED:
      return 'PIN_LOCKED';
    case CKR.PIN_INVALID:
    case CKR.PIN_LEN_RANGE:
      return 'PIN_FORMAT';
    case CKR.DEVICE_REMOVED:
    case CKR.TOKEN_NOT_PRESENT:
    case CKR.SLOT_ID_INVALID:
    case CKR.SESSION_CLOSED:
    case CKR.SESSION_HANDLE_INVALID:
      return 'TOKEN_REMOVED';
    case CKR.FUNCTION_CANCELED:
    case CKR.CANCEL:
      return 'USER_CANCELLED';
    case CKR.KEY_TYPE_INCONSISTENT:
    case CKR.MECHANISM_INVALID:
      return 'UNSUPPORTED_KEY';
    default:
      return null;
  }
}
