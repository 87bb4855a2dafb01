/**
 * The subsidy amount rule from the environment: `TONGBAN_SUBSIDY_RATE_BP` (share of the fee paid in basis points,
 * 5000 = 50%), `TONGBAN_SUBSIDY_TALENT_CAP_FEN` (5,000,000 = ¥50,000) and `TONGBAN_SUBSIDY_ENTERPRISE_YEAR_CAP_FEN`
 * (30,000,000 = ¥300,000). A value that is not a non-negative integer stops the server at start.
 */
import { DEFAULT_SUBSIDY_AMOUNT_RULE, type SubsidyAmountRule } from '@shared/subsidy/amount';

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new Error(`${name} must be an integer from 0 to ${max}, not ${raw}`);
  return value;
}

export function subsidyRuleFromEnv(env: NodeJS.ProcessEnv): SubsidyAmountRule {
  const d = DEFAULT_SUBSIDY_AMOUNT_RULE;
  return {
    rateBasisPoints: integer(env, 'TONGBAN_SUBSIDY_RATE_BP', d.rateBasisPoints, 10_000),
    perTalentCapFen: integer(env, 'TONGBAN_SUBSIDY_TALENT_CAP_FEN', d.perTalentCapFen, 1e12),
    perEnterpriseYearCapFen: integer(env, 'TONGBAN_SUBSIDY_ENTERPRISE_YEAR_CAP_FEN', d.perEnterpriseYearCapFen, 1e13),
  };
}
