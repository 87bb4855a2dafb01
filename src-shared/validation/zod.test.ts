import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { makeResidentIdSchema, mobileSchema, residentIdSchema, usccSchema, validationCodeOf } from './zod';

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues;
}

describe('usccSchema', () => {
  it('outputs the normalised code', () => {
    expect(usccSchema.parse(' ９１３２０５９４ma1mxk3r3c ')).toBe('91320594MA1MXK3R3C');
  });

  it.each([
    ['91320594MA1MXK3R3', 'USCC_LENGTH'],
    ['91320594MA1MXK3R3O', 'USCC_CHARSET'],
    ['91320594MA1MXK3R3D', 'USCC_CHECK_DIGIT'],
  ])('reports %s as %s in params.code and message', (input, code) => {
    const issues = issuesOf(usccSchema, input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'custom', message: code, params: { code }, path: [] });
    expect(issues[0] && validationCodeOf(issues[0])).toBe(code);
  });

  it('reports the field path inside an object schema', () => {
    const form = z.object({ uscc: usccSchema, mobile: mobileSchema });
    const issues = issuesOf(form, { uscc: '91320594MA1MXK3R3D', mobile: '12812345678' });
    expect(issues.map((issue) => [issue.path.join('.'), validationCodeOf(issue)])).toEqual([
      ['uscc', 'USCC_CHECK_DIGIT'],
      ['mobile', 'MOBILE_FORMAT'],
    ]);
    expect(form.parse({ uscc: '91320594ma1mxk3r3c', mobile: '+86 138-1234-5678' })).toEqual({
      uscc: '91320594MA1MXK3R3C',
      mobile: '13812345678',
    });
  });

  it('rejects non-strings with zod’s own type issue (no validation code)', () => {
    const issues = issuesOf(usccSchema, 91320594);
    expect(issues[0]?.code).toBe('invalid_type');
    expect(issues[0] && validationCodeOf(issues[0])).toBeUndefined();
  });

  it('stays describable as JSON Schema (for the OpenAPI document)', () => {
    expect(z.toJSONSchema(usccSchema)).toMatchObject({ type: 'string', description: expect.stringContaining('GB 32100') });
    expect(z.toJSONSchema(z.object({ m: mobileSchema, id: residentIdSchema }))).toMatchObject({
      type: 'object',
      properties: { m: { type: 'string' }, id: { type: 'string' } },
    });
  });
});

describe('residentIdSchema', () => {
  it('outputs the normalised number', () => {
    expect(residentIdSchema.parse('11010519491231002x')).toBe('11010519491231002X');
  });

  it.each([
    ['1101051949123100', 'ID_LENGTH'],
    ['1101051949123100YX', 'ID_CHARSET'],
    ['110105194913310026', 'ID_BIRTH_DATE'],
    ['110105194912310021', 'ID_CHECK_DIGIT'],
  ])('reports %s as %s', (input, code) => {
    const issues = issuesOf(residentIdSchema, input);
    expect(issues).toEqual([expect.objectContaining({ code: 'custom', message: code, params: { code } })]);
  });

  it('reads the clock at parse time when given one', () => {
    let now = new Date('2024-06-30T04:00:00Z');
    const schema = makeResidentIdSchema({ now: () => now });
    const bornJuly1 = '320506202407010020';
    const [issue] = issuesOf(schema, bornJuly1);
    expect(issue && validationCodeOf(issue)).toBe('ID_BIRTH_DATE');
    now = new Date('2024-07-01T04:00:00Z');
    expect(schema.parse(bornJuly1)).toBe(bornJuly1);
  });
});

describe('mobileSchema', () => {
  it('outputs the bare 11 digits', () => {
    expect(mobileSchema.parse('0086 138-1234-5678')).toBe('13812345678');
  });

  it('reports MOBILE_FORMAT', () => {
    expect(issuesOf(mobileSchema, '1381234567')).toEqual([
      expect.objectContaining({ code: 'custom', message: 'MOBILE_FORMAT', params: { code: 'MOBILE_FORMAT' } }),
    ]);
  });
});

describe('validationCodeOf', () => {
  it('ignores issues that are not ours', () => {
    const issues = issuesOf(z.string().min(3), 'ab');
    expect(issues[0] && validationCodeOf(issues[0])).toBeUndefined();
  });
});
