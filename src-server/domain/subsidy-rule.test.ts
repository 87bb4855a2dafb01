import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBSIDY_AMOUNT_RULE } from '@shared/subsidy/amount';
import { subsidyRuleFromEnv } from './subsidy-rule';

describe('subsidy amount rule from the environment', () => {
  it('defaults to 50%, ¥50,000 per talent and ¥300,000 per enterprise and year', () => {
    expect(subsidyRuleFromEnv({})).toEqual(DEFAULT_SUBSIDY_AMOUNT_RULE);
    expect(DEFAULT_SUBSIDY_AMOUNT_RULE).toEqual({ rateBasisPoints: 5000, perTalentCapFen: 5_000_000, perEnterpriseYearCapFen: 30_000_000 });
  });

  it('reads each setting in integer units', () => {
    const env = { TONGBAN_SUBSIDY_RATE_BP: '3000', TONGBAN_SUBSIDY_TALENT_CAP_FEN: '2000000', TONGBAN_SUBSIDY_ENTERPRISE_YEAR_CAP_FEN: '10000000' };
    expect(subsidyRuleFromEnv(env)).toEqual({ rateBasisPoints: 3000, perTalentCapFen: 2_000_000, perEnterpriseYearCapFen: 10_000_000 });
  });

  it('refuses values that are not whole, non-negative amounts', () => {
    for (const bad of ['0.5', '-1', 'half', '10001']) {
      expect(() => subsidyRuleFromEnv({ TONGBAN_SUBSIDY_RATE_BP: bad }), bad).toThrow(/TONGBAN_SUBSIDY_RATE_BP/);
    }
  });
});
