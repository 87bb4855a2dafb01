import { describe, expect, it } from 'vitest';
import { fieldIssues } from './issues';
import { identityDocumentSchema, parseIdentityDocument, type IdentityDocumentType } from './identity-document';
import { residentIdCheckChar } from './resident-id';

const TODAY = new Date('2026-06-30T04:00:00Z');
const check = (type: IdentityDocumentType, number: string, country?: string) => {
  const r = parseIdentityDocument(type, number, { today: TODAY, ...(country ? { country } : {}) });
  return r.ok ? r.value : r.code;
};
/** A 2023 permanent resident card number: 9, office 11, nationality 840, born 1985-07-04, sequence 001, check. */
const PR_2023_BODY = '91184019850704001';
const PR_2023 = PR_2023_BODY + residentIdCheckChar(PR_2023_BODY);

describe('identity documents', () => {
  it('checks the resident ID by GB 11643, check character included', () => {
    expect(check('residentId', '11010519491231002x')).toBe('11010519491231002X');
    expect(check('residentId', '110105194912310021')).toBe('ID_CHECK_DIGIT');
    expect(check('residentId', '11010519491231002')).toBe('ID_LENGTH');
  });

  it('accepts the Chinese passport series and refuses what no series looks like', () => {
    for (const n of ['E12345678', 'EA1234567', 'G12345678', 'D1234567', 'SE1234567', 'PE1234567', ' e 1234 5678 ']) expect(check('passport', n, 'CHN')).toMatch(/^[A-Z0-9]+$/);
    expect(check('passport', ' e 1234 5678 ', 'chn')).toBe('E12345678');
    for (const n of ['E1234567', 'EI1234567', 'G1234567X', 'A12345678', '123456789']) expect(check('passport', n, 'CHN')).toBe('PASSPORT_CN_FORMAT');
  });

  it('accepts 5–17 letters or digits for other states, and wants the state', () => {
    expect(check('passport', 'C03005988', 'USA')).toBe('C03005988');
    expect(check('passport', '12345', 'GBR')).toBe('12345');
    expect(check('passport', '1234', 'GBR')).toBe('PASSPORT_FORMAT');
    expect(check('passport', 'A1234567890123456X', 'DEU')).toBe('PASSPORT_FORMAT');
    expect(check('passport', 'C0300-5988', 'USA')).toBe('PASSPORT_FORMAT');
    expect(check('passport', 'C03005988')).toBe('PASSPORT_COUNTRY_FORMAT');
    expect(check('passport', 'C03005988', 'US')).toBe('PASSPORT_COUNTRY_FORMAT');
  });

  it('accepts Hong Kong and Macao permits of the card (8 digits) and the booklet (10)', () => {
    expect(check('hkMacaoPermit', 'h12345678')).toBe('H12345678');
    expect(check('hkMacaoPermit', 'M1234567890')).toBe('M1234567890');
    for (const n of ['H1234567', 'H123456789', 'C12345678', '12345678']) expect(check('hkMacaoPermit', n)).toBe('HK_MACAO_PERMIT_FORMAT');
  });

  it('accepts the Taiwan permit of the card (8 digits) and the older booklet', () => {
    expect(check('taiwanPermit', '12345678')).toBe('12345678');
    expect(check('taiwanPermit', '1234567890')).toBe('1234567890');
    expect(check('taiwanPermit', '12345678(B)')).toBe('12345678B');
    for (const n of ['1234567', 'T12345678', '123456789012']) expect(check('taiwanPermit', n)).toBe('TAIWAN_PERMIT_FORMAT');
  });

  it('accepts both permanent resident cards, with the 2023 card checked as GB 11643', () => {
    expect(check('permanentResident', 'usa118507040015')).toBe('USA118507040015');
    expect(check('permanentResident', 'USA118513040015')).toBe('PERMANENT_RESIDENT_BIRTH_DATE');
    expect(check('permanentResident', PR_2023)).toBe(PR_2023);
    const wrong = PR_2023_BODY + (PR_2023.endsWith('1') ? '2' : '1');
    expect(check('permanentResident', wrong)).toBe('PERMANENT_RESIDENT_CHECK_DIGIT');
    const badDate = '91184019851304001';
    expect(check('permanentResident', badDate + residentIdCheckChar(badDate))).toBe('PERMANENT_RESIDENT_BIRTH_DATE');
    // A resident ID is not a permanent resident card (first digit 1–8).
    expect(check('permanentResident', '11010519491231002X')).toBe('PERMANENT_RESIDENT_FORMAT');
    expect(check('permanentResident', 'US1185070400155')).toBe('PERMANENT_RESIDENT_FORMAT');
  });

  it('puts the code beside the field in the contract schema and drops a state that is not a passport\u2019s', () => {
    expect(identityDocumentSchema.parse({ type: 'passport', number: 'c0300 5988', country: 'usa' })).toEqual({ type: 'passport', number: 'C03005988', country: 'USA' });
    expect(identityDocumentSchema.parse({ type: 'hkMacaoPermit', number: 'H12345678', country: 'USA' })).toEqual({ type: 'hkMacaoPermit', number: 'H12345678' });
    const bad = { type: 'passport', number: 'X1', country: 'FRA' };
    expect(fieldIssues(identityDocumentSchema.safeParse(bad).error!, bad)).toEqual([{ path: 'number', code: 'PASSPORT_FORMAT' }]);
    const noState = { type: 'passport', number: 'X1234567' };
    expect(fieldIssues(identityDocumentSchema.safeParse(noState).error!, noState)).toEqual([{ path: 'country', code: 'PASSPORT_COUNTRY_FORMAT' }]);
  });
});
