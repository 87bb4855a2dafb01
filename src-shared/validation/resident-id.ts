/**
 * Resident identity card number (公民身份号码), GB 11643-1999.
 *
 * Layout (1-based positions): 1–6 address code (GB/T 2260 division where the number was first issued), 7–14 birth
 * date `YYYYMMDD`, 15–17 sequence code (odd for men, even for women — position 17 decides), 18 check character.
 *
 * The check character is the ISO 7064 MOD 11-2 check: Σ(aᵢ × Wᵢ) over positions 1–17 with weights
 * Wᵢ = 2^(18−i) mod 11 = 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, and Σ mod 11 = 0…10 maps to
 * `1 0 X 9 8 7 6 5 4 3 2`. It catches every single wrong digit and every swap of two adjacent different digits.
 *
 * Only the 18-character form is accepted: the 15-digit first-generation numbers stopped being valid documents in
 * 2013. Legal representatives and administrators are checked against this at registration (pre-registration is for
 * mainland legal representatives only — DESIGN.md, "Flows and states").
 */
import { chinaDate } from '../time/china';
import { normalizeCodeInput } from './normalize';

/** Stable error codes; the message catalogs key on them, so never rename one. */
export const RESIDENT_ID_ERROR_CODES = ['ID_LENGTH', 'ID_CHARSET', 'ID_BIRTH_DATE', 'ID_CHECK_DIGIT'] as const;
export type ResidentIdErrorCode = (typeof RESIDENT_ID_ERROR_CODES)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for Σ mod 11 = 0, 1, …, 10. */
const CHECK_CHARS = '10X98765432';

/** Earliest birth date accepted. GB 11643 allows earlier ones, but nobody born before 1900 is registering a company. */
const MIN_BIRTH_DATE = '1900-01-01';

export interface ParsedResidentId {
  /** The normalised 18-character number (upper-case X). */
  readonly value: string;
  /** Birth date as `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  /** Positions 1–6: where the number was first issued. Not validated against GB/T 2260 (divisions change). */
  readonly divisionCode: string;
}

export type ResidentIdParseResult =
  | ({ readonly ok: true } & ParsedResidentId)
  | { readonly ok: false; readonly code: ResidentIdErrorCode };

export interface ResidentIdOptions {
  /**
   * "Now", for the not-in-the-future rule; defaults to the current time. The comparison uses the calendar date in
   * China (UTC+8), so a baby born today in Beijing is accepted regardless of the server's time zone.
   */
  readonly today?: Date;
}

/**
 * The GB 11643 check character for the first 17 digits.
 * @throws RangeError if `first17` is not 17 ASCII digits.
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs 17 ASCII digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` if `yyyymmdd` is a real Gregorian date, else undefined. */
function birthDateOf(yyyymmdd: string): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates and splits a resident ID number. Input is trimmed, folded from full-width, and `x` upper-cased.
 * The birth date must be a real date, not before 1900-01-01 and not after today (China time).
 */
export function parseResidentId(input: string, options: ResidentIdOptions = {}): ResidentIdParseResult {
  const value = normalizeCodeInput(input);
  if (value.length !== 18) return { ok: false, code: 'ID_LENGTH' };
  if (!/^[0-9]{17}[0-9X]$/.test(value)) return { ok: false, code: 'ID_CHARSET' };

  const birthDate = birthDateOf(value.slice(6, 14));
  const today = chinaDate(options.today ?? new Date());
  // ISO dates compare correctly as strings.
  if (birthDate === undefined || birthDate < MIN_BIRTH_DATE || birthDate > today) {
    return { ok: false, code: 'ID_BIRTH_DATE' };
  }

  if (residentIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, code: 'ID_CHECK_DIGIT' };

  return {
    ok: true,
    value,
    birthDate,
    sex: Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female',
    divisionCode: value.slice(0, 6),
  };
}

/** True if `input` (after normalisation) is a valid GB 11643 resident ID number. */
export function isValidResidentId(input: string, options: ResidentIdOptions = {}): boolean {
  return parseResidentId(input, options).ok;
}
