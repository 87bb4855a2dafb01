/**
 * SM2 on the server's own terms: the chain check takes SM2-with-SM3 certificate signatures (with Z, as every
 * Chinese CA and OpenSSL make them) and refuses a look-alike root's, and the CMS check refuses an SM2 signature that
 * was altered. Signatures come from the software SM2 token through the real token service.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '@shared/certificate/parse';
import { verifySm2CertificateSignature } from '@shared/certificate/sm2';
import { pemToDer } from '@shared/encoding/bytes';
import { createSm2Token, sm2TokenSigner, type Sm2Token, type Sm2TokenSigner } from '../../tests/fixtures/sm2-token';
import { ApiError } from '../http/api-error';
import { verifyCertificate } from './chain';
import { verifyDetachedCms } from './cms';
import type { TrustStore } from './trust-store';

let tmp: string;
let token: Sm2Token;
let lookalike: Sm2Token;
let signer: Sm2TokenSigner;
const trustOf = (t: Sm2Token): TrustStore => ({ anchors: [{ profile: t.profile, certificate: new X509Certificate(t.rootPem) }] });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof ApiError ? e.code : String(e);
  }
};

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tongban-sm2-pki-'));
  // Two SM2 roots with the same name and different keys, as a forger would make.
  [token, lookalike] = await Promise.all([createSm2Token(path.join(tmp, 'a')), createSm2Token(path.join(tmp, 'b'))]);
  signer = sm2TokenSigner(token);
});
afterAll(async () => {
  signer?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('SM2 chain', () => {
  it('chains an SM2 certificate to its SM2 root, and not to a root that only has the same name', () => {
    const verified = verifyCertificate(pemToDer(token.certPem), [], trustOf(token), new Date(), 'sign');
    expect(verified).toMatchObject({ profile: 'jiangsu-ca', info: { keyType: 'SM2', uscc: { value: token.uscc } } });
    expect(codeOf(() => verifyCertificate(pemToDer(lookalike.certPem), [], trustOf(token), new Date(), 'sign'))).toBe('CERT_UNTRUSTED');
  });

  it('checks the SM2 certificate signature itself (names and key identifiers alone prove nothing)', () => {
    const spki = (t: Sm2Token) => parseCertificate(pemToDer(t.rootPem)).subjectPublicKeyInfoDer;
    expect(verifySm2CertificateSignature(pemToDer(token.certPem), spki(token))).toBe(true);
    expect(verifySm2CertificateSignature(pemToDer(token.certPem), spki(lookalike))).toBe(false);
    const altered = pemToDer(token.certPem).slice();
    altered[altered.length - 1]! ^= 0x01;
    expect(verifySm2CertificateSignature(altered, spki(token))).toBe(false);
  });
});

describe('SM2 CMS', () => {
  it('verifies the token’s CMS and refuses it with one signature byte changed', async () => {
    const content = new TextEncoder().encode('{"a":1}');
    const cms = Buffer.from(await signer.signCms(content), 'base64');
    const verified = await verifyDetachedCms(cms, content);
    expect(Buffer.from(verified.signerCertificateDer).equals(Buffer.from(pemToDer(token.certPem)))).toBe(true);
    // The signature is the last element: SM2Signature's s ends the CMS.
    const altered = Buffer.from(cms);
    altered[altered.length - 1]! ^= 0x01;
    await expect(verifyDetachedCms(altered, content)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(verifyDetachedCms(cms, new TextEncoder().encode('{"a":2}'))).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });
});
