/**
 * Revoked keys at the routes (issue 17 item 3), on both databases: a key the CA revokes after registration stops
 * opening CA login (CRL from its CDP, re-read once the cached one's nextUpdate passed), and a key the CA's OCSP
 * responder (a real `openssl ocsp`) calls revoked cannot register an enterprise, nor sign a subsidy application.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { webEidToken, type TestSigner } from '../../tests/fixtures/server/pki';
import { freePort, serveCrl, startOcspResponder } from '../../tests/fixtures/server/revocation';
import { signedSubsidy, subsidyApplicationRequirements, subsidyPayload, subsidyTalentRequirements, talent, type Attachment } from '../../tests/fixtures/server/subsidy';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;

describeEachDatabase('revoked keys', (engine) => {
  let h: Harness;
  let dir: string;
  const stops: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    h = await createHarness(engine, { config: { revocationPolicy: 'strict' } });
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-revoked-'));
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function caLogin(signer: TestSigner) {
    const nonce = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json().nonce as string;
    return h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token: await webEidToken(signer, TEST_ORIGIN, nonce) } });
  }

  it('refuses a registration signed with a key the OCSP responder calls revoked, and one nobody answers for under the strict policy', async () => {
    const port = await freePort();
    const key = await pkiKey(h.pki, { cert: { ocspUrl: `http://127.0.0.1:${port}` } });
    const responder = await startOcspResponder(h.pki, 'jiangsu-ca', dir, port, [{ serial: key.signer.certificate.serialNumber, revoked: true }]);
    stops.push(responder.stop);
    await expect(h.scene.enterprise(key)).rejects.toThrow(/403.*CERT_REVOKED/);
    // No AIA, no CDP: under TONGBAN_REVOCATION_POLICY=strict nobody vouches for it.
    await expect(h.scene.enterprise(await pkiKey(h.pki))).rejects.toThrow(/503.*CERT_REVOCATION_UNKNOWN/);
  });

  it('lets support staff find a lost key by USCC, unbind its certificate and deactivate the account with a reason, audited; other roles and enterprises refused', async () => {
    // Keys the CA vouches for (an empty CRL), as the strict policy of this suite wants.
    const empty = await h.pki.crl('jiangsu-ca', [], new Date(h.clock.now().getTime() + 3600_000));
    const server = await serveCrl(() => empty);
    stops.push(server.stop);
    const e = await h.scene.enterprise(await pkiKey(h.pki, { cert: { crlUrl: server.url } }));
    const other = await h.scene.enterprise(await pkiKey(h.pki, { cert: { crlUrl: server.url } }));
    const admin = await e.admin();
    const fingerprint = createHash('sha256').update(e.signer.certDer).digest('hex');
    const base = `/api/staff/enterprises/${e.enterpriseId}/accounts/${admin.accountId}`;
    const support = await staffToken(h, 'support');
    const reviewerToken = await staffToken(h, 'reviewer');
    // The help desk finds the enterprise by its USCC: its accounts, masked mobiles and bound certificates; audited.
    const read = (token: string, uscc = e.uscc) => h.call({ method: 'GET', url: `/api/staff/key-accounts?uscc=${uscc}`, token });
    const seen = (await read(support)).json() as { enterprise: { id: string }; accounts: Array<{ id: string; username: string; mobile: string | null; certificates: Array<{ fingerprint: string }> }> };
    expect(seen.enterprise.id).toBe(e.enterpriseId);
    const seenAdmin = seen.accounts.find((a) => a.username === 'admin')!;
    expect([seenAdmin.id, seenAdmin.certificates.map((c) => c.fingerprint)]).toEqual([admin.accountId, [fingerprint]]);
    expect(seen.accounts.every((a) => a.mobile === null || /^1\d{2}\*{4}\d{4}$/.test(a.mobile))).toBe(true);
    expect([(await read(reviewerToken)).statusCode, codeOf(await read(reviewerToken))]).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await read(support, '91320594MA1L0C780J'))).toBe('NOT_FOUND');
    const reviewer = await h.call({ method: 'DELETE', url: `${base}/certificates/${fingerprint}`, token: reviewerToken });
    expect([reviewer.statusCode, codeOf(reviewer)]).toEqual([403, 'FORBIDDEN']);
    // The account id under another enterprise's id finds nothing.
    const elsewhere = await h.call({ method: 'PUT', url: `/api/staff/enterprises/${other.enterpriseId}/accounts/${admin.accountId}/status`, token: support, payload: { status: 'deactivated', reason: '客户来电：Key 遗失' } });
    expect([elsewhere.statusCode, codeOf(elsewhere)]).toEqual([404, 'NOT_FOUND']);

    expect((await h.call({ method: 'DELETE', url: `${base}/certificates/${fingerprint}`, token: support })).json()).toEqual({ ok: true });
    const unbound = await caLogin(e.signer);
    expect(codeOf(unbound)).toBe('CA_CERT_NOT_BOUND');
    const noReason = await h.call({ method: 'PUT', url: `${base}/status`, token: support, payload: { status: 'deactivated' } });
    expect(noReason.statusCode).toBe(400);
    const off = await h.call({ method: 'PUT', url: `${base}/status`, token: support, payload: { status: 'deactivated', reason: '客户来电：Key 遗失' } });
    expect(off.json()).toEqual({ id: admin.accountId, status: 'deactivated' });
    const session = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}`, token: admin.token });
    expect([session.statusCode, codeOf(session)]).toEqual([403, 'ACCOUNT_DEACTIVATED']);
    const audit = await h.app.services.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type', 'after_json'])
      .where('enterprise_id', '=', e.enterpriseId)
      .where('action', 'in', ['certificate.unbind', 'account.status', 'staff.key_accounts_read'])
      .execute();
    expect(audit.map(({ action, actor_type }) => ({ action, actor_type }))).toEqual(
      expect.arrayContaining([{ action: 'staff.key_accounts_read', actor_type: 'staff' }, { action: 'certificate.unbind', actor_type: 'staff' }, { action: 'account.status', actor_type: 'staff' }]),
    );
    expect(JSON.parse(audit.find((a) => a.action === 'account.status')!.after_json!)).toMatchObject({ status: 'deactivated', reason: '客户来电：Key 遗失' });
  }, 60_000);

  // Last: it moves the clock past the CRL's nextUpdate (staff sessions made before it expire).
  it('refuses CA login with a key the CA revoked after registration, once the CRL it published says so', async () => {
    let revoked: string[] = [];
    let crl: Uint8Array = new Uint8Array();
    const publish = async () => (crl = await h.pki.crl('jiangsu-ca', revoked, new Date(h.clock.now().getTime() + 3600_000)));
    const server = await serveCrl(() => crl);
    stops.push(server.stop);
    await publish();
    const key = await pkiKey(h.pki, { cert: { crlUrl: server.url } });
    const e = await h.scene.enterprise(key);
    const before = await caLogin(e.signer);
    expect(before.statusCode, before.body).toBe(200);

    // The key is lost; the CA revokes it and publishes a new CRL. The old one is used until its nextUpdate.
    revoked = [e.signer.certificate.serialNumber];
    await publish();
    h.clock.advance(3601);
    await publish();
    const after = await caLogin(e.signer);
    expect([after.statusCode, codeOf(after)]).toEqual([403, 'CERT_REVOKED']);
    expect(after.json().error.hint['zh-CN']).toContain('解除绑定');

    // A signature the server verifies later (a subsidy application) is refused too, before anything else is read.
    const admin = await e.admin();
    const base = `/api/enterprises/${e.enterpriseId}/subsidy-applications`;
    const draft = await h.call({ method: 'POST', url: `${base}?item=subsidy`, token: admin.token, payload: { form: {} } });
    const id = (draft.json() as { id: string }).id;
    const file = (requirement: string, n: number): Attachment => ({ requirement, sha256: n.toString(16).padStart(64, '0'), size: 1, mediaType: 'application/pdf' });
    const files = (r: Record<string, { required: string }>, from: number) => Object.keys(r).map((name, i) => file(name, from + i));
    const payload = subsidyPayload(e, id, { attachments: files(subsidyApplicationRequirements, 1), talents: [talent({ attachments: files(subsidyTalentRequirements, 100) })] });
    const submit = await h.call({ method: 'POST', url: `${base}/${id}/submit?item=subsidy`, token: admin.token, payload: await signedSubsidy(e.signer, payload) });
    expect([submit.statusCode, codeOf(submit)], submit.body).toEqual([403, 'CERT_REVOKED']);
  }, 60_000);
});
