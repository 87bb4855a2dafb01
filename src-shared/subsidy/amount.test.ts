import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBSIDY_AMOUNT_RULE as rule, formatFen, subsidyAmount, talentSubsidyFen } from './amount';

describe('subsidy amount rule', () => {
  it('pays half the fee actually paid, rounded down to the fen', () => {
    expect(talentSubsidyFen(2_000_000, rule)).toBe(1_000_000);
    expect(talentSubsidyFen(3, rule)).toBe(1);
    expect(talentSubsidyFen(1, rule)).toBe(0);
    expect(talentSubsidyFen(1_234_567, { ...rule, rateBasisPoints: 3333 })).toBe(411_481);
  });

  it('caps each talent', () => {
    expect(talentSubsidyFen(20_000_000, rule)).toBe(5_000_000);
    expect(talentSubsidyFen(10_000_000, rule)).toBe(5_000_000);
    expect(talentSubsidyFen(9_999_999, rule)).toBe(4_999_999);
  });

  it('counts no fee, negative, fractional or absurd fees as nothing or the cap, never NaN', () => {
    expect(talentSubsidyFen(0, rule)).toBe(0);
    expect(talentSubsidyFen(-100, rule)).toBe(0);
    expect(talentSubsidyFen(10.5, rule)).toBe(0);
    expect(talentSubsidyFen(Number.MAX_SAFE_INTEGER, rule)).toBe(5_000_000);
    expect(subsidyAmount([{}, { feePaidFen: null }], rule).totalFen).toBe(0);
  });

  it('sums the talents and caps the enterprise per year, counting what it already requested', () => {
    const talents = [{ feePaidFen: 6_000_000 }, { feePaidFen: 20_000_000 }];
    expect(subsidyAmount(talents, rule)).toEqual({ perTalentFen: [3_000_000, 5_000_000], uncappedFen: 8_000_000, remainingYearFen: 30_000_000, totalFen: 8_000_000 });
    expect(subsidyAmount(talents, rule, 25_000_000).totalFen).toBe(5_000_000);
    expect(subsidyAmount(talents, rule, 31_000_000)).toMatchObject({ remainingYearFen: 0, totalFen: 0 });
    const many = Array.from({ length: 8 }, () => ({ feePaidFen: 10_000_000 }));
    expect(subsidyAmount(many, rule).totalFen).toBe(30_000_000);
  });

  it('formats fen as yuan', () => {
    expect(formatFen(1_234_567)).toBe('12,345.67');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(30_000_000)).toBe('300,000.00');
  });
});
