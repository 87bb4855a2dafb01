/**
 * Mainland China mobile numbers.
 *
 * A mobile number is 11 digits: `1`, a second digit 3–9 (the ranges allocated to mobile networks), and 9 more
 * digits. People write them as `138 1234 5678`, `138-1234-5678`, `+86 13812345678`, `0086…` or paste them
 * full-width; all of that is accepted and normalised to the bare 11 digits, the form we store and send SMS to.
 *
 * A number that passes here is only well-formed. Ownership is proved by an SMS code sent to it, never by the
 * pattern: registration, password recovery and the administrator's confirmation all go through that step.
 *
 * Mobile numbers are personal data: logs and screens show {@link maskMobile} output, never the full number.
 */
import { toHalfWidth } from './normalize';

/** Stable error codes; the message catalogs key on them, so never rename one. */
export const MOBILE_ERROR_CODES = ['MOBILE_FORMAT'] as const;
export type MobileErrorCode = (typeof MOBILE_ERROR_CODES)[number];

export type MobileParseResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly code: MobileErrorCode };

/** Optional country prefix (+86, 0086 or 86), then the 11-digit number. */
const MOBILE_PATTERN = /^(?:\+86|0086|86)?(1[3-9][0-9]{9})$/;

/** Parses a mainland mobile number, ignoring whitespace and hyphens; returns the normalised 11 digits. */
export function parseMobile(input: string): MobileParseResult {
  const compact = toHalfWidth(input).replace(/[\s-]/g, '');
  const match = MOBILE_PATTERN.exec(compact);
  const value = match?.[1];
  return value === undefined ? { ok: false, code: 'MOBILE_FORMAT' } : { ok: true, value };
}

/** True if `input` is a well-formed mainland mobile number (see {@link parseMobile}). */
export function isValidMobile(input: string): boolean {
  return parseMobile(input).ok;
}

/**
 * `13812345678` → `138****5678` (the usual Chinese masking: network prefix and last four kept). Accepts any input
 * form {@link parseMobile} does. Input that is not a valid mobile number gets every digit masked, so passing
 * something unexpected can still never leak a number into a log.
 */
export function maskMobile(input: string): string {
  const parsed = parseMobile(input);
  if (!parsed.ok) return input.replace(/[0-9\uff10-\uff19]/g, '*');
  return `${parsed.value.slice(0, 3)}****${parsed.value.slice(7)}`;
}
