import { createHash, verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webEidAuthTokenSchema, type WebEidAuthToken } from '@shared/contract/signing';
import { fromBase64, toBase64, toHex } from '@shared/encoding/bytes';
import { SignatureFormatError } from './errors';
import { requireSigner } from './testing/asn1';
import { createIdentities, END_ENTITY, type Identities } from './testing/identities';
import { TestPki, type TestIdentity } from './testing/pki';
import { createWebEidAuthToken, verifyWebEidAuthToken, webEidOrigin, webEidSignedData } from './web-eid';

const ORIGIN = 'https://tongban.example.cn';
const NONCE = 'x3Wq1c9ZrGJc1d1iAqZ1cvN0Rm7VQ8JkYpXo2lLrD5s='; // 44 characters, as base64 of 32 bytes is
const APP_VERSION = 'https://tongban.cn/app/0.1.0';

let pki: TestPki;
let ids: Identities;

beforeAll(async () => {
  pki = await TestPki.create();
  ids = await createIdentities(pki);
});
afterAll(() => pki?.cleanup());

function expectCode(run: () => unknown, code: string): Promise<void> {
  return expect(Promise.resolve().then(run)).rejects.toSatisfy(
    (e: unknown) => e instanceof SignatureFormatError && e.code === code,
  );
}

/** The signed data, computed here independently of web-eid.ts. */
function expectedSignedData(origin: string, nonce: string): Buffer {
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return Buffer.concat([h(origin), h(nonce)]);
}

function create(id: TestIdentity, overrides: { origin?: string; nonce?: string } = {}) {
  return createWebEidAuthToken({
    certificate: id.certificate,
    origin: overrides.origin ?? ORIGIN,
    nonce: overrides.nonce ?? NONCE,
    signer: requireSigner(id.signer),
    appVersion: APP_VERSION,
  });
}

describe('createWebEidAuthToken', () => {
  it('RS256: the Web eID 1.0 fields, signed over SHA-256(origin) || SHA-256(nonce)', async () => {
    ids.rsa.calls.length = 0;
    const token = await create(ids.rsa);
    expect(webEidAuthTokenSchema.parse(token)).toEqual(token);
    expect(Object.keys(token).sort()).toEqual(['algorithm', 'appVersion', 'format', 'signature', 'unverifiedCertificate']);
    expect(token).toMatchObject({ algorithm: 'RS256', format: 'web-eid:1.0', appVersion: APP_VERSION });
    expect(toHex(fromBase64(token.unverifiedCertificate))).toBe(toHex(ids.rsa.certificate));
    const data = expectedSignedData(ORIGIN, NONCE);
    expect(data).toHaveLength(64);
    expect(toHex(ids.rsa.calls[0]!.message)).toBe(data.toString('hex'));
    const key = new X509Certificate(fromBase64(token.unverifiedCertificate)).publicKey;
    expect(verify('sha256', data, key, fromBase64(token.signature))).toBe(true);
    expect(verifyWebEidAuthToken(token, { origin: ORIGIN, nonce: NONCE }).subject.text).toContain('苏州星河智能科技有限公司');
  });

  it('ES256: a 64-byte raw r||s signature over the same data', async () => {
    ids.ec.calls.length = 0;
    const token = await create(ids.ec);
    expect(token.algorithm).toBe('ES256');
    const signature = fromBase64(token.signature);
    expect(signature).toHaveLength(64);
    // The token was handed the digest of the signed data, as CKM_ECDSA needs.
    expect(toHex(ids.ec.calls[0]!.digest)).toBe(createHash('sha256').update(expectedSignedData(ORIGIN, NONCE)).digest('hex'));
    const key = new X509Certificate(ids.ec.certificate).publicKey;
    const data = expectedSignedData(ORIGIN, NONCE);
    expect(verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(verifyWebEidAuthToken(token, { origin: ORIGIN, nonce: NONCE }).keyType).toBe('EC');
  });

  it('signs the origin without the tolerated trailing slash', async () => {
    const token = await create(ids.ec, { origin: `${ORIGIN}/` });
    expect(() => verifyWebEidAuthToken(token, { origin: ORIGIN, nonce: NONCE })).not.toThrow();
  });

  it('accepts nonces of exactly 44 and 128 characters', async () => {
    for (const nonce of ['a'.repeat(44), 'b'.repeat(128)]) {
      const token = await create(ids.rsa, { nonce });
      expect(() => verifyWebEidAuthToken(token, { origin: ORIGIN, nonce })).not.toThrow();
    }
  });

  it.each([
    ['a path', `${ORIGIN}/login`],
    ['a path after a slash', `${ORIGIN}//`],
    ['a query', `${ORIGIN}/?next=/`],
    ['an empty query', `${ORIGIN}?`],
    ['a fragment', `${ORIGIN}#x`],
    ['user info', 'https://user:pw@tongban.example.cn'],
    ['a backslash', 'https://tongban.example.cn\\'],
    ['plain http', 'http://tongban.example.cn'],
    ['http on a non-loopback address', 'http://192.168.1.10:8080'],
    ['another scheme', 'wss://tongban.example.cn'],
    ['no scheme', 'tongban.example.cn'],
    ['a bad port', 'https://tongban.example.cn:99999'],
    ['an empty string', ''],
    ['surrounding space', ` ${ORIGIN}`],
  ])('rejects an origin with %s (BAD_ORIGIN) before signing', async (_name, origin) => {
    ids.rsa.calls.length = 0;
    await expectCode(() => create(ids.rsa, { origin }), 'BAD_ORIGIN');
    expect(ids.rsa.calls).toHaveLength(0);
  });

  it.each([
    ['43 characters', 'n'.repeat(43)],
    ['129 characters', 'n'.repeat(129)],
    ['an empty string', ''],
  ])('rejects a nonce of %s (BAD_NONCE) before signing', async (_name, nonce) => {
    ids.rsa.calls.length = 0;
    await expectCode(() => create(ids.rsa, { nonce }), 'BAD_NONCE');
    expect(ids.rsa.calls).toHaveLength(0);
  });

  it('refuses a P-384 key, which ES256 cannot express (UNSUPPORTED_KEY)', async () => {
    const p384 = await pki.issue(ids.suzhouRoot, { keyType: 'EC384', subject: '/C=CN/CN=P-384', extensions: END_ENTITY.nonRepudiationOnly });
    await expectCode(() => create(p384), 'UNSUPPORTED_KEY');
  });

  it('never returns a token signed by another key (BAD_SIGNATURE)', async () => {
    const wrongKey = createWebEidAuthToken({
      certificate: ids.ec.certificate,
      origin: ORIGIN,
      nonce: NONCE,
      signer: requireSigner(ids.ecOther.signer),
      appVersion: APP_VERSION,
    });
    await expectCode(() => wrongKey, 'BAD_SIGNATURE');
  });
});

describe('webEidOrigin', () => {
  it.each([
    ['https://tongban.example.cn', 'https://tongban.example.cn'],
    ['https://tongban.example.cn/', 'https://tongban.example.cn'],
    ['https://Tongban.Example.CN:443', 'https://tongban.example.cn'],
    ['https://tongban.example.cn:8443', 'https://tongban.example.cn:8443'],
    ['https://通办.中国', 'https://xn--wfrt44l.xn--fiqs8s'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://[::1]:8080/', 'http://[::1]:8080'],
  ])('%s is signed as %s', (input, origin) => {
    expect(webEidOrigin(input)).toBe(origin);
  });
});

describe('verifyWebEidAuthToken', () => {
  let rsaToken: WebEidAuthToken;
  let ecToken: WebEidAuthToken;

  beforeAll(async () => {
    [rsaToken, ecToken] = await Promise.all([create(ids.rsa), create(ids.ec)]);
  });

  it.each([
    ['another host', { origin: 'https://evil.example.cn', nonce: NONCE }],
    ['another port', { origin: `${ORIGIN}:8443`, nonce: NONCE }],
    ['another nonce', { origin: ORIGIN, nonce: `${NONCE.slice(0, -2)}A=` }],
  ])('rejects a token checked against %s (BAD_SIGNATURE)', async (_name, expected) => {
    await expectCode(() => verifyWebEidAuthToken(rsaToken, expected), 'BAD_SIGNATURE');
    await expectCode(() => verifyWebEidAuthToken(ecToken, expected), 'BAD_SIGNATURE');
  });

  it('rejects a certificate swapped for another one (BAD_SIGNATURE)', async () => {
    const swapped = { ...ecToken, unverifiedCertificate: toBase64(ids.ecOther.certificate) };
    await expectCode(() => verifyWebEidAuthToken(swapped, { origin: ORIGIN, nonce: NONCE }), 'BAD_SIGNATURE');
  });

  it('rejects an algorithm that does not fit the key, and malformed tokens (BAD_TOKEN)', async () => {
    const expected = { origin: ORIGIN, nonce: NONCE };
    await expectCode(() => verifyWebEidAuthToken({ ...rsaToken, algorithm: 'ES256' }, expected), 'BAD_TOKEN');
    await expectCode(() => verifyWebEidAuthToken({ ...ecToken, algorithm: 'RS256' }, expected), 'BAD_TOKEN');
    await expectCode(() => verifyWebEidAuthToken({ ...ecToken, format: 'web-eid:1.1' }, expected), 'BAD_TOKEN');
    await expectCode(() => verifyWebEidAuthToken({ ...ecToken, unverifiedCertificate: 'bm90IGEgY2VydA==' }, expected), 'BAD_TOKEN');
    await expectCode(() => verifyWebEidAuthToken('{}', expected), 'BAD_TOKEN');
  });

  it('rejects a DER-encoded ES256 signature: JWS wants raw r||s (BAD_SIGNATURE)', async () => {
    const raw = fromBase64(ecToken.signature);
    const { ecdsaRawToDer } = await import('./ecdsa');
    const derToken = { ...ecToken, signature: toBase64(ecdsaRawToDer(raw, 256)) };
    await expectCode(() => verifyWebEidAuthToken(derToken, { origin: ORIGIN, nonce: NONCE }), 'BAD_SIGNATURE');
  });

  it('checks its own arguments (BAD_ORIGIN, BAD_NONCE)', async () => {
    await expectCode(() => verifyWebEidAuthToken(rsaToken, { origin: `${ORIGIN}/login`, nonce: NONCE }), 'BAD_ORIGIN');
    await expectCode(() => verifyWebEidAuthToken(rsaToken, { origin: ORIGIN, nonce: 'short' }), 'BAD_NONCE');
  });

  it('computes the same signed data as the independent reference', () => {
    expect(Buffer.from(webEidSignedData('https://通办.example', '随机数'.repeat(15))).toString('hex')).toBe(
      expectedSignedData('https://通办.example', '随机数'.repeat(15)).toString('hex'),
    );
  });
});
