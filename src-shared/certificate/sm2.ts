/**
 * SM2 signatures (GM/T 0003) with SM3 (GM/T 0004) over certificate keys, for the token service's self-check and the
 * server. Node's OpenSSL does not verify SM2 signatures made with the default signer id (it leaves Z out), so this
 * goes through sm-crypto-v2, a maintained pure-TypeScript SM2; the tests cross-check it against sm-crypto and
 * `openssl pkeyutl`.
 *
 * Every SM2 signature here is over e = SM3(Z ‖ M), Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) with the default
 * ID 1234567812345678 (GM/T 0009 §5.2, which GM/T 0010 CMS and GM/T 0015 certificates use).
 */
import * as asn1js from 'asn1js';
import { sm2, sm3 } from 'sm-crypto-v2';
import { fromHex, toHex } from '../encoding/bytes';

export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** OIDs of GM/T 0006 used in certificates and CMS. */
export const SM_OID = {
  sm2Curve: '1.2.156.10197.1.301',
  /** GM/T 0010 names SM2 signing 1.2.156.10197.1.301.1 in SignerInfo; OpenSSL and most CAs write 501. */
  sm2Sign: '1.2.156.10197.1.301.1',
  sm2WithSm3: '1.2.156.10197.1.501',
  sm3: '1.2.156.10197.1.401',
} as const;

/** The uncompressed point 04‖x‖y of an SM2 SubjectPublicKeyInfo, as hex; null for anything else. */
export function sm2PublicKeyHex(spkiDer: Uint8Array): string | null {
  const parsed = asn1js.fromBER(spkiDer).result;
  if (!(parsed instanceof asn1js.Sequence)) return null;
  const [algorithm, key] = parsed.valueBlock.value;
  const curve = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value[1] : undefined;
  if (!(curve instanceof asn1js.ObjectIdentifier) || curve.valueBlock.toString() !== SM_OID.sm2Curve) return null;
  if (!(key instanceof asn1js.BitString)) return null;
  const point = key.valueBlock.valueHexView;
  return point.length === 65 && point[0] === 0x04 ? toHex(point) : null;
}

/** SM3(message). */
export function sm3Digest(message: Uint8Array): Uint8Array {
  return fromHex(sm3(message));
}

/** e = SM3(Z ‖ message): what a token given "the digest" signs (a profile's `input: digest` for SM2 keys). */
export function sm2SignedDigest(publicKeyHex: string, message: Uint8Array): Uint8Array {
  return fromHex(sm2.getHash(message, publicKeyHex, SM2_DEFAULT_USER_ID));
}

/**
 * Whether `signature` is the key's SM2 signature over `message` (SM3 with Z, default id). `raw` is r‖s, 32 bytes
 * each (PKCS#11, SKF); `der` is SM2Signature ::= SEQUENCE { r INTEGER, s INTEGER } (GM/T 0009, CMS, X.509).
 * False for anything malformed.
 */
export function verifySm2(
  publicKeyHex: string,
  message: Uint8Array,
  signature: Uint8Array,
  encoding: 'raw' | 'der',
): boolean {
  if (encoding === 'raw' && signature.length !== 64) return false;
  try {
    return sm2.doVerifySignature(message, toHex(signature), publicKeyHex, {
      der: encoding === 'der',
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
}

/**
 * Whether `certificateDer` carries an SM2-with-SM3 signature that the key in `issuerSpkiDer` made. Null when the
 * certificate is not signed with SM2 (the caller then checks it the usual way).
 */
export function verifySm2CertificateSignature(certificateDer: Uint8Array, issuerSpkiDer: Uint8Array): boolean | null {
  const parsed = asn1js.fromBER(certificateDer);
  if (parsed.offset !== certificateDer.length || !(parsed.result instanceof asn1js.Sequence)) return null;
  const [tbs, algorithm, value] = parsed.result.valueBlock.value;
  const oid = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value[0] : undefined;
  if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== SM_OID.sm2WithSm3) return null;
  const publicKey = sm2PublicKeyHex(issuerSpkiDer);
  if (!publicKey || !tbs || !(value instanceof asn1js.BitString)) return false;
  return verifySm2(publicKey, new Uint8Array(tbs.valueBeforeDecodeView), value.valueBlock.valueHexView, 'der');
}
