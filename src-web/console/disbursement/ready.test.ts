import { describe, expect, it } from 'vitest';
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
});
