/**
 * The self-check against CMS that are validly signed but wrong in one respect, side by side with what
 * `openssl cms -verify` (3.0) makes of them: where openssl is more lenient, the server's verifier must check
 * for itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerAndSerialBytes } from './certificate-fields';
import { verifyCmsSignerSignature } from './cms-verify';
import { oid, sequence, TAG, tlv } from './der';
import { SignatureFormatError } from './errors';
import { requireSigner } from './testing/asn1';
import { craftCms, type Flaws } from './testing/craft';
import { createIdentities, type Identities } from './testing/identities';
import { TestPki } from './testing/pki';

const content = new TextEncoder().encode('{"企业名称":"苏州星河智能科技有限公司"}');

let pki: TestPki;
let ids: Identities;

beforeAll(async () => {
  pki = await TestPki.create();
  ids = await createIdentities(pki);
});
afterAll(() => pki?.cleanup());

const craft = (flaws: Flaws) => craftCms(ids.rsa.certificate, content, requireSigner(ids.rsa.signer), flaws);
const opensslVerify = (cms: Uint8Array) => pki.cmsVerify(cms, content, ids.jiangsuRoot);

function selfCheckCode(cms: Uint8Array): string {
  try {
    verifyCmsSignerSignature(cms, content);
    return 'OK';
  } catch (e) {
    if (e instanceof SignatureFormatError) return e.code;
    throw e;
  }
}

/** The Jiangsu test root's name re-encoded with other string types (BMPString) or as forge garbles it. */
function jiangsuIssuer(encode: (text: string) => Uint8Array): Uint8Array {
  const rdn = (type: string, value: Uint8Array) => tlv(TAG.set, sequence(oid(type), value));
  return sequence(
    rdn('2.5.4.6', tlv(0x13, new TextEncoder().encode('CN'))),
    rdn('2.5.4.10', encode('江苏省电子商务服务中心有限责任公司')),
    rdn('2.5.4.3', encode('江苏CA测试根证书 (TEST)')),
  );
}
const bmpString = (text: string) => tlv(0x1e, Uint8Array.from(Buffer.from(text, 'utf16le').swap16()));
/** UTF-8 bytes read as Latin-1 and written again as UTF-8: what node-forge's PKCS#7 signer did. */
const garbled = (text: string) => tlv(0x0c, Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8'));

describe('verifyCmsSignerSignature against validly signed but flawed CMS', () => {
  it('accepts the crafted baseline, as openssl does (so the flaws below are the only difference)', async () => {
    const cms = await craft({});
    expect(selfCheckCode(cms)).toBe('OK');
    expect((await opensslVerify(cms)).code).toBe(0);
  });

  it.each([
    ['hashes another certificate', (): Flaws => ({ essHashOf: ids.ec.certificate }), 'BAD_SIGNATURE'],
    ['names another issuer', (): Flaws => ({ essIssuer: issuerAndSerialBytes(ids.ec.certificate).issuer }), 'BAD_SIGNATURE'],
    ['is missing', (): Flaws => ({ noEss: true }), 'BAD_CMS'],
  ])('rejects a signingCertificateV2 that %s, which openssl 3.0 does not check', async (_name, flaws, code) => {
    const cms = await craft(flaws());
    expect(selfCheckCode(cms)).toBe(code);
    expect((await opensslVerify(cms)).code).toBe(0);
  });

  it('rejects signed attributes out of DER order, which openssl 3.0 verifies as received', async () => {
    const cms = await craft({ reverseAttributes: true });
    expect(selfCheckCode(cms)).toBe('BAD_CMS');
    expect((await opensslVerify(cms)).code).toBe(0);
  });

  it('matches the signer by exact issuer bytes, where openssl compares names canonically', async () => {
    const ownIssuer = issuerAndSerialBytes(ids.rsa.certificate).issuer;
    const reencoded = jiangsuIssuer(bmpString);
    expect(Buffer.compare(Buffer.from(reencoded), Buffer.from(ownIssuer))).not.toBe(0);
    const cms = await craft({ sidIssuer: reencoded });
    expect(selfCheckCode(cms)).toBe('BAD_CMS');
    // openssl ignores the string type (UTF8String vs BMPString) when matching names...
    expect((await opensslVerify(cms)).code).toBe(0);
    // ...but not garbled text: this is how forge-made CMS failed.
    const forgeLike = await opensslVerify(await craft({ sidIssuer: jiangsuIssuer(garbled) }));
    expect(forgeLike.code).not.toBe(0);
    expect(forgeLike.stderr).toContain('signer certificate not found');
  });
});
