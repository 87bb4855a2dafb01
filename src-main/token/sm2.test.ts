/**
 * SM2 through PKCS#11 end to end on the software SM2 token (native/p11-sm2): discovery, CMS per GM/T 0010 and Web
 * eID tokens signed by the token with the vendor mechanism its profile names, each checked by a second SM2
 * implementation (sm-crypto) and by OpenSSL, and the profile deciding whether the token hashes or is given SM3(Z‖M).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import { sm2 as smCrypto } from 'sm-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/contract/result';
import { sm2PublicKeyHex } from '@shared/certificate/sm2';
import { parseCertificate } from '@shared/certificate/parse';
import { pemToDer, toHex } from '@shared/encoding/bytes';
import { createSm2Token, type Sm2Token } from '../../tests/fixtures/sm2-token';
import { verifyCmsSignerSignature } from './formats/cms';
import { verifyWebEidAuthToken, webEidSignedData } from './formats/web-eid';
import { defaultProfilesDir } from './profiles';
import { TokenService, type TokenServiceOptions } from './token-service';

const run = promisify(execFile);
let tmp: string;
let token: Sm2Token;
let publicKey: string;
const services: TokenService[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tongban-sm2-'));
  token = await createSm2Token(path.join(tmp, 'token'));
  // The module reads its configuration at C_Initialize from this process's environment.
  process.env.P11_SM2_CONFIG = token.env.P11_SM2_CONFIG;
  publicKey = sm2PublicKeyHex(parseCertificate(pemToDer(token.certPem)).subjectPublicKeyInfoDer)!;
});
afterAll(async () => {
  services.forEach((s) => s.close());
  await rm(tmp, { recursive: true, force: true });
});

function makeService(opts: Partial<TokenServiceOptions> = {}): TokenService {
  const service = new TokenService({ env: { TONGBAN_PKCS11_MODULES: token.modulePath }, ...opts });
  services.push(service);
  return service;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** SignerInfo's signed attributes (re-tagged as the SET that was signed) and its SM2Signature. */
function signerParts(cms: Uint8Array): { signedAttributes: Uint8Array; signature: Uint8Array; oids: string[] } {
  const seq = (b: asn1js.AsnType | undefined) => (b as asn1js.Constructed).valueBlock.value;
  const signedData = seq(seq(seq(asn1js.fromBER(cms).result)[1])[0]);
  const signerInfo = seq(seq(signedData.at(-1))[0]);
  const signedAttributes = new Uint8Array(signerInfo[3]!.valueBeforeDecodeView);
  signedAttributes[0] = 0x31;
  const oidOf = (b: asn1js.AsnType | undefined) => (seq(b)[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  return {
    signedAttributes,
    signature: new Uint8Array((signerInfo[5] as asn1js.OctetString).valueBlock.valueHexView),
    oids: [oidOf(signerInfo[2]), oidOf(signerInfo[4])],
  };
}

async function opensslVerifies(message: Uint8Array, derSignature: Uint8Array): Promise<void> {
  const [m, s, k] = ['m.bin', 's.der', 'pub.pem'].map((f) => path.join(tmp, `${Math.random()}-${f}`)) as [string, string, string];
  await writeFile(m, message);
  await writeFile(s, derSignature);
  await run('openssl', ['x509', '-in', token.certPath, '-pubkey', '-noout', '-out', k]);
  const args = ['pkeyutl', '-verify', '-pubin', '-inkey', k, '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'];
  const { stdout } = await run('openssl', [...args, '-in', m, '-sigfile', s]);
  expect(stdout).toContain('Signature Verified Successfully');
}

describe('an SM2 key behind PKCS#11', () => {
  it('is listed like RSA and EC keys, with the USCC from its GM/T 0015 extension', async () => {
    const [cert] = value(await makeService().handle('list', {}));
    expect(cert).toMatchObject({
      tokenLabel: token.label,
      keyType: 'SM2',
      keyBits: 256,
      profile: 'jiangsu-ca',
      uscc: token.uscc,
      usccSource: 'gmt0015-2012-4.1.3',
      enterpriseName: token.enterpriseName,
      validity: 'valid',
    });
  });

  it('signs a CMS per GM/T 0010 that verifies here, in sm-crypto and in OpenSSL', async () => {
    const content = Buffer.from('{"uscc":"91320594MA1DM2T00E","name":"苏州国密示范科技有限公司"}');
    const { cms } = value(
      await makeService().handle('signCms', { cert: token.uscc, content: content.toString('base64'), pin: token.pin, requireUscc: true }),
    );
    const der = Buffer.from(cms, 'base64');
    expect(verifyCmsSignerSignature(der, content).certificate.keyType).toBe('SM2');
    const { signedAttributes, signature, oids } = signerParts(der);
    expect(oids).toEqual(['1.2.156.10197.1.401', '1.2.156.10197.1.501']);
    expect(smCrypto.doVerifySignature(Array.from(signedAttributes), toHex(signature), publicKey, { der: true, hash: true })).toBe(true);
    await opensslVerifies(signedAttributes, signature);
    // Another content does not verify against this signature.
    expect(() => verifyCmsSignerSignature(der, Buffer.from('{}'))).toThrow(/messageDigest/);
  });

  it('signs a Web eID token (algorithm SM2) bound to the origin and nonce', async () => {
    const nonce = 'n'.repeat(44);
    const origin = 'https://portal.example.cn';
    const auth = value(await makeService().handle('authenticate', { cert: token.uscc, origin, nonce, pin: token.pin }));
    expect(auth.algorithm).toBe('SM2');
    expect(verifyWebEidAuthToken(auth, { origin, nonce }).keyType).toBe('SM2');
    const raw = Buffer.from(auth.signature, 'base64');
    expect(raw).toHaveLength(64);
    expect(smCrypto.doVerifySignature(Array.from(webEidSignedData(origin, nonce)), raw.toString('hex'), publicKey, { hash: true })).toBe(true);
    expect(() => verifyWebEidAuthToken(auth, { origin: 'https://phish.example.cn', nonce })).toThrow(/does not verify/);
  });

  /** A copy of the profiles whose Jiangsu CA profile lists only the given SM2 mechanisms. */
  async function profilesWith(name: string, sm2: unknown[]): Promise<string> {
    const profilesDir = path.join(tmp, `profiles-${name}`);
    await cp(defaultProfilesDir, profilesDir, { recursive: true });
    const file = path.join(profilesDir, 'jiangsu-ca.json');
    const profile = JSON.parse(await readFile(file, 'utf8')) as { mechanisms: { SM2: unknown[] } };
    profile.mechanisms.SM2 = sm2;
    await writeFile(file, JSON.stringify(profile));
    return profilesDir;
  }

  it.each([
    ['gives the token SM3(Z‖M) when the profile says it expects the digest', '0x80008105'],
    ['takes a DER signature when the profile says the mechanism answers DER', '0x80008103'],
  ])('%s', async (_, mechanism) => {
    const shipped = JSON.parse(await readFile(path.join(defaultProfilesDir, 'jiangsu-ca.json'), 'utf8')) as {
      mechanisms: { SM2: { mechanism: string }[] };
    };
    const only = shipped.mechanisms.SM2.filter((m) => m.mechanism === mechanism);
    expect(only).toHaveLength(1);
    const content = Buffer.from(`signed with ${mechanism}`);
    const service = makeService({ profilesDir: await profilesWith(mechanism, only) });
    const { cms } = value(await service.handle('signCms', { cert: token.uscc, content: content.toString('base64'), pin: token.pin }));
    expect(verifyCmsSignerSignature(Buffer.from(cms, 'base64'), content).certificate.keyType).toBe('SM2');
  });

  it('fails plainly when the profile names only mechanisms the token lacks', async () => {
    const profilesDir = await profilesWith('none', [{ mechanism: '0x80009999', input: 'message' }]);
    const refused = await makeService({ profilesDir }).handle('signCms', { cert: token.uscc, content: 'e30=', pin: token.pin });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_KEY' } });
  });

  it('says a wrong PIN is wrong', async () => {
    const result = await makeService().handle('signCms', { cert: token.uscc, content: 'e30=', pin: '00000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
  });

  it('verifies what sm-crypto signs (the other direction)', () => {
    const keys = smCrypto.generateKeyPairHex();
    const message = new TextEncoder().encode('签名 both ways');
    const signature = smCrypto.doSignature(Array.from(message), keys.privateKey, { hash: true, publicKey: keys.publicKey });
    // verifyWith's SM2 path is verifySm2; sm-crypto's raw signature is r||s hex.
    return import('@shared/certificate/sm2').then(({ verifySm2 }) => {
      expect(verifySm2(keys.publicKey, message, Buffer.from(signature, 'hex'), 'raw')).toBe(true);
      expect(verifySm2(keys.publicKey, new TextEncoder().encode('other'), Buffer.from(signature, 'hex'), 'raw')).toBe(false);
    });
  });
});
