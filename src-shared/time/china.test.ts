import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime, chinaTime, chinaYear } from './china';

describe('the calendar in China', () => {
  it('turns the day, and the year, at 16:00 UTC', () => {
    const newYear = new Date('2026-12-31T16:00:00Z');
    expect([chinaDate(new Date(newYear.getTime() - 1)), chinaDate(newYear)]).toEqual(['2026-12-31', '2027-01-01']);
    expect([chinaYear(new Date(newYear.getTime() - 1)), chinaYear(newYear)]).toEqual([2026, 2027]);
  });

  it('writes times as a clerk in China reads them, whatever the language and the PC\'s zone', () => {
    expect(chinaDateTime('2026-12-06T07:04:59.900Z')).toBe('2026-12-06 15:04');
    expect(chinaDateTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
    expect(chinaTime('2026-12-06T07:04:09Z', { seconds: true })).toBe('15:04:09');
  });
});
