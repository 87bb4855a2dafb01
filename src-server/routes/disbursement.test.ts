/**
 * Disbursement and receipt end to end over HTTP (issue 7).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { openDisbursement, harnessWorld, createStaffAccount, type DisbursementWorld } from '../../tests/fixtures/server/disbursement';
import { submittedApplication } from '../../tests/fixtures/server/disbursement-apply';
import { activatedSession, registerEnterprise, staffToken, type RegisteredEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { captchaAnswer } from '../../tests/fixtures/server/store-reads';

describeEachDatabase('disbursement and receipt', (engine) => {
  let h: Harness;
  let world: DisbursementWorld;
  let staffAdmin: string;
  let a: RegisteredEnterprise;
  let adminA: string;

  beforeAll(async () => {
    h = await createHarness(engine);
    world = harnessWorld(h, (id) => captchaAnswer(h.app, id));
    staffAdmin = await staffToken(h, 'admin');
    a = await registerEnterprise(h, staffAdmin);
    adminA = (await activatedSession(h, a.uscc, 'admin', a.adminPassword)).token;
  });
  afterAll(() => h?.close());

  it('opens a disbursement through the fixture', async () => {
    const { applicationId } = await submittedApplication(h, a, adminA);
    const opened = await openDisbursement(world, { applicationId, adminToken: staffAdmin });
    expect(opened.receiptNumber).toMatch(/^TB\d{4}\d{6}$/);
    expect(opened.view).toMatchObject({ status: 'disbursement_pending', missing: ['employmentCertificate:0', 'employmentCertificate:1', 'bankAccount', 'contact'] });
    const finance2 = await createStaffAccount(world, staffAdmin);
    expect(finance2.token.length).toBeGreaterThan(20);
  });
});
