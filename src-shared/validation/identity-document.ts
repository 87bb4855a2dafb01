/**
 * Identity documents a legal representative may show at the counter (manual 002 §六: 身份证、护照、港澳通行证、台胞证、
 * 外国人永久居留身份证), each checked as far as its published format allows. A format check proves nothing about
 * the holder: the counter clerk compares the original with the person; this catches typing mistakes.
 *
 * What we accept, and why:
 * - 居民身份证 (`residentId`): GB 11643-1999 with its check character (resident-id.ts).
 * - 护照 (`passport`) with the issuing state (ICAO Doc 9303 three-letter code, `CHN`, `USA`…):
 *   - Chinese passports (`CHN`): ordinary ones `E` + 8 digits (e-passports from 2012), `E` + a letter + 7 digits
 *     (once the `E` numbers ran out, 2017), the older `G` + 8 digits; diplomatic, service and official ones
 *     `D`/`S`/`P` + 7 digits and `DE`/`SE`/`PE` + 7 digits. The letter after `E` skips I and O, as the Ministry's
 *     numbers do, so a mistyped 1/0 is caught.
 *   - Other states: 5–17 letters or digits. Doc 9303 gives the document number 9 characters in the machine
 *     readable zone (overflowing into the optional data field), and states use anything from 5 to 17; we do not
 *     keep a table per state that would refuse a real passport the day a state changes its series.
 * - 港澳居民来往内地通行证 (`hkMacaoPermit`, the permit the manual calls 港澳通行证 for a Hong Kong or Macao legal
 *   representative): `H` (Hong Kong) or `M` (Macao) + 8 digits (the 2013 card), or + 10 digits (the older
 *   booklet, whose last two digits count the renewals).
 * - 台湾居民来往大陆通行证 (`taiwanPermit`, 台胞证): 8 digits (the 2015 card, a number for life), or the older
 *   booklet's 10 characters: digits, the last one possibly a letter, written with or without brackets
 *   (`12345678(B)` is read as `12345678B`, hence 9, and `1234567890`).
 * - 外国人永久居留身份证 (`permanentResident`): the 2017 card's 15 characters, 3 letters (nationality, ICAO code)
 *   + 12 digits (2 of the issuing office, 6 of the birth date YYMMDD, 3 of sequence, 1 check whose algorithm is
 *   not published: not checked); and the 2023 card's 18 characters, which the National Immigration
 *   Administration built on GB 11643 ("新版外国人永久居留身份证机读信息规则"): first digit `9`, the birth date in
 *   positions 7–14 and an ISO 7064 MOD 11-2 check character exactly as the resident ID's.
 */
import { z } from 'zod';
import { normalizeCodeInput } from './normalize';
import { parseResidentId, type ResidentIdErrorCode, type ResidentIdOptions } from './resident-id';

export const IDENTITY_DOCUMENT_TYPES = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'permanentResident'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** Stable error codes (besides the resident ID's `ID_*`); the message catalogs key on them, so never rename one. */
export const IDENTITY_DOCUMENT_ERROR_CODES = [
  'PASSPORT_FORMAT',
  'PASSPORT_CN_FORMAT',
  'PASSPORT_COUNTRY_FORMAT',
  'HK_MACAO_PERMIT_FORMAT',
  'TAIWAN_PERMIT_FORMAT',
  'PERMANENT_RESIDENT_FORMAT',
  'PERMANENT_RESIDENT_BIRTH_DATE',
  'PERMANENT_RESIDENT_CHECK_DIGIT',
] as const;
export type IdentityDocumentErrorCode = (typeof IDENTITY_DOCUMENT_ERROR_CODES)[number] | ResidentIdErrorCode;

export type IdentityDocumentParseResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly code: IdentityDocumentErrorCode };

const CHINESE_PASSPORT = /^(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP]E?[0-9]{7})$/;
const OTHER_PASSPORT = /^[A-Z0-9]{5,17}$/;
const HK_MACAO_PERMIT = /^[HM](?:[0-9]{8}|[0-9]{10})$/;
const TAIWAN_PERMIT = /^(?:[0-9]{8}|[0-9]{9}[0-9A-Z]|[0-9]{8}[A-Z])$/;
const PERMANENT_RESIDENT_2017 = /^[A-Z]{3}[0-9]{12}$/;
/** ICAO Doc 9303 state codes are three letters (`D` alone for Germany is padded to `D<<`, written `DEU` here). */
export const COUNTRY_CODE = /^[A-Z]{3}$/;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function permanentResident(value: string, options: ResidentIdOptions): IdentityDocumentParseResult {
  if (PERMANENT_RESIDENT_2017.test(value)) {
    const [yy, mm, dd] = [value.slice(5, 7), value.slice(7, 9), value.slice(9, 11)].map(Number) as [number, number, number];
    // YYMMDD: the century is not written; a real day in either century is all that can be asked.
    if (!realDate(2000 + yy, mm, dd) && !realDate(1900 + yy, mm, dd)) return { ok: false, code: 'PERMANENT_RESIDENT_BIRTH_DATE' };
    return { ok: true, value };
  }
  if (value.length !== 18 || !value.startsWith('9')) return { ok: false, code: 'PERMANENT_RESIDENT_FORMAT' };
  const parsed = parseResidentId(value, options);
  if (parsed.ok) return { ok: true, value: parsed.value };
  if (parsed.code === 'ID_BIRTH_DATE') return { ok: false, code: 'PERMANENT_RESIDENT_BIRTH_DATE' };
  if (parsed.code === 'ID_CHECK_DIGIT') return { ok: false, code: 'PERMANENT_RESIDENT_CHECK_DIGIT' };
  return { ok: false, code: 'PERMANENT_RESIDENT_FORMAT' };
}

/**
 * Checks a document number for its type. Input is trimmed, folded from full-width and upper-cased; spaces inside
 * (people copy numbers in groups) and the old 台胞证's brackets are dropped. `country` is the passport's issuing
 * state (three letters); other types ignore it.
 */
export function parseIdentityDocument(type: IdentityDocumentType, input: string, options: ResidentIdOptions & { country?: string } = {}): IdentityDocumentParseResult {
  if (type === 'residentId') {
    const parsed = parseResidentId(input, options);
    return parsed.ok ? { ok: true, value: parsed.value } : parsed;
  }
  const value = normalizeCodeInput(input).replace(/[\s()（）]/g, '');
  switch (type) {
    case 'passport': {
      const country = normalizeCodeInput(options.country ?? '');
      if (!COUNTRY_CODE.test(country)) return { ok: false, code: 'PASSPORT_COUNTRY_FORMAT' };
      if (country === 'CHN') return CHINESE_PASSPORT.test(value) ? { ok: true, value } : { ok: false, code: 'PASSPORT_CN_FORMAT' };
      return OTHER_PASSPORT.test(value) ? { ok: true, value } : { ok: false, code: 'PASSPORT_FORMAT' };
    }
    case 'hkMacaoPermit':
      return HK_MACAO_PERMIT.test(value) ? { ok: true, value } : { ok: false, code: 'HK_MACAO_PERMIT_FORMAT' };
    case 'taiwanPermit':
      return TAIWAN_PERMIT.test(value) ? { ok: true, value } : { ok: false, code: 'TAIWAN_PERMIT_FORMAT' };
    case 'permanentResident':
      return permanentResident(value, options);
  }
}

/**
 * An identity document as the contract carries it: type, number, and for a passport the issuing state. The number
 * is normalised in place; a bad number is one issue at `number` (a passport without a valid state: at `country`)
 * with the code above, so forms and the server show the same text beside the same field.
 */
export function makeIdentityDocumentSchema(options: { readonly now?: () => Date } = {}) {
  const opts = () => (options.now ? { today: options.now() } : {});
  return z
    .object({
      type: z.enum(IDENTITY_DOCUMENT_TYPES),
      number: z.string().trim().min(1).max(32),
      /** Issuing state of a passport, ICAO three-letter code; absent for the other types. */
      country: z.string().trim().max(3).optional(),
    })
    .overwrite((doc) => {
      const parsed = parseIdentityDocument(doc.type, doc.number, { ...opts(), ...(doc.country === undefined ? {} : { country: doc.country }) });
      const out = { ...doc, number: parsed.ok ? parsed.value : doc.number };
      // A state left over from switching the type away from passport is not part of the document.
      if (doc.type === 'passport' && doc.country !== undefined) out.country = normalizeCodeInput(doc.country);
      else delete out.country;
      return out;
    })
    .superRefine((doc, ctx) => {
      const parsed = parseIdentityDocument(doc.type, doc.number, { ...opts(), ...(doc.country === undefined ? {} : { country: doc.country }) });
      if (parsed.ok) return;
      const path = parsed.code === 'PASSPORT_COUNTRY_FORMAT' ? 'country' : 'number';
      ctx.addIssue({ code: 'custom', path: [path], message: parsed.code, params: { code: parsed.code }, input: path === 'country' ? doc.country : doc.number });
    })
    .meta({ description: 'Identity document: type, number, and for a passport the issuing state (ICAO three-letter code)' });
}

export const identityDocumentSchema = makeIdentityDocumentSchema();
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;
