import { describe, expect, it } from 'vitest';
import { isWorkingDay, workingDaysDeadline } from './working-days';

describe('working days in China', () => {
  it('one working day after a Friday afternoon ends on Monday at midnight China time', () => {
    // 2026-12-04 is a Friday; 15:00 in Beijing is 07:00 UTC.
    expect(workingDaysDeadline(new Date('2026-12-04T07:00:00Z'), 1).toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });

  it('a Tuesday submission is due at the end of Wednesday, whatever the UTC date', () => {
    // 2026-12-08 23:30 in Beijing is still 15:30 UTC on Tuesday.
    expect(workingDaysDeadline(new Date('2026-12-08T15:30:00Z'), 1).toISOString()).toBe('2026-12-09T16:00:00.000Z');
    // 2026-12-09 00:30 in Beijing (Wednesday) is 16:30 UTC on Tuesday: due at the end of Thursday.
    expect(workingDaysDeadline(new Date('2026-12-08T16:30:00Z'), 1).toISOString()).toBe('2026-12-10T16:00:00.000Z');
  });

  it('skips the holidays of the notice and counts its make-up weekend days', () => {
    const calendar = { holidays: ['2026-12-07'], workdays: ['2026-12-05'] };
    expect(isWorkingDay('2026-12-05', calendar)).toBe(true);
    expect(workingDaysDeadline(new Date('2026-12-04T07:00:00Z'), 1, calendar).toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(workingDaysDeadline(new Date('2026-12-05T07:00:00Z'), 1, calendar).toISOString()).toBe('2026-12-08T16:00:00.000Z');
  });
});
