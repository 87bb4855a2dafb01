/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015 "法人和其他组织统一社会信用代码编码规则".
 *
 * Layout (1-based positions, as in the standard):
 *
 * | pos   | part                                   | rule here                                         |
 * | ----- | -------------------------------------- | ------------------------------------------------- |
 * | 1     | registration authority (登记管理部门码) | one of the codes in {@link USCC_AUTHORITIES}      |
 * | 2     | category (机构类别码)                    | one of the categories listed for that authority  |
 * | 3–8   | division of the registering authority  | six digits (GB/T 2260 administrative division)    |
 * | 9–17  | subject code = GB 11714 organisation code (8 body characters + its own check character) |  |
 * | 18    | check character                        | GB/T 17710 style MOD 31 over positions 1–17       |
 *
 * The character set is the 31 characters `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, S, V, Z — easily confused
 * with 1, 0, 5, U, 2), valued 0–30 in that order. The weights are 3^(i−1) mod 31, i.e.
 * 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, and the check value is 31 − (Σ mod 31), with 31
 * written as 0. Because 31 is prime and every weight is distinct and non-zero mod 31, any single substituted
 * character and any transposition of two different characters within positions 1–17 changes the checksum.
 *
 * We check more than the checksum because the USCC is what ties a CA certificate to an enterprise: the server
 * accepts a certificate's USCC only if it passes GB 32100 (see DESIGN.md, "Validation rules"), and a clerk who types
 * one should learn about a slip at the keyboard, not from a registry lookup.
 */
import { normalizeCodeInput } from './normalize';

/** The GB 32100 code alphabet; a character's index is its value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 weights for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 weights for the 8 body characters of an organisation code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Stable error codes; the message catalogs key on them, so never rename one. */
export const USCC_ERROR_CODES = [
  'USCC_LENGTH',
  'USCC_CHARSET',
  'USCC_AUTHORITY',
  'USCC_CATEGORY',
  'USCC_DIVISION',
  'USCC_ORG_CODE_CHECK',
  'USCC_CHECK_DIGIT',
] as const;
export type UsccErrorCode = (typeof USCC_ERROR_CODES)[number];

/** A code from one of the GB 32100 tables together with the standard's name for it. */
export interface UsccCodeName {
  readonly code: string;
  /** The name as printed in GB 32100 (and its amendments). */
  readonly nameZh: string;
  readonly nameEn: string;
}

interface AuthorityEntry {
  readonly nameZh: string;
  readonly nameEn: string;
  readonly categories: Readonly<Record<string, readonly [nameZh: string, nameEn: string]>>;
}

/**
 * Registration authorities (position 1) and the categories each may assign (position 2), per the code table of
 * GB 32100-2015 as amended (A: 中央军委改革和编制办公室 and N: 农业 were added after the 2015 edition).
 *
 * This is the table as widely reproduced from the standard and its amendments; it was not checked against the
 * amendment texts themselves. If a genuine code is ever rejected with `USCC_CATEGORY` or `USCC_AUTHORITY` (a newer
 * amendment adding a category), extend this table and its test rather than dropping the check.
 */
export const USCC_AUTHORITIES: Readonly<Record<string, AuthorityEntry>> = {
  '1': {
    nameZh: '机构编制',
    nameEn: 'Institutional staffing (public sector)',
    categories: {
      '1': ['机关', 'Government organ'],
      '2': ['事业单位', 'Public institution'],
      '3': ['中央编办直接管理机构编制的群众团体', 'Mass organisation staffed directly by the central staffing office'],
      '9': ['其他', 'Other'],
    },
  },
  '2': {
    nameZh: '外交',
    nameEn: 'Foreign affairs',
    categories: { '1': ['外国常驻新闻机构', 'Resident foreign news agency'], '9': ['其他', 'Other'] },
  },
  '3': {
    nameZh: '司法行政',
    nameEn: 'Judicial administration',
    categories: {
      '1': ['律师执业机构', 'Law firm'],
      '2': ['公证处', 'Notary office'],
      '3': ['基层法律服务所', 'Grassroots legal service office'],
      '4': ['司法鉴定机构', 'Forensic appraisal institution'],
      '5': ['仲裁委员会', 'Arbitration commission'],
      '9': ['其他', 'Other'],
    },
  },
  '4': {
    nameZh: '文化',
    nameEn: 'Culture',
    categories: { '1': ['外国在华文化中心', 'Foreign cultural centre in China'], '9': ['其他', 'Other'] },
  },
  '5': {
    nameZh: '民政',
    nameEn: 'Civil affairs',
    categories: {
      '1': ['社会团体', 'Social organisation'],
      '2': ['民办非企业单位', 'Private non-enterprise unit'],
      '3': ['基金会', 'Foundation'],
      '9': ['其他', 'Other'],
    },
  },
  '6': {
    nameZh: '旅游',
    nameEn: 'Tourism',
    categories: {
      '1': ['外国旅游部门常驻代表机构', 'Representative office of a foreign tourism authority'],
      '2': ['港澳台地区旅游部门常驻内地（大陆）代表机构', 'Representative office of a Hong Kong, Macao or Taiwan tourism authority'],
      '9': ['其他', 'Other'],
    },
  },
  '7': {
    nameZh: '宗教',
    nameEn: 'Religious affairs',
    categories: {
      '1': ['宗教活动场所', 'Place of religious activity'],
      '2': ['宗教院校', 'Religious school'],
      '9': ['其他', 'Other'],
    },
  },
  '8': {
    nameZh: '工会',
    nameEn: 'Trade unions',
    categories: { '1': ['基层工会', 'Grassroots trade union'], '9': ['其他', 'Other'] },
  },
  '9': {
    // The standard says 工商; that registration is now done by the market regulator (市场监管), the code is unchanged.
    nameZh: '工商',
    nameEn: 'Market regulation (industry and commerce)',
    categories: {
      '1': ['企业', 'Enterprise'],
      '2': ['个体工商户', 'Individual business'],
      '3': ['农民专业合作社', "Farmers' specialised cooperative"],
    },
  },
  A: {
    nameZh: '中央军委改革和编制办公室',
    nameEn: 'Central Military Commission reform and staffing office',
    categories: { '1': ['军队事业单位', 'Military public institution'], '9': ['其他', 'Other'] },
  },
  N: {
    nameZh: '农业',
    nameEn: 'Agriculture',
    categories: {
      '1': ['组级集体经济组织', 'Group-level collective economic organisation'],
      '2': ['村级集体经济组织', 'Village-level collective economic organisation'],
      '3': ['乡镇级集体经济组织', 'Township-level collective economic organisation'],
      '9': ['其他', 'Other'],
    },
  },
  Y: {
    // "Other" authorities do not subdivide; the standard fixes the category to 1.
    nameZh: '其他',
    nameEn: 'Other',
    categories: { '1': ['其他', 'Other'] },
  },
};

/** A USCC that passed every GB 32100 check, split into its parts. */
export interface ParsedUscc {
  /** The normalised 18-character code. */
  readonly value: string;
  readonly registrationAuthority: UsccCodeName;
  readonly category: UsccCodeName;
  /** Positions 3–8: administrative division (GB/T 2260) of the registering authority. */
  readonly divisionCode: string;
  /** Positions 9–17: the GB 11714 organisation code, without hyphen. */
  readonly organizationCode: string;
}

export type UsccParseResult = ({ readonly ok: true } & ParsedUscc) | { readonly ok: false; readonly code: UsccErrorCode };

function usccValue(char: string): number {
  return USCC_ALPHABET.indexOf(char);
}

/**
 * The GB 32100 check character for the first 17 characters of a USCC (expected already normalised).
 * @throws RangeError if `first17` is not 17 characters from {@link USCC_ALPHABET}.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccValue(first17.charAt(i));
    if (value < 0) throw new RangeError(`usccCheckChar: character ${i + 1} is not in the GB 32100 alphabet`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 value of an organisation-code body character: digits 0–9, letters A=10 … Z=35 (−1 if invalid). */
function orgCodeValue(char: string): number {
  if (char.length !== 1) return -1;
  const unit = char.charCodeAt(0);
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit >= 0x41 && unit <= 0x5a) return unit - 0x41 + 10;
  return -1;
}

/**
 * The GB 11714 check character for the 8 body characters of an organisation code (组织机构代码):
 * C = 11 − (Σ mod 11) with weights 3, 7, 9, 10, 5, 8, 4, 2; C = 10 is written X and C = 11 is written 0.
 * @throws RangeError if `first8` is not 8 characters from 0–9 / A–Z.
 */
export function organizationCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new RangeError(`organizationCodeCheckChar needs 8 characters, got ${first8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCodeValue(first8.charAt(i));
    if (value < 0) throw new RangeError(`organizationCodeCheckChar: character ${i + 1} is not 0-9 or A-Z`);
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * True for a valid GB 11714 organisation code: 8 body characters (0–9, A–Z) and the check character, written
 * `XXXXXXXXC` or, as printed on the old 组织机构代码证, `XXXXXXXX-C`. Full-width and lower-case input is accepted.
 * Certificates issued before the USCC sometimes carry only this code (GM/T 0015-2012 extension 1.2.156.10260.4.1.4).
 */
export function isValidOrganizationCode(code9: string): boolean {
  const normalized = normalizeCodeInput(code9);
  const match = /^([0-9A-Z]{8})-?([0-9X])$/.exec(normalized);
  if (!match) return false;
  const [, body = '', check = ''] = match;
  return organizationCodeCheckChar(body) === check;
}

function codeName(code: string, nameZh: string, nameEn: string): UsccCodeName {
  return { code, nameZh, nameEn };
}

/**
 * Validates and splits a USCC. Input is trimmed, folded from full-width and upper-cased first.
 *
 * Checks run from structure to arithmetic: length, alphabet, authority, category, division, then the GB 32100
 * check character, then the embedded GB 11714 check. The outer check character comes before the organisation-code
 * check on purpose: every single mistyped character fails it, so a slip at the keyboard always reports
 * `USCC_CHECK_DIGIT` ("please re-check the code"), while `USCC_ORG_CODE_CHECK` is left for codes that are
 * self-consistent yet contain an impossible organisation code, i.e. made up or corrupted ones.
 */
export function parseUscc(input: string): UsccParseResult {
  const value = normalizeCodeInput(input);
  if (value.length !== 18) return { ok: false, code: 'USCC_LENGTH' };
  for (const char of value) {
    if (usccValue(char) < 0) return { ok: false, code: 'USCC_CHARSET' };
  }

  const authorityCode = value.charAt(0);
  const authority = Object.hasOwn(USCC_AUTHORITIES, authorityCode) ? USCC_AUTHORITIES[authorityCode] : undefined;
  if (!authority) return { ok: false, code: 'USCC_AUTHORITY' };

  const categoryCode = value.charAt(1);
  const category = Object.hasOwn(authority.categories, categoryCode) ? authority.categories[categoryCode] : undefined;
  if (!category) return { ok: false, code: 'USCC_CATEGORY' };

  const divisionCode = value.slice(2, 8);
  if (!/^[0-9]{6}$/.test(divisionCode)) return { ok: false, code: 'USCC_DIVISION' };

  if (usccCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, code: 'USCC_CHECK_DIGIT' };

  const organizationCode = value.slice(8, 17);
  if (organizationCodeCheckChar(organizationCode.slice(0, 8)) !== organizationCode.charAt(8)) {
    return { ok: false, code: 'USCC_ORG_CODE_CHECK' };
  }

  return {
    ok: true,
    value,
    registrationAuthority: codeName(authorityCode, authority.nameZh, authority.nameEn),
    category: codeName(categoryCode, category[0], category[1]),
    divisionCode,
    organizationCode,
  };
}

/** True if `input` (after normalisation) is a valid GB 32100 USCC. */
export function isValidUscc(input: string): boolean {
  return parseUscc(input).ok;
}
