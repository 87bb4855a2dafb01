import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { newEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { webEidToken, type TestSigner } from '../../tests/fixtures/server/pki';
import { KEY_CHECKS_PER_KEY_HOUR } from './registration';

describeEachDatabase('registration key check (step 2: already registered?)', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

  async function check(signer: TestSigner, opts: { origin?: string } = {}) {
    const { nonce } = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json() as { nonce: string };
    const token = await webEidToken(signer, opts.origin ?? TEST_ORIGIN, nonce);
    return { nonce, token, res: await h.call({ method: 'POST', url: '/api/registrations/key-check', payload: { nonce, token } }) };
  }

  it('tells the holder of a registered enterprise’s key that it is registered, and a new one’s that it is not', async () => {
    const registered = await h.scene.enterprise(await pkiKey(h.pki));
    const again = await h.pki.issue({ uscc: registered.uscc, name: registered.name });
    const first = (await check(again)).res;
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ uscc: registered.uscc, registered: true });

    const fresh = newEnterprise();
    const res = (await check(await h.pki.issue({ uscc: fresh.uscc, name: fresh.name }))).res;
    expect(res.json()).toEqual({ uscc: fresh.uscc, registered: false });
  });

  it('answers only to a proof of possession: a spent nonce, another origin, an untrusted or USCC-less certificate are refused', async () => {
    const e = newEnterprise();
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const { nonce, token } = await check(signer);
    const replay = await h.call({ method: 'POST', url: '/api/registrations/key-check', payload: { nonce, token } });
    expect([replay.statusCode, codeOf(replay)]).toEqual([401, 'CA_NONCE_INVALID']);
    expect(codeOf((await check(signer, { origin: 'https://evil.example' })).res)).toBe('CA_TOKEN_INVALID');
    expect(codeOf((await check(await h.pki.issue({ uscc: e.uscc, profile: 'untrusted' }))).res)).toBe('CERT_UNTRUSTED');
    expect(codeOf((await check(await h.pki.issue({ uscc: null }))).res)).toBe('CERT_NO_USCC');
  });

  it('is throttled per key', async () => {
    const e = newEnterprise();
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    for (let i = 0; i < KEY_CHECKS_PER_KEY_HOUR; i++) expect((await check(signer)).res.statusCode).toBe(200);
    const over = (await check(signer)).res;
    expect([over.statusCode, codeOf(over)]).toEqual([429, 'RATE_LIMITED']);
    // Another key from the same address is still answered.
    const other = newEnterprise();
    expect((await check(await h.pki.issue({ uscc: other.uscc, name: other.name }))).res.statusCode).toBe(200);
  });
});
