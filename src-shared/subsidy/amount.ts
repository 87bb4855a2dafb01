/**
 * The amount a talent recruitment subsidy application requests (DESIGN.md glossary `subsidy`): a share of the
 * headhunting fee actually paid for each talent, capped per talent and per enterprise and year. Pure integer
 * arithmetic in fen (分) so the client shows exactly the number the server records; shares round down to the fen.
 */

export interface SubsidyAmountRule {
  /** Share of the fee paid, in basis points (5000 = 50%). */
  rateBasisPoints: number;
  /** At most this per talent, in fen. */
  perTalentCapFen: number;
  /** At most this per enterprise and calendar year over all its live applications, in fen. */
  perEnterpriseYearCapFen: number;
}

/** 50% of the fee paid, at most ¥50,000 per talent and ¥300,000 per enterprise and year. */
export const DEFAULT_SUBSIDY_AMOUNT_RULE: SubsidyAmountRule = {
  rateBasisPoints: 5000,
  perTalentCapFen: 5_000_000,
  perEnterpriseYearCapFen: 30_000_000,
};

/** Fees above this (¥100,000,000) are refused by the contract, which keeps fee × rate a safe integer. */
export const MAX_FEE_FEN = 10_000_000_000;

export interface SubsidyAmount {
  /** Each talent's share after the per-talent cap, in the talents' order. */
  perTalentFen: number[];
  /** Sum of the per-talent shares before the enterprise cap. */
  uncappedFen: number;
  /** What the enterprise may still receive this year before this application. */
  remainingYearFen: number;
  /** The amount requested: the sum, at most the remaining yearly allowance. */
  totalFen: number;
}

const nonNegativeInt = (n: number) => (Number.isSafeInteger(n) && n > 0 ? n : 0);

/** A talent's share: floor(fee × rate), at most the per-talent cap. Fees that are not positive integers count 0. */
export function talentSubsidyFen(feePaidFen: number, rule: SubsidyAmountRule): number {
  const fee = Math.min(nonNegativeInt(feePaidFen), MAX_FEE_FEN);
  return Math.min(Math.floor((fee * rule.rateBasisPoints) / 10_000), rule.perTalentCapFen);
}

/**
 * The amount for a list of talents. `usedThisYearFen` is what the enterprise's other live applications of the
 * same year already request (or were approved for); the server tells the client this number.
 */
export function subsidyAmount(
  talents: readonly { feePaidFen?: number | null }[],
  rule: SubsidyAmountRule,
  usedThisYearFen = 0,
): SubsidyAmount {
  const perTalentFen = talents.map((t) => talentSubsidyFen(t.feePaidFen ?? 0, rule));
  const uncappedFen = perTalentFen.reduce((a, b) => a + b, 0);
  const remainingYearFen = Math.max(0, rule.perEnterpriseYearCapFen - nonNegativeInt(usedThisYearFen));
  return { perTalentFen, uncappedFen, remainingYearFen, totalFen: Math.min(uncappedFen, remainingYearFen) };
}

/** Formats fen as yuan with two decimals and thousands separators (`1234567` → `12,345.67`), for texts and UI. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
