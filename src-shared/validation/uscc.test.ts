import { describe, expect, it } from 'vitest';

import {
  isValidOrganizationCode,
  isValidUscc,
  organizationCodeCheckChar,
  parseUscc,
  USCC_ALPHABET,
  USCC_AUTHORITIES,
  usccCheckChar,
  type UsccErrorCode,
} from './uscc';

/** The USCCs in our test certificates (native/softhsm PKIs). */
const TEST_CERTIFICATE_USCCS = [
  '91320594MA1MXK3R3C',
  '913205940892347182',
  '91320500MA27QF5NXE',
  '91320594559218772M',
  '91320594MA1P0LW291',
  '91320594608114356L',
  '92320594MA7HK5T102',
];

/** Real companies' codes as printed on their business licences (both check characters verified by hand too). */
const PUBLIC_USCCS = [
  '91110000802100433B', // 北京百度网讯科技有限公司
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司 — organisation-code check character X
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110000710926094P', // 中国石油化工股份有限公司
];

const VALID = [...TEST_CERTIFICATE_USCCS, ...PUBLIC_USCCS];

/** Builds a code with correct organisation-code and USCC check characters from its first 16 characters. */
function complete(first16: string): string {
  const first17 = first16 + organizationCodeCheckChar(first16.slice(8, 16));
  return first17 + usccCheckChar(first17);
}

function codeOf(input: string): UsccErrorCode | 'ok' {
  const result = parseUscc(input);
  return result.ok ? 'ok' : result.code;
}

describe('parseUscc: valid codes', () => {
  it.each(VALID)('accepts %s', (code) => {
    const result = parseUscc(code);
    expect(result).toMatchObject({ ok: true, value: code });
    expect(isValidUscc(code)).toBe(true);
  });

  it('splits the code into its GB 32100 parts', () => {
    expect(parseUscc('91320594MA1MXK3R3C')).toEqual({
      ok: true,
      value: '91320594MA1MXK3R3C',
      registrationAuthority: { code: '9', nameZh: '工商', nameEn: 'Market regulation (industry and commerce)' },
      category: { code: '1', nameZh: '企业', nameEn: 'Enterprise' },
      divisionCode: '320594',
      organizationCode: 'MA1MXK3R3',
    });
    const individual = parseUscc('92320594MA7HK5T102');
    expect(individual.ok && individual.category.nameZh).toBe('个体工商户');
  });

  it('normalises whitespace, case and full-width input', () => {
    expect(parseUscc('  91320594ma1mxk3r3c\n')).toMatchObject({ ok: true, value: '91320594MA1MXK3R3C' });
    expect(parseUscc('９１３２０５９４ＭＡ１ＭＸＫ３Ｒ３Ｃ')).toMatchObject({ ok: true, value: '91320594MA1MXK3R3C' });
    expect(parseUscc('\u300091320594ｍａ1MXK3R3C\u3000')).toMatchObject({ ok: true, value: '91320594MA1MXK3R3C' });
  });

  it('accepts every authority/category pair of the table, and only those', () => {
    for (const authority of USCC_ALPHABET) {
      for (const category of USCC_ALPHABET) {
        const code = complete(`${authority}${category}320594MA1MXK3R`);
        const listed = USCC_AUTHORITIES[authority]?.categories[category] !== undefined;
        const expected = listed ? 'ok' : USCC_AUTHORITIES[authority] ? 'USCC_CATEGORY' : 'USCC_AUTHORITY';
        expect(codeOf(code), code).toBe(expected);
      }
    }
  });

  it('knows the common authority/category pairs', () => {
    const pairs = ['11', '12', '13', '19', '51', '52', '53', '59', '91', '92', '93', 'Y1', 'A1', 'N2', '31', '81'];
    for (const pair of pairs) expect(codeOf(complete(`${pair}110000MA1MXK3R`)), pair).toBe('ok');
    for (const pair of ['94', '99', 'Y2', '10', '25', 'B1']) {
      expect(codeOf(complete(`${pair}110000MA1MXK3R`)), pair).not.toBe('ok');
    }
  });
});

describe('parseUscc: each error code', () => {
  it('USCC_LENGTH', () => {
    expect(codeOf('')).toBe('USCC_LENGTH');
    expect(codeOf('91320594MA1MXK3R3')).toBe('USCC_LENGTH');
    expect(codeOf('91320594MA1MXK3R3CC')).toBe('USCC_LENGTH');
    expect(codeOf('9132 0594 MA1M XK3R 3C')).toBe('USCC_LENGTH');
    // The old 15-digit business registration number (注册号) is not a USCC.
    expect(codeOf('320594000123456')).toBe('USCC_LENGTH');
  });

  it('USCC_CHARSET', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      expect(codeOf(`91320594MA1MXK3R3${letter}`), letter).toBe('USCC_CHARSET');
    }
    expect(codeOf('91320594MA1MXK3R-C')).toBe('USCC_CHARSET');
    expect(codeOf('91320594MA1MXK3R3①')).toBe('USCC_CHARSET');
    expect(codeOf('91320594MA1MXK3R3ſ')).toBe('USCC_CHARSET');
  });

  it('USCC_AUTHORITY', () => {
    expect(codeOf(complete('B1320594MA1MXK3R'))).toBe('USCC_AUTHORITY');
    expect(codeOf(complete('01320594MA1MXK3R'))).toBe('USCC_AUTHORITY');
  });

  it('USCC_CATEGORY', () => {
    expect(codeOf(complete('94320594MA1MXK3R'))).toBe('USCC_CATEGORY');
    expect(codeOf(complete('Y9320594MA1MXK3R'))).toBe('USCC_CATEGORY');
  });

  it('USCC_DIVISION', () => {
    expect(codeOf(complete('9132059AMA1MXK3R'))).toBe('USCC_DIVISION');
    expect(codeOf(complete('91X20594MA1MXK3R'))).toBe('USCC_DIVISION');
  });

  it('USCC_ORG_CODE_CHECK: outer check right, embedded organisation code wrong', () => {
    const first17 = '91320594MA1MXK3R4'; // correct organisation check character is 3
    const code = first17 + usccCheckChar(first17);
    expect(codeOf(code)).toBe('USCC_ORG_CODE_CHECK');
  });

  it('USCC_CHECK_DIGIT', () => {
    expect(codeOf('91320594MA1MXK3R3D')).toBe('USCC_CHECK_DIGIT');
    expect(codeOf('913205940892347181')).toBe('USCC_CHECK_DIGIT');
  });
});

describe('parseUscc: error detection', () => {
  it.each(VALID)('rejects every single-character substitution of %s', (code) => {
    const candidates = `${USCC_ALPHABET}IOSVZ-`;
    for (let position = 0; position < code.length; position++) {
      for (const replacement of candidates) {
        if (replacement === code.charAt(position)) continue;
        const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidUscc(mutated), `${mutated} (position ${position + 1})`).toBe(false);
      }
    }
  });

  it.each(VALID)('rejects every transposition of two different characters of %s except positions 1 and 18', (code) => {
    for (let i = 0; i < code.length; i++) {
      for (let j = i + 1; j < code.length; j++) {
        const a = code.charAt(i);
        const b = code.charAt(j);
        if (a === b) continue;
        const swapped = code.slice(0, i) + b + code.slice(i + 1, j) + a + code.slice(j + 1);
        if (i === 0 && j === 17) {
          // Positions 1 and 18 both have weight 1 in Σ wᵢcᵢ ≡ 0 (mod 31): the one swap MOD 31 cannot see.
          // It is still usually rejected by the authority/category checks, but that is luck, not arithmetic.
          continue;
        }
        expect(isValidUscc(swapped), `${swapped} (positions ${i + 1} and ${j + 1})`).toBe(false);
      }
    }
  });

  it('documents the blind spot: swapping positions 1 and 18 keeps the checksum', () => {
    const code = '91320594MA1MXK3R3C';
    const swapped = `C${code.slice(1, 17)}9`;
    expect(usccCheckChar(swapped.slice(0, 17))).toBe('9');
    expect(codeOf(swapped)).toBe('USCC_AUTHORITY');
  });
});

describe('usccCheckChar', () => {
  it('computes the check character, including 31 → 0', () => {
    expect(usccCheckChar('91320594MA1MXK3R3')).toBe('C');
    expect(usccCheckChar('91320594MA1P0LW29')).toBe('1');
    // Σ ≡ 0 (mod 31) → 31 − 0 = 31, written 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects malformed input', () => {
    expect(() => usccCheckChar('91320594MA1MXK3R')).toThrow(RangeError);
    expect(() => usccCheckChar('91320594MA1MXK3RO')).toThrow(RangeError);
  });
});

describe('organisation code (GB 11714)', () => {
  it('computes check characters, including X (10) and 0 (11)', () => {
    expect(organizationCodeCheckChar('MA1MXK3R')).toBe('3');
    expect(organizationCodeCheckChar('71526726')).toBe('X');
    expect(organizationCodeCheckChar('00000000')).toBe('0');
    expect(() => organizationCodeCheckChar('7152672')).toThrow(RangeError);
    expect(() => organizationCodeCheckChar('7152672*')).toThrow(RangeError);
  });

  it('validates 9-character codes with or without the hyphen', () => {
    expect(isValidOrganizationCode('80210043-3')).toBe(true);
    expect(isValidOrganizationCode('802100433')).toBe(true);
    expect(isValidOrganizationCode('71526726-X')).toBe(true);
    expect(isValidOrganizationCode('71526726-x')).toBe(true);
    expect(isValidOrganizationCode('７１５２６７２６－Ｘ')).toBe(true);
    expect(isValidOrganizationCode('MA1MXK3R-3')).toBe(true);
  });

  it('rejects wrong check characters and malformed codes', () => {
    expect(isValidOrganizationCode('80210043-4')).toBe(false);
    expect(isValidOrganizationCode('71526726-0')).toBe(false);
    expect(isValidOrganizationCode('8021004-33')).toBe(false);
    expect(isValidOrganizationCode('80210043--3')).toBe(false);
    expect(isValidOrganizationCode('8021004333')).toBe(false);
    expect(isValidOrganizationCode('80210043-A')).toBe(false);
    expect(isValidOrganizationCode('')).toBe(false);
  });

  it('is the embedded part of every valid USCC', () => {
    for (const code of VALID) expect(isValidOrganizationCode(code.slice(8, 17)), code).toBe(true);
  });
});
