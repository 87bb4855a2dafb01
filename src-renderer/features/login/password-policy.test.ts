import { describe, expect, it } from 'vitest';
import { meetsPolicy, passwordChecks } from './password-policy';

describe('passwordChecks', () => {
  it('ticks each rule separately', () => {
    expect(passwordChecks('', 'admin')).toEqual({ length: false, classes: false, notUsername: true });
    expect(passwordChecks('abcdefghij', 'admin')).toEqual({ length: true, classes: false, notUsername: true });
    expect(passwordChecks('Abcdefgh12', 'admin')).toEqual({ length: true, classes: true, notUsername: true });
    expect(passwordChecks('xAdmin-2026', 'admin')).toEqual({ length: true, classes: true, notUsername: false });
  });

  it('agrees with the server on the edges', () => {
    expect(meetsPolicy('Abcdefg12', 'super')).toBe(false); // 9 characters
    expect(meetsPolicy('Abcdefg123', 'super')).toBe(true);
    expect(meetsPolicy(`Aa1${'x'.repeat(62)}`, 'super')).toBe(false); // 65 characters
    expect(meetsPolicy('abcdef-123', 'super')).toBe(true); // lower, digits, symbol
    expect(meetsPolicy('ab-Super-12', 'super')).toBe(false);
    expect(meetsPolicy('ab-Ab1-xyzw', 'ab')).toBe(true); // usernames under 3 characters are not checked
  });
});
