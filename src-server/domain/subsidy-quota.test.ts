/**
 * The yearly cap is checked again at approval, under the enterprise-year's lock (issue 17 item 10): two approvals
 * that together exceed it — applications whose requested amount counts nothing until approved, as the approval
 * route allows (no requested amount) — the second is refused, whether sent one after the other or at once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { DEFAULT_SUBSIDY_AMOUNT_RULE } from '@shared/subsidy/amount';

const CAP = DEFAULT_SUBSIDY_AMOUNT_RULE.perEnterpriseYearCapFen;
const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;

describeEachDatabase('the yearly subsidy cap at approval', (engine) => {
  let h: Harness;
  let staff: string;
  let oneAfterTheOther: [string, string];
  let atOnce: [string, string];
  // The world is built before the tests (registrations and signed applications take a while on a busy machine).
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h);
    oneAfterTheOther = await twoAccepted();
    atOnce = await twoAccepted();
  });
  afterAll(() => h?.close());

  /** Two accepted applications of a new enterprise, with no requested amount counted against the year. */
  async function twoAccepted() {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const admin = await e.admin();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await (await e.subsidyApplication(admin, { talents: 1 })).accepted()).id);
    await h.app.services.db.updateTable('subsidy_applications').set({ amount_requested_fen: null }).where('id', 'in', ids).execute();
    return ids as [string, string];
  }
  const approve = (id: string, amountFen: number) =>
    h.call({ method: 'POST', url: `/api/staff/subsidy-applications/${id}/approve`, token: staff, payload: { amountFen } });

  it('refuses the second of two approvals one after the other, and takes one that fits', async () => {
    const [a, b] = oneAfterTheOther;
    expect((await approve(a, CAP - 1_000_000)).statusCode).toBe(200);
    const refused = await approve(b, 2_000_000);
    expect([refused.statusCode, codeOf(refused)]).toEqual([409, 'SUBSIDY_YEAR_CAP_EXCEEDED']);
    const fits = await approve(b, 1_000_000);
    expect(fits.statusCode, fits.body).toBe(200);
  });

  it('lets exactly one of two approvals sent at once through when both together exceed the cap', async () => {
    const [a, b] = atOnce;
    const answers = await Promise.all([approve(a, CAP - 1_000_000), approve(b, CAP - 1_000_000)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.map(codeOf).filter(Boolean)).toEqual(['SUBSIDY_YEAR_CAP_EXCEEDED']);
  });
});
