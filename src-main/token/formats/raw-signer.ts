/**
 * The seam between the signature formats and the token: formats build the bytes to sign, the token signs them
 * through a RawSigner, and nothing leaves this layer unless it verifies against the certificate (DESIGN.md
 * decision 5: a token that signs with the wrong key, or returns garbage, is caught here, not on the server).
 */
import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { OID } from '@shared/certificate/oids';
import { parseCertificate as parseUncached, type CertificateInfo } from '@shared/certificate/parse';
import { sm2PublicKeyHex, sm2SignedDigest, verifySm2 } from '@shared/certificate/sm2';
import { ecdsaScalarLength } from './ecdsa';
import { SignatureFormatError } from './errors';
import { memoizeByContent } from './memo';

/** What the token does: sign `input` with the key of `certificate`. For RSA the token is given the DigestInfo-free
 *  message and uses CKM_SHA256_RSA_PKCS (or the caller falls back to CKM_RSA_PKCS over DigestInfo — that is the token
 *  layer's business); for EC it receives the SHA-256 DIGEST and returns raw r||s (PKCS#11 CKM_ECDSA output). For SM2
 *  the token either hashes the message itself (SM3 with Z) or is given `digest` = SM3(Z ‖ message), as its profile
 *  says, and returns raw r||s. */
export interface RawSigner {
  keyType: 'RSA' | 'EC' | 'SM2';
  /** RSA: PKCS#1 v1.5 signature over SHA-256(message). EC: raw r||s over the 32-byte SHA-256 `digest`. SM2: raw
   *  r||s over SM3(Z ‖ message), which is `digest`. */
  sign(input: { message: Uint8Array; digest: Uint8Array }): Promise<Uint8Array>;
}

export type SigningKeyType = RawSigner['keyType'];

export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

const parseCertificate = memoizeByContent(parseUncached);

/** EC curves whose keys sign with SHA-256 here. P-384 is allowed for CMS; Web eID ES256 demands P-256. */
const EC_CURVES: ReadonlySet<string> = new Set([OID.p256, OID.p384]);

/**
 * Parses the certificate and checks its key is one this layer can sign with (and, if given, is of `keyType`).
 * Throws UNSUPPORTED_KEY (RSA-PSS, other curves) or KEY_MISMATCH.
 */
export function signingCertificate(der: Uint8Array, keyType?: SigningKeyType): CertificateInfo {
  const cert = parseCertificate(der);
  const supported =
    cert.keyType === 'RSA' || (cert.keyType === 'EC' && EC_CURVES.has(cert.curve ?? '')) || (cert.keyType === 'SM2' && sm2Key(cert) !== null);
  if (!supported) {
    throw new SignatureFormatError('UNSUPPORTED_KEY', `cannot sign with a ${cert.keyType} key (curve ${cert.curve ?? '-'})`);
  }
  if (keyType && cert.keyType !== keyType) {
    throw new SignatureFormatError('KEY_MISMATCH', `the signer is ${keyType} but the certificate's key is ${cert.keyType}`);
  }
  return cert;
}

/**
 * Whether `signature` is the certificate key's signature over `message` with SHA-256: RSASSA-PKCS1-v1_5 for RSA,
 * raw r||s ECDSA (PKCS#11 / JWS form) for EC; for SM2 raw r||s with SM3 and Z. False for any malformed signature; throws only for an unusable
 * certificate or a key type that is not the certificate's.
 */
export function verifyRawSignature(
  certificate: Uint8Array,
  keyType: SigningKeyType,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  return verifyWith(signingCertificate(certificate, keyType), message, signature, 'ieee-p1363');
}

/** Certificates come from a memoised parse, so their key objects can be kept with them. */
const publicKeys = new WeakMap<CertificateInfo, KeyObject>();
function publicKeyOf(cert: CertificateInfo): KeyObject {
  let key = publicKeys.get(cert);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(cert.subjectPublicKeyInfoDer), format: 'der', type: 'spki' });
    publicKeys.set(cert, key);
  }
  return key;
}

/** The SM2 public point (hex) of a certificate, or null when it is not an SM2 key. */
function sm2Key(cert: CertificateInfo): string | null {
  return cert.keyType === 'SM2' ? sm2PublicKeyHex(cert.subjectPublicKeyInfoDer) : null;
}

/** What a token given "the digest" signs: SHA-256(message), or for SM2 keys SM3(Z ‖ message). */
export function signedDigest(cert: CertificateInfo, message: Uint8Array): Uint8Array {
  const sm2 = sm2Key(cert);
  return sm2 ? sm2SignedDigest(sm2, message) : sha256(message);
}

/** Shared by the raw check and the CMS check, which carries ECDSA and SM2 signatures in DER. */
export function verifyWith(
  cert: CertificateInfo,
  message: Uint8Array,
  signature: Uint8Array,
  ecEncoding: 'ieee-p1363' | 'der',
): boolean {
  const sm2 = sm2Key(cert);
  if (sm2) return verifySm2(sm2, message, signature, ecEncoding === 'der' ? 'der' : 'raw');
  const key = publicKeyOf(cert);
  if (cert.keyType === 'EC') {
    // r||s has one exact size for the curve; anything else is not a signature from this key.
    if (ecEncoding === 'ieee-p1363' && signature.length !== 2 * ecdsaScalarLength(cert.keyBits)) return false;
    try {
      return cryptoVerify('sha256', message, { key, dsaEncoding: ecEncoding }, signature);
    } catch {
      return false;
    }
  }
  try {
    return cryptoVerify('sha256', message, key, signature);
  } catch {
    return false;
  }
}

/**
 * Has the token sign `message` and returns its signature (raw r||s for EC) only if it verifies against the
 * certificate. The signer gets copies, so it cannot alter the bytes this layer goes on to use.
 */
export async function signVerified(signer: RawSigner, cert: CertificateInfo, message: Uint8Array): Promise<Uint8Array> {
  const signature = await signer.sign({ message: message.slice(), digest: signedDigest(cert, message) });
  if (!verifyWith(cert, message, signature, 'ieee-p1363')) {
    throw new SignatureFormatError(
      'BAD_SIGNATURE',
      `the token's ${cert.keyType} signature does not verify against certificate ${cert.serialNumberHex}`,
    );
  }
  return signature;
}
