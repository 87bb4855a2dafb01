import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecdsaRawToDer } from './ecdsa';
import { SignatureFormatError } from './errors';
import { sha256, verifyRawSignature } from './raw-signer';
import { requireSigner } from './testing/asn1';
import { createIdentities, END_ENTITY, type Identities } from './testing/identities';
import { TestPki } from './testing/pki';

const message = new TextEncoder().encode('签名测试 message');

let pki: TestPki;
let ids: Identities;

beforeAll(async () => {
  pki = await TestPki.create();
  ids = await createIdentities(pki);
});
afterAll(() => pki?.cleanup());

const signWith = (id: Identities['rsa']) => requireSigner(id.signer).sign({ message, digest: sha256(message) });

describe('verifyRawSignature', () => {
  it('accepts the RSA PKCS#1 v1.5 signature and nothing altered', async () => {
    const signature = await signWith(ids.rsa);
    expect(verifyRawSignature(ids.rsa.certificate, 'RSA', message, signature)).toBe(true);
    expect(verifyRawSignature(ids.rsa.certificate, 'RSA', message.subarray(1), signature)).toBe(false);
    const flipped = signature.slice();
    flipped[10]! ^= 1;
    expect(verifyRawSignature(ids.rsa.certificate, 'RSA', message, flipped)).toBe(false);
    expect(verifyRawSignature(ids.rsa.certificate, 'RSA', message, signature.subarray(1))).toBe(false);
  });

  it('accepts the raw r||s ECDSA signature, not its DER form, nor another key’s', async () => {
    const signature = await signWith(ids.ec);
    expect(signature).toHaveLength(64);
    expect(verifyRawSignature(ids.ec.certificate, 'EC', message, signature)).toBe(true);
    expect(verifyRawSignature(ids.ec.certificate, 'EC', message, ecdsaRawToDer(signature, 256))).toBe(false);
    expect(verifyRawSignature(ids.ecOther.certificate, 'EC', message, signature)).toBe(false);
    expect(verifyRawSignature(ids.ec.certificate, 'EC', message, new Uint8Array(64))).toBe(false);
  });

  it('throws on a key type that is not the certificate’s; an SM2 key is not an EC one', async () => {
    const signature = await signWith(ids.rsa);
    expect(() => verifyRawSignature(ids.rsa.certificate, 'EC', message, signature)).toThrow(
      expect.objectContaining({ code: 'KEY_MISMATCH' }),
    );
    const sm2 = await pki.issue(ids.jiangsuRoot, { keyType: 'SM2', subject: '/C=CN/CN=国密', extensions: END_ENTITY.nonRepudiationOnly });
    expect(() => verifyRawSignature(sm2.certificate, 'EC', message, signature)).toThrow(SignatureFormatError);
    expect(() => verifyRawSignature(sm2.certificate, 'EC', message, signature)).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH' }));
    // An RSA signature is no SM2 signature (and a malformed one is false, not an exception).
    expect(verifyRawSignature(sm2.certificate, 'SM2', message, signature)).toBe(false);
  });
});
