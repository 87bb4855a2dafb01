import { describe, expect, it } from 'vitest';

import { isValidMobile, maskMobile, parseMobile } from './mobile';

describe('parseMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['15012345678', '15012345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６\u3000１３８－１２３４－５６７８', '13812345678'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseMobile(input)).toEqual({ ok: true, value: expected });
    expect(isValidMobile(input)).toBe(true);
  });

  it.each([
    '',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '12812345678', // second digit 2
    '10812345678', // second digit 0
    '23812345678',
    '+85213812345678', // Hong Kong prefix
    '+8613812345678x',
    '86+13812345678',
    '+86+8613812345678',
    '8686 13812345678',
    '(0086)13812345678',
    '138.1234.5678',
    '0138123456789',
    '010-12345678', // a Beijing landline
  ])('rejects %j with MOBILE_FORMAT', (input) => {
    expect(parseMobile(input)).toEqual({ ok: false, code: 'MOBILE_FORMAT' });
    expect(isValidMobile(input)).toBe(false);
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks every digit of anything that is not a valid mobile number', () => {
    expect(maskMobile('1381234567')).toBe('**********');
    expect(maskMobile('tel: 12812345678')).toBe('tel: ***********');
    expect(maskMobile('１２８１２３４５６７８')).toBe('***********');
    expect(maskMobile('')).toBe('');
  });
});
