import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '@shared/certificate/parse';
import { toHex } from '@shared/encoding/bytes';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { createDetachedCms, verifyCmsSignerSignature } from './cms';
import { CMS_OID } from './cms-oids';
import { SignatureFormatError } from './errors';
import type { RawSigner } from './raw-signer';
import { children, parseCms, requireSigner } from './testing/asn1';
import { createIdentities, END_ENTITY, type Identities } from './testing/identities';
import { TestPki, type TestCa, type TestIdentity } from './testing/pki';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const hex = (data: Uint8Array) => toHex(data);

/** A submission as Tongban signs it: canonical JSON with Chinese text. */
const content = canonicalBytes({
  type: 'tongban.registration/v1',
  signedAt: '2026-03-01T16:00:00+08:00',
  idempotencyKey: '5f0b6c1e-8a4d-4f3b-9c2e-1d7a6b5c4e3f',
  enterprise: { name: '苏州星河智能科技有限公司', uscc: '91320594MA1MXK3R3C', address: '江苏省苏州市工业园区星湖街328号' },
  legalRepresentative: '张三',
  attachments: [{ requirement: 'businessLicence', sha256: 'ab'.repeat(32), size: 1024, mediaType: 'application/pdf' }],
});
const signingTime = new Date('2026-03-01T08:00:00.789Z');

let pki: TestPki;
let ids: Identities;

beforeAll(async () => {
  pki = await TestPki.create();
  ids = await createIdentities(pki);
});
afterAll(() => pki?.cleanup());

async function expectCode(promise: Promise<unknown> | (() => unknown), code: string) {
  const run = typeof promise === 'function' ? Promise.resolve().then(promise) : promise;
  await expect(run).rejects.toSatisfy((e: unknown) => e instanceof SignatureFormatError && e.code === code);
}

const cases = [
  { name: 'RSA-2048, UTF8String issuer', identity: () => ids.rsa, root: () => ids.jiangsuRoot },
  { name: 'EC P-256, BMPString issuer', identity: () => ids.ec, root: () => ids.suzhouRoot },
] as const;

describe.each(cases)('createDetachedCms — $name', ({ identity, root }) => {
  let id: TestIdentity;
  let ca: TestCa;
  let cms: Uint8Array;

  beforeAll(async () => {
    id = identity();
    ca = root();
    id.calls.length = 0;
    cms = await createDetachedCms({ certificate: id.certificate, content, signer: requireSigner(id.signer), signingTime });
  });

  it('passes openssl cms -verify against the root, over Chinese canonical JSON', async () => {
    expect(new TextDecoder().decode(content)).toContain('苏州星河智能科技有限公司');
    const result = await pki.cmsVerify(cms, content, ca);
    expect(result.stderr).toContain('CMS Verification successful');
    expect(result.code).toBe(0);
  });

  it('fails openssl verification when the content is altered, or against another root', async () => {
    const tampered = new TextEncoder().encode(new TextDecoder().decode(content).replace('张三', '李四'));
    const altered = await pki.cmsVerify(cms, tampered, ca);
    expect(altered.code).not.toBe(0);
    expect(altered.stderr).toMatch(/content verify error|digest/i);
    const otherRoot = ca === ids.jiangsuRoot ? ids.suzhouRoot : ids.jiangsuRoot;
    const foreign = await pki.cmsVerify(cms, content, otherRoot);
    expect(foreign.code).not.toBe(0);
    expect(foreign.stderr).toMatch(/unable to get local issuer certificate/);
  });

  it('is detached id-data SignedData v1 carrying the certificate verbatim', () => {
    const { signedData, signerInfo } = parseCms(cms);
    expect(signedData.version).toBe(1);
    expect(signedData.encapContentInfo.eContentType).toBe(CMS_OID.data);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signedData.digestAlgorithms.map((a) => a.algorithmId)).toEqual([CMS_OID.sha256]);
    expect(signedData.certificates).toHaveLength(1);
    expect(Buffer.from(cms).indexOf(Buffer.from(id.certificate))).toBeGreaterThan(0);
    expect(signerInfo.version).toBe(1);
    expect(signerInfo.digestAlgorithm.algorithmId).toBe(CMS_OID.sha256);
    expect(signerInfo.digestAlgorithm.algorithmParams).toBeUndefined();
  });

  it("identifies the signer by the certificate's own issuer and serial bytes", () => {
    const cert = parseCertificate(id.certificate);
    // issuerDer is a verbatim slice of the certificate (so copying it copies the CA's encoding)...
    expect(Buffer.from(id.certificate).indexOf(Buffer.from(cert.issuerDer))).toBeGreaterThan(0);
    const { signerInfo } = parseCms(cms);
    const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
    expect(sid).toBeInstanceOf(pkijs.IssuerAndSerialNumber);
    // ...and the SignerInfo carries exactly those bytes, Chinese string types included.
    expect(hex(new Uint8Array(sid.issuer.valueBeforeDecode))).toBe(hex(cert.issuerDer));
    expect(toHex(sid.serialNumber.valueBlock.valueHexView)).toBe(cert.serialNumberHex);
  });

  it('signs contentType, signingTime, messageDigest and signingCertificateV2, DER-sorted', () => {
    const { attributes, signerInfo } = parseCms(cms);
    expect([...attributes.keys()].sort()).toEqual(
      [CMS_OID.contentType, CMS_OID.messageDigest, CMS_OID.signingTime, CMS_OID.signingCertificateV2].sort(),
    );
    for (const values of attributes.values()) expect(values).toHaveLength(1);
    const [contentType] = attributes.get(CMS_OID.contentType)!;
    expect((contentType as asn1js.ObjectIdentifier).valueBlock.toString()).toBe(CMS_OID.data);
    const [time] = attributes.get(CMS_OID.signingTime)!;
    expect(time).toBeInstanceOf(asn1js.UTCTime);
    expect((time as asn1js.UTCTime).toDate().toISOString()).toBe('2026-03-01T08:00:00.000Z');
    const [digest] = attributes.get(CMS_OID.messageDigest)!;
    expect(hex((digest as asn1js.OctetString).valueBlock.valueHexView)).toBe(hex(sha256(content)));
    const encoded = signerInfo.signedAttrs!.attributes.map((a) => Buffer.from(a.toSchema().toBER()));
    expect(encoded).toEqual([...encoded].sort(Buffer.compare));
  });

  it('binds the certificate with an ESSCertIDv2 (default SHA-256, issuerSerial)', () => {
    const cert = parseCertificate(id.certificate);
    const [value] = parseCms(cms).attributes.get(CMS_OID.signingCertificateV2)!;
    const [certs, ...policies] = children(value);
    expect(policies).toHaveLength(0);
    const [essCertId, ...more] = children(certs);
    expect(more).toHaveLength(0);
    const [certHash, issuerSerial, ...rest] = children(essCertId);
    expect(rest).toHaveLength(0);
    // hashAlgorithm is omitted (DER leaves out a DEFAULT), so the first field is the hash itself.
    expect(certHash).toBeInstanceOf(asn1js.OctetString);
    expect(hex((certHash as asn1js.OctetString).valueBlock.valueHexView)).toBe(hex(sha256(id.certificate)));
    const [generalNames, serial] = children(issuerSerial);
    const [directoryName, ...otherNames] = children(generalNames);
    expect(otherNames).toHaveLength(0);
    expect(directoryName!.idBlock).toMatchObject({ tagClass: 3, tagNumber: 4, isConstructed: true });
    expect(hex(children(directoryName)[0]!.valueBeforeDecodeView)).toBe(hex(cert.issuerDer));
    expect(toHex((serial as asn1js.Integer).valueBlock.valueHexView)).toBe(cert.serialNumberHex);
  });

  it('signs the DER of the attributes as a SET and writes the right signature algorithm', () => {
    const { signerInfo, signedAttrsAsSet } = parseCms(cms);
    expect(id.calls).toHaveLength(1);
    const [call] = id.calls;
    expect(call!.message[0]).toBe(0x31);
    expect(hex(call!.message)).toBe(hex(signedAttrsAsSet));
    expect(hex(call!.digest)).toBe(hex(sha256(call!.message)));
    const algorithm = signerInfo.signatureAlgorithm;
    const signature = signerInfo.signature.valueBlock.valueHexView;
    if (id.signer!.keyType === 'RSA') {
      expect(algorithm.algorithmId).toBe(CMS_OID.sha256WithRSAEncryption);
      expect(algorithm.algorithmParams).toBeInstanceOf(asn1js.Null);
      expect(signature).toHaveLength(256);
    } else {
      expect(algorithm.algorithmId).toBe(CMS_OID.ecdsaWithSha256);
      expect(algorithm.algorithmParams).toBeUndefined();
      // ECDSA-Sig-Value: two minimal INTEGERs (a leading 00 only before a set top bit).
      const parsed = asn1js.fromBER(signature);
      expect(parsed.offset).toBe(signature.length);
      const ints = children(parsed.result);
      expect(ints).toHaveLength(2);
      for (const int of ints) {
        const v = (int as asn1js.Integer).valueBlock.valueHexView;
        if (v[0] === 0) expect(v[1]! & 0x80).toBe(0x80);
        expect(v.length).toBeLessThanOrEqual(33);
      }
    }
  });

  it('is what openssl reads back', async () => {
    const printed = await pki.cmsPrint(cms);
    expect(printed).toContain('eContent: <ABSENT>');
    expect(printed).toMatch(/object: signingTime[\s\S]*UTCTIME:Mar {2}1 08:00:00 2026 GMT/);
    expect(printed).toContain('object: messageDigest');
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).toContain('d.issuerAndSerialNumber');
  });

  it('passes its own self-check, which returns the signer and signingTime', () => {
    const verified = verifyCmsSignerSignature(cms, content);
    expect(hex(verified.certificate.der)).toBe(hex(id.certificate));
    expect(verified.signingTime.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(verified.certificate.subject.text).toMatch(/苏州|明德/);
  });

  it('self-check rejects altered content, an altered signature, and trailing bytes', async () => {
    await expectCode(() => verifyCmsSignerSignature(cms, content.subarray(1)), 'BAD_SIGNATURE');
    const badSignature = cms.slice();
    badSignature[badSignature.length - 5]! ^= 0x01; // the signature OCTET STRING ends the CMS
    await expectCode(() => verifyCmsSignerSignature(badSignature, content), 'BAD_SIGNATURE');
    expect((await pki.cmsVerify(badSignature, content, ca)).code).not.toBe(0);
    await expectCode(() => verifyCmsSignerSignature(Uint8Array.of(...cms, 0), content), 'BAD_CMS');
  });
});

describe('createDetachedCms — details', () => {
  it('writes GeneralizedTime from 2050 on, and openssl accepts it', async () => {
    const later = new Date('2051-06-30T12:34:56Z');
    const cms = await createDetachedCms({ certificate: ids.ec.certificate, content, signer: requireSigner(ids.ec.signer), signingTime: later });
    const [time] = parseCms(cms).attributes.get(CMS_OID.signingTime)!;
    expect(time).toBeInstanceOf(asn1js.GeneralizedTime);
    expect(verifyCmsSignerSignature(cms, content).signingTime.toISOString()).toBe('2051-06-30T12:34:56.000Z');
    expect((await pki.cmsVerify(cms, content, ids.suzhouRoot)).code).toBe(0);
  });

  it('defaults signingTime to now', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const cms = await createDetachedCms({ certificate: ids.rsa.certificate, content, signer: requireSigner(ids.rsa.signer) });
    const time = verifyCmsSignerSignature(cms, content).signingTime.getTime();
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  it('signs empty content and an EC P-384 key', async () => {
    const p384 = await pki.issue(ids.suzhouRoot, { keyType: 'EC384', subject: '/C=CN/O=苏州测试/CN=P-384', extensions: END_ENTITY.nonRepudiationOnly });
    const empty = new Uint8Array(0);
    const cms = await createDetachedCms({ certificate: p384.certificate, content: empty, signer: requireSigner(p384.signer) });
    expect(verifyCmsSignerSignature(cms, empty).certificate.keyBits).toBe(384);
    expect((await pki.cmsVerify(cms, empty, ids.suzhouRoot)).code).toBe(0);
  });

  it('refuses a signer of the other key type before signing (KEY_MISMATCH)', async () => {
    ids.ec.calls.length = 0;
    await expectCode(createDetachedCms({ certificate: ids.rsa.certificate, content, signer: requireSigner(ids.ec.signer) }), 'KEY_MISMATCH');
    expect(ids.ec.calls).toHaveLength(0);
  });

  it('refuses an SM2 certificate with an EC signer (KEY_MISMATCH): SM2 is not ECDSA (SM2 signing: src-main/token/sm2.test.ts)', async () => {
    const sm2 = await pki.issue(ids.jiangsuRoot, { keyType: 'SM2', subject: '/C=CN/O=国密测试/CN=SM2', extensions: END_ENTITY.nonRepudiationOnly });
    expect(parseCertificate(sm2.certificate).keyType).toBe('SM2');
    const signer: RawSigner = { keyType: 'EC', sign: () => Promise.reject(new Error('must not be called')) };
    await expectCode(createDetachedCms({ certificate: sm2.certificate, content, signer }), 'KEY_MISMATCH');
  });

  it('never returns a signature made with another key, or malformed (BAD_SIGNATURE)', async () => {
    // The token signed with the wrong key: e.g. a CKA_ID collision pairing a certificate with another key.
    await expectCode(createDetachedCms({ certificate: ids.ec.certificate, content, signer: requireSigner(ids.ecOther.signer) }), 'BAD_SIGNATURE');
    const truncated: RawSigner = { keyType: 'EC', sign: async (input) => (await requireSigner(ids.ec.signer).sign(input)).subarray(0, 63) };
    await expectCode(createDetachedCms({ certificate: ids.ec.certificate, content, signer: truncated }), 'BAD_SIGNATURE');
    const zeros: RawSigner = { keyType: 'RSA', sign: async () => new Uint8Array(256) };
    await expectCode(createDetachedCms({ certificate: ids.rsa.certificate, content, signer: zeros }), 'BAD_SIGNATURE');
  });
});

describe('openssl cms -verify: purpose and key usage (what the server verifier must know)', () => {
  it('rejects an EKU of clientAuth only under the default S/MIME purpose; -purpose any accepts it', async () => {
    const cms = await createDetachedCms({ certificate: ids.rsa.certificate, content, signer: requireSigner(ids.rsa.signer) });
    const strict = await pki.cmsVerify(cms, content, ids.jiangsuRoot, []);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('unsuitable certificate purpose');
    expect((await pki.cmsVerify(cms, content, ids.jiangsuRoot)).code).toBe(0);
  });

  it('accepts a nonRepudiation-only certificate without EKU even under the default purpose', async () => {
    const cms = await createDetachedCms({ certificate: ids.ec.certificate, content, signer: requireSigner(ids.ec.signer) });
    expect((await pki.cmsVerify(cms, content, ids.suzhouRoot, [])).code).toBe(0);
  });

  it('does not check key usage at all with -purpose any: an encryption-only certificate passes', async () => {
    const enc = await pki.issue(ids.jiangsuRoot, { keyType: 'RSA', subject: '/C=CN/O=加密证书/CN=加密', extensions: END_ENTITY.encipherOnly });
    const cms = await createDetachedCms({ certificate: enc.certificate, content, signer: requireSigner(enc.signer) });
    expect((await pki.cmsVerify(cms, content, ids.jiangsuRoot)).code).toBe(0);
    const strict = await pki.cmsVerify(cms, content, ids.jiangsuRoot, []);
    expect(strict.stderr).toContain('unsuitable certificate purpose');
  });
});
