/**
 * The yearly cap per enterprise, held under concurrency (issue 17 item 10). Reading what the year already used
 * and writing a new amount must not interleave with another submission or approval of the same enterprise-year:
 * both take the year's row in `subsidy_year_quotas` first, inside their write transaction (an upsert: a row lock
 * until commit on PostgreSQL; SQLite has one writer at a time anyway), and only then sum the year.
 */
import type { Transaction } from 'kysely';
import { subsidyAmount, type SubsidyAmountRule } from '@shared/subsidy/amount';
import type { SubsidyPayload } from '@shared/contract/http/subsidy';
import type { Database } from '../db/schema';
import type {} from '../db/schema-trust';
import { ApiError } from '../http/api-error';
import { usedThisYearFen } from './subsidy';

type Tx = Transaction<Database>;

/** Takes the enterprise-year's lock row for the rest of the transaction; answers what the year used besides `exceptId`. */
async function lockYear(tx: Tx, enterpriseId: string, year: number, exceptId: string, now: Date): Promise<number> {
  await tx
    .insertInto('subsidy_year_quotas')
    .values({ enterprise_id: enterpriseId, year, locked_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doUpdateSet({ locked_at: now.toISOString() }))
    .execute();
  return usedThisYearFen(tx, enterpriseId, year, exceptId);
}

/** A submission: the amount the rule gives under the lock must still be the amount signed, else AMOUNT_MISMATCH. */
export async function assertSubmissionWithinYear(
  tx: Tx,
  app: { id: string; enterpriseId: string; year: number },
  talents: SubsidyPayload['talents'],
  signedFen: number,
  rule: SubsidyAmountRule,
  now: Date,
): Promise<void> {
  const used = await lockYear(tx, app.enterpriseId, app.year, app.id, now);
  if (subsidyAmount(talents, rule, used).totalFen !== signedFen) {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.payload.amountRequestedFen', code: 'AMOUNT_MISMATCH' }] });
  }
}

/** An approval: what the year used besides this application, plus the approved amount, stays within the cap. */
export async function assertApprovalWithinYear(
  tx: Tx,
  app: { id: string; enterpriseId: string; year: number },
  approvedFen: number,
  rule: SubsidyAmountRule,
  now: Date,
): Promise<void> {
  const used = await lockYear(tx, app.enterpriseId, app.year, app.id, now);
  if (used + approvedFen > rule.perEnterpriseYearCapFen) throw new ApiError('SUBSIDY_YEAR_CAP_EXCEEDED');
}
