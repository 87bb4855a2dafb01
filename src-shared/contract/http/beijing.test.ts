import { describe, expect, it } from 'vitest';
import { organizationCodeCheckChar, usccCheckChar } from '../../validation/uscc';
import { legalRepresentativeSchema, parseEnterpriseCode, platformPasswordSchema } from './beijing';

describe('Beijing certification fields', () => {
  it('takes a USCC or a GB 11714 organisation code, with or without the hyphen, and names what is wrong', () => {
    const org = `MA1FL8XT${organizationCodeCheckChar('MA1FL8XT')}`;
    const uscc17 = `91110108${org.slice(0, 8)}${org.slice(8)}`;
    expect(parseEnterpriseCode(`${org.slice(0, 8)}-${org.slice(8)}`)).toEqual({ ok: true, value: org });
    expect(parseEnterpriseCode(uscc17 + usccCheckChar(uscc17.slice(0, 17)))).toMatchObject({ ok: true });
    const wrongCheck = org.slice(8) === '1' ? '2' : '1';
    expect(parseEnterpriseCode(org.slice(0, 8) + wrongCheck)).toEqual({ ok: false, code: 'ORG_CODE_CHECK_DIGIT' });
    expect(parseEnterpriseCode('MA1FL8X*1')).toEqual({ ok: false, code: 'ORG_CODE_FORMAT' });
    expect(parseEnterpriseCode('1234')).toEqual({ ok: false, code: 'USCC_LENGTH' });
  });

  it('a password of 6-20 letters and digits with both, as the app says', () => {
    for (const ok of ['abc123', 'A1b2C3d4E5f6G7h8I9j0']) expect(platformPasswordSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['abcdef', '123456', 'abc12', 'abc123!', 'a1'.repeat(11)]) expect(platformPasswordSchema.safeParse(bad).success).toBe(false);
  });

  it('checks a resident ID by its check digit, another document by its form only', () => {
    const issues = legalRepresentativeSchema.safeParse({ idType: 'residentId', name: '王建国', idNumber: '110101199003074571' }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([['idNumber', 'ID_CHECK_DIGIT']]);
    expect(legalRepresentativeSchema.safeParse({ idType: 'other', name: 'John Smith', idNumber: 'E12345678' }).success).toBe(true);
  });
});
