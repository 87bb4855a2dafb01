import { describe, expect, it } from 'vitest';

import { isValidResidentId, parseResidentId, residentIdCheckChar, type ResidentIdErrorCode } from './resident-id';

/** A fixed "now" so date rules do not drift: 2024-06-30 12:00 in China. */
const TODAY = new Date('2024-06-30T04:00:00Z');

function codeOf(input: string, today: Date = TODAY): ResidentIdErrorCode | 'ok' {
  const result = parseResidentId(input, { today });
  return result.ok ? 'ok' : result.code;
}

const VALID = [
  '11010519491231002X', // the example printed in GB 11643-1999
  '320583200002291235', // 29 February of a leap year divisible by 400
  '320583200402294566', // 29 February of an ordinary leap year
  '110101190001010014', // the earliest date accepted
  '320506199003070516',
];

describe('parseResidentId: valid numbers', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(parseResidentId(id, { today: TODAY })).toMatchObject({ ok: true, value: id });
    expect(isValidResidentId(id, { today: TODAY })).toBe(true);
  });

  it('splits the GB 11643 example', () => {
    expect(parseResidentId('11010519491231002X', { today: TODAY })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      divisionCode: '110105',
    });
    const male = parseResidentId('320506199003070516', { today: TODAY });
    expect(male.ok && [male.sex, male.birthDate]).toEqual(['male', '1990-03-07']);
  });

  it('normalises lower-case x, whitespace and full-width input', () => {
    expect(parseResidentId(' 11010519491231002x ', { today: TODAY })).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(parseResidentId('１１０１０５１９４９１２３１００２ｘ', { today: TODAY })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('works without options (real clock)', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
  });
});

describe('parseResidentId: each error code', () => {
  it('ID_LENGTH', () => {
    expect(codeOf('')).toBe('ID_LENGTH');
    expect(codeOf('11010519491231002')).toBe('ID_LENGTH');
    expect(codeOf('11010519491231002X1')).toBe('ID_LENGTH');
    // First-generation 15-digit numbers are no longer accepted.
    expect(codeOf('110105491231002')).toBe('ID_LENGTH');
  });

  it('ID_CHARSET', () => {
    expect(codeOf('1101051949123100XX')).toBe('ID_CHARSET');
    expect(codeOf('11010519491231002Y')).toBe('ID_CHARSET');
    expect(codeOf('X10105194912310021')).toBe('ID_CHARSET');
    expect(codeOf('110105 9491231002X')).toBe('ID_CHARSET');
  });

  it('ID_BIRTH_DATE: impossible dates', () => {
    expect(codeOf('320583190002291239')).toBe('ID_BIRTH_DATE'); // 1900 is not a leap year
    expect(codeOf('32050620230229002X')).toBe('ID_BIRTH_DATE'); // nor is 2023
    for (const yyyymmdd of ['19491301', '19490001', '19491200', '19490431', '19491232']) {
      const first17 = `110105${yyyymmdd}002`;
      expect(codeOf(first17 + residentIdCheckChar(first17)), yyyymmdd).toBe('ID_BIRTH_DATE');
    }
  });

  it('ID_BIRTH_DATE: before 1900, even when the checksum is right', () => {
    // 440524188001010014 is the other example printed in GB 11643-1999 (born 1880).
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(codeOf('440524188001010014')).toBe('ID_BIRTH_DATE');
    expect(codeOf('11010118991231001X')).toBe('ID_BIRTH_DATE');
  });

  it('ID_BIRTH_DATE: not in the future, judged on the calendar in China', () => {
    expect(codeOf('320506202406300026')).toBe('ok'); // born today
    expect(codeOf('320506202407010020')).toBe('ID_BIRTH_DATE'); // born tomorrow
    // 2024-06-30T17:00Z is already 1 July 01:00 in China: a baby born on 1 July is no longer "in the future".
    expect(codeOf('320506202407010020', new Date('2024-06-30T17:00:00Z'))).toBe('ok');
    expect(codeOf('320506202407010020', new Date('2024-06-30T15:59:59Z'))).toBe('ID_BIRTH_DATE');
  });

  it('ID_CHECK_DIGIT', () => {
    expect(codeOf('110105194912310021')).toBe('ID_CHECK_DIGIT');
    expect(codeOf('320506199003070515')).toBe('ID_CHECK_DIGIT');
  });
});

describe('parseResidentId: error detection', () => {
  it.each(VALID)('rejects every single-character substitution of %s', (id) => {
    for (let position = 0; position < id.length; position++) {
      for (const replacement of '0123456789X') {
        if (replacement === id.charAt(position)) continue;
        const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(isValidResidentId(mutated, { today: TODAY }), `${mutated} (position ${position + 1})`).toBe(false);
      }
    }
  });

  it.each(VALID)('rejects every swap of two adjacent different characters of %s', (id) => {
    for (let i = 0; i + 1 < id.length; i++) {
      const a = id.charAt(i);
      const b = id.charAt(i + 1);
      if (a === b) continue;
      const swapped = id.slice(0, i) + b + a + id.slice(i + 2);
      expect(isValidResidentId(swapped, { today: TODAY }), `${swapped} (positions ${i + 1}, ${i + 2})`).toBe(false);
    }
  });
});

describe('residentIdCheckChar', () => {
  it('maps Σ mod 11 through 1 0 X 9 8 7 6 5 4 3 2', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('32058320000229123')).toBe('5');
    // Σ = 0 → '1'
    expect(residentIdCheckChar('00000000000000000')).toBe('1');
  });

  it('rejects malformed input', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});
