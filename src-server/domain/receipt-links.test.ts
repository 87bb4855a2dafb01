/**
 * "A new phone link replaces the old" holds when several are asked for at once (issue 17 item 13): on both
 * databases, six links created concurrently for one disbursement leave exactly one alive (PostgreSQL left four
 * before the disbursement's row lock).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { pdfBytes } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { tusUpload } from '../../tests/fixtures/server/uploads';

describeEachDatabase('phone receipt links created at once', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  it('leaves exactly one alive of six created concurrently, and it is one of those answered', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const admin = await e.admin();
    const application = await e.subsidyApplication(admin, { talents: 1 });
    await application.disbursementOpened();
    const base = `/api/enterprises/${e.enterpriseId}`;
    const disb = `${base}/disbursements/${application.id}`;
    const q = '?item=disbursement';
    const post = (url: string, payload: Record<string, unknown>) => h.call({ method: 'POST', url, token: admin.token, payload });
    const certificate = await tusUpload(h, { token: admin.token, item: 'disbursement' }, pdfBytes('employment certificate'));
    expect((await h.call({ method: 'PUT', url: `${disb}/talents/0/employment-certificate${q}`, token: admin.token, payload: { sha256: certificate.sha256 } })).statusCode).toBe(200);
    const account = (await post(`${base}/bank-accounts${q}`, { bankName: '中国工商银行', accountName: e.name, accountNumber: '1102 0205 0900 0012 3456', branchName: '苏州工业园区支行', cnapsCode: '102305002056' })).json() as { id: string };
    const contact = (await post(`${base}/finance-contacts${q}`, { name: '钱八', mobile: '13600001111', phone: '0512-66881234', email: 'f@example.com' })).json() as { id: string };
    expect((await h.call({ method: 'PUT', url: `${disb}/payee${q}`, token: admin.token, payload: { bankAccountId: account.id, contactId: contact.id } })).statusCode).toBe(200);
    expect((await h.call({ method: 'GET', url: `${disb}/receipt.pdf${q}`, token: admin.token })).statusCode).toBe(200);

    const answers = await Promise.all(Array.from({ length: 6 }, () => post(`${disb}/receipt-links${q}`, {})));
    expect(answers.map((r) => r.statusCode), answers[0]!.body).toEqual([200, 200, 200, 200, 200, 200]);
    const alive = await h.app.services.db
      .selectFrom('receipt_links')
      .select('id')
      .where('application_id', '=', application.id)
      .where('superseded_at', 'is', null)
      .where('used_at', 'is', null)
      .execute();
    expect(alive).toHaveLength(1);
    expect(answers.map((r) => (r.json() as { linkId: string }).linkId)).toContain(alive[0]!.id);
  });
});
