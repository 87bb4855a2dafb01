import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { login, lastSms } from '../../tests/fixtures/server/flows';
import { TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { testUscc, webEidToken, type TestSigner } from '../../tests/fixtures/server/pki';
import { licenceHarness } from '../../tests/fixtures/server/licence-harness';
import type { SimulatedLicenceService } from '../../tests/fixtures/server/simulated-licence';

const SECRET = 'test-elicence-secret-0123456789abcdef';
const MAIN = '91320594MA1X0E1C1D';
const UNKNOWN = testUscc(990_014);
const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
interface SessionAnswer {
  token: string;
  mustChangePassword: boolean;
  account: { id: string; enterpriseId: string; username: string; role: string };
}

/**
 * The card e-licence (issue 14 item 3) logs in like a CA key and lands on its enterprise's super; sessions opened by
 * the e-licence (card or QR) are not held to the initial password's change, which stays for the password login.
 */
describeEachDatabase('card e-licence login', (engine) => {
  let h: Harness;
  let sim: SimulatedLicenceService;

  beforeAll(async () => {
    const data = {
      persons: [{ personId: 'sim-person-legal-000001', name: '张伟', mobile: '13900140001' }],
      licences: [{ uscc: MAIN, name: '苏州执照示范科技有限公司', address: '苏州工业园区星湖街328号', legalRepresentative: { personId: 'sim-person-legal-000001', origin: 'mainland' as const } }],
    };
    ({ h, sim } = await licenceHarness(engine, data, SECRET));
  });
  afterAll(async () => {
    await h?.close();
    await sim?.close();
  });

  async function caLogin(signer: TestSigner) {
    const { nonce } = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json() as { nonce: string };
    return h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token: await webEidToken(signer, TEST_ORIGIN, nonce) } });
  }
  const card = (uscc: string) => h.pki.issue({ profile: 'elicence-card', keyType: 'EC', uscc, name: '苏州执照示范科技有限公司' });

  it('creates the enterprise seen first from the licence and lands on super, not held to the initial password; the password login still is', async () => {
    const res = await caLogin(await card(MAIN));
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json() as SessionAnswer;
    expect(session).toMatchObject({ mustChangePassword: false, account: { username: 'super', role: 'super' } });
    const enterprise = await h.app.services.db.selectFrom('enterprises').selectAll().where('uscc', '=', MAIN).executeTakeFirstOrThrow();
    expect(enterprise).toMatchObject({ id: session.account.enterpriseId, name: '苏州执照示范科技有限公司', legal_representative: '张伟', address: '苏州工业园区星湖街328号' });

    // A super-only route answers: the pending change does not gate a licence session, on any later request either.
    const persons = await h.call({ method: 'GET', url: `/api/enterprises/${enterprise.id}/elicence-persons`, token: session.token });
    expect(persons.statusCode, persons.body).toBe(200);
    const whoami = await h.call({ method: 'GET', url: '/api/auth/session', token: session.token });
    expect(whoami.json()).toMatchObject({ mustChangePassword: false });

    // The initial passwords went to the legal representative's mobile; with them, the password login must change it.
    const sms = await lastSms(h, '13900140001');
    const superPassword = /超级用户账号\(super\)，密码\(([^)]+)\)/.exec(sms)?.[1];
    expect(superPassword).toBeTruthy();
    const byPassword = await login(h, MAIN, 'super', superPassword!);
    expect(byPassword.statusCode, byPassword.body).toBe(200);
    const passwordSession = byPassword.json() as SessionAnswer;
    expect(passwordSession.mustChangePassword).toBe(true);
    expect(codeOf(await h.call({ method: 'GET', url: `/api/enterprises/${enterprise.id}/elicence-persons`, token: passwordSession.token }))).toBe('PASSWORD_CHANGE_REQUIRED');

    // The same card again, and the legal representative's QR licence, land on the same super of the same enterprise.
    const again = (await caLogin(await card(MAIN))).json() as SessionAnswer;
    expect(again.account.id).toBe(session.account.id);
    const qr = (await h.call({ method: 'POST', url: '/api/auth/elicence/logins', remoteAddress: '10.15.0.1' })).json() as { loginId: string; secret: string };
    const ticket = sim.ticketOf(qr.loginId)!;
    await sim.scan(ticket, 'sim-person-legal-000001', MAIN, 'legal');
    await sim.confirm(ticket);
    const polled = (await h.call({ method: 'POST', url: `/api/auth/elicence/logins/${qr.loginId}/state`, payload: { secret: qr.secret } })).json() as { session: SessionAnswer };
    expect(polled.session).toMatchObject({ mustChangePassword: false, account: { id: session.account.id } });
    const qrPersons = await h.call({ method: 'GET', url: `/api/enterprises/${enterprise.id}/elicence-persons`, token: polled.session.token });
    expect(qrPersons.statusCode, qrPersons.body).toBe(200);
    expect(await h.app.services.db.selectFrom('enterprises').select('id').where('uscc', '=', MAIN).execute()).toHaveLength(1);
  });

  it('refuses a card whose licence the service does not know, and creates nothing', async () => {
    expect(codeOf(await caLogin(await card(UNKNOWN)))).toBe('ELICENCE_CARD_UNKNOWN');
    expect(await h.app.services.db.selectFrom('enterprises').select('id').where('uscc', '=', UNKNOWN).executeTakeFirst()).toBeUndefined();
  });

  it('gives the landing only to the e-licence issuer: a CA key with the same USCC is an ordinary unbound key', async () => {
    const caKey = await h.pki.issue({ profile: 'jiangsu-ca', uscc: MAIN, newKey: true });
    expect(codeOf(await caLogin(caKey))).toBe('CA_CERT_NOT_BOUND');
  });
});
