import { describe, expect, it } from 'vitest';
import { chinaDate, chinaYear } from './china';

describe('the calendar in China', () => {
  it('turns the day, and the year, at 16:00 UTC', () => {
    const newYear = new Date('2026-12-31T16:00:00Z');
    expect([chinaDate(new Date(newYear.getTime() - 1)), chinaDate(newYear)]).toEqual(['2026-12-31', '2027-01-01']);
    expect([chinaYear(new Date(newYear.getTime() - 1)), chinaYear(newYear)]).toEqual([2026, 2027]);
  });
});
