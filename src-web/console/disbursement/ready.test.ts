import { describe, expect, it } from 'vitest';
import { disbursementOpensOn } from '@shared/contract/http/disbursement';
import { chinaToday, publicityOver } from './model';

describe('which applications in publicity finance may open', () => {
  it('takes today in China time, not the browser’s', () => {
    expect(chinaToday(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(chinaToday(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it('counts the end date as a day of publicity', () => {
    expect(publicityOver('2026-11-21', '2026-11-21')).toBe(false);
    expect(publicityOver('2026-11-21', '2026-11-22')).toBe(true);
    expect(publicityOver(null, '2026-11-22')).toBe(false);
  });

  it('names the first day it may be opened, across months and years', () => {
    expect(disbursementOpensOn('2026-11-21')).toBe('2026-11-22');
    expect(disbursementOpensOn('2026-11-30')).toBe('2026-12-01');
    expect(disbursementOpensOn('2026-12-31')).toBe('2027-01-01');
    expect(disbursementOpensOn('2028-02-28')).toBe('2028-02-29');
    for (const end of ['2026-11-30', '2026-12-31']) expect(publicityOver(end, disbursementOpensOn(end))).toBe(true);
  });
});
