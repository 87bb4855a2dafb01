/**
 * SM2 keys end to end on the server: an enterprise registers with a CMS its SM2 key signed (GM/T 0010, through the
 * software SM2 PKCS#11 token and the real token service), then logs in with a Web eID token from the same key; the
 * SM2 chain (SM2-with-SM3 certificates under an SM2 root) verifies, and what another key or content signed does not.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { ADDRESS, LEGAL_REPRESENTATIVE } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { importRegistry, registrationPayload, staffToken, uploadRegistrationScans, type TestEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { getTestPki } from '../../tests/fixtures/server/pki';
import { writeTrustDir } from '../../tests/fixtures/server/store-reads';
import { uploadTokenOf } from '../../tests/fixtures/server/uploads';
import { createSm2Token, sm2TokenSigner, type Sm2Token, type Sm2TokenSigner } from '../../tests/fixtures/sm2-token';

let tmp: string;
let token: Sm2Token;
let signer: Sm2TokenSigner;
let trustDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tongban-sm2-server-'));
  token = await createSm2Token(path.join(tmp, 'token'));
  signer = sm2TokenSigner(token);
  // The usual test roots plus the SM2 root, under the Jiangsu CA profile as that CA issues both.
  trustDir = await writeTrustDir(path.join(tmp, 'trust'), (await getTestPki()).roots);
  await mkdir(path.join(trustDir, token.profile), { recursive: true });
  await copyFile(token.rootPath, path.join(trustDir, token.profile, 'sm2-root.pem'));
});
afterAll(async () => {
  signer?.close();
  await rm(tmp, { recursive: true, force: true });
});

describeEachDatabase('SM2 keys', (engine) => {
  let h: Harness;
  let staff: string;
  beforeAll(async () => {
    h = await createHarness(engine, { config: { trustDir } });
    staff = await staffToken(h);
  });
  afterAll(() => h?.close());

  const enterprise = (): TestEnterprise => ({
    uscc: token.uscc,
    name: token.enterpriseName,
    legalRepresentative: LEGAL_REPRESENTATIVE,
    address: ADDRESS,
  });
  const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

  it('registers with an SM2-signed CMS, refuses it for other content, then logs in with an SM2 Web eID token', async () => {
    const e = enterprise();
    await importRegistry(h, staff, [e]);
    const attachments = await uploadRegistrationScans(h);
    const payload = registrationPayload(e, attachments);
    const cms = await signer.signCms(canonicalBytes(payload));
    const tampered = { ...payload, enterprise: { ...payload.enterprise, address: '别处' } };
    const refused = await h.call({ method: 'POST', url: '/api/registrations', payload: { payload: tampered, cms, uploadToken: uploadTokenOf(attachments) } });
    expect([refused.statusCode, codeOf(refused)]).toEqual([422, 'SIGNATURE_INVALID']);

    // The whole registration (confirmed by SMS) with the key, as the desktop does it.
    const registered = await h.scene.enterprise(
      { uscc: token.uscc, name: token.enterpriseName, caProfile: 'jiangsu-ca', sign: (bytes) => signer.signCms(bytes) },
      { inRegistry: false },
    );

    const nonce = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json().nonce as string;
    const auth = await signer.authenticate(TEST_ORIGIN, nonce);
    expect(auth.algorithm).toBe('SM2');
    const login = await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token: auth } });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json()).toMatchObject({ account: { username: 'admin', enterpriseId: registered.enterpriseId } });

    // Claiming ES256 for an SM2 key, or a token signed for another origin, is refused.
    const next = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json().nonce as string;
    const claimed = { ...(await signer.authenticate(TEST_ORIGIN, next)), algorithm: 'ES256' as const };
    expect(codeOf(await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce: next, token: claimed } }))).toBe('CA_TOKEN_INVALID');
    const other = (await h.call({ method: 'POST', url: '/api/auth/ca/challenge' })).json().nonce as string;
    const phished = await signer.authenticate('https://evil.example', other);
    expect(codeOf(await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce: other, token: phished } }))).toBe('CA_TOKEN_INVALID');
  });
});
