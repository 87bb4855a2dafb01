/**
 * Origin-bound CA login in the Web eID 1.0 token format (DESIGN.md decision 5, issue 3 point 6b;
 * https://github.com/web-eid/web-eid-system-architecture-doc). The key signs
 *
 *   SHA-256(origin as UTF-8) || SHA-256(nonce as UTF-8)        (64 bytes)
 *
 * with RS256 (RSASSA-PKCS1-v1_5, SHA-256), ES256 (ECDSA P-256, SHA-256; raw r||s as in JWS, 64 bytes) or, for the
 * SM2 keys Chinese CAs issue, `SM2` (SM3 with Z over the same 64 bytes, raw r||s; see the contract). Because
 * the origin is inside the signature, a token obtained by a phishing site is useless at the real one.
 */
import { OID } from '@shared/certificate/oids';
import type { CertificateInfo } from '@shared/certificate/parse';
import { authNonceSchema, authOrigin, webEidAuthTokenSchema, type WebEidAuthToken } from '@shared/contract/signing';
import { fromBase64, toBase64 } from '@shared/encoding/bytes';
import { concat } from './der';
import { SignatureFormatError } from './errors';
import { sha256, signingCertificate, signVerified, verifyWith, type RawSigner } from './raw-signer';

export const WEB_EID_FORMAT = 'web-eid:1.0';

/**
 * `scheme://authority` and at most one trailing "/": no path, query, fragment, user info or backslash (which URL
 * parsing would silently turn into a path). Web eID binds origins, and a URL with a path is a caller's mistake that
 * must not be papered over by signing some other string.
 */
const ORIGIN_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@\\\s]+\/?$/i;

/**
 * The origin as it is signed: `https://host[:port]` (or `http://` on loopback), serialised as a browser's
 * `location.origin` is (lowercase host, default port dropped, punycode), so the server's own serialisation of its
 * configured origin yields the same bytes. Throws BAD_ORIGIN.
 */
export function webEidOrigin(origin: string): string {
  if (typeof origin !== 'string' || !ORIGIN_SHAPE.test(origin)) {
    throw new SignatureFormatError('BAD_ORIGIN', `not an origin (scheme://host[:port], no path): ${JSON.stringify(origin)}`);
  }
  try {
    return authOrigin(origin);
  } catch (e) {
    throw new SignatureFormatError('BAD_ORIGIN', (e as Error).message, { cause: e });
  }
}

/** The challenge nonce, 44–128 characters. Throws BAD_NONCE. */
export function webEidNonce(nonce: string): string {
  if (!authNonceSchema.safeParse(nonce).success) {
    throw new SignatureFormatError('BAD_NONCE', 'the challenge nonce must have 44 to 128 characters');
  }
  return nonce;
}

/** The 64 bytes the key signs. Both inputs must already be valid (see webEidOrigin, webEidNonce). */
export function webEidSignedData(origin: string, nonce: string): Uint8Array {
  const utf8 = new TextEncoder();
  return concat([sha256(utf8.encode(origin)), sha256(utf8.encode(nonce))]);
}

export interface CreateWebEidAuthTokenInput {
  /** The signer certificate, DER. */
  certificate: Uint8Array;
  /** The relying party's origin, e.g. `https://tongban.example.cn` (a single trailing "/" is tolerated). */
  origin: string;
  /** The server's challenge nonce. */
  nonce: string;
  signer: RawSigner;
  /** Identifies the signing application, e.g. `https://tongban.cn/app/0.1.0`. */
  appVersion: string;
}

/** Throws SignatureFormatError: BAD_ORIGIN, BAD_NONCE, UNSUPPORTED_KEY, KEY_MISMATCH, BAD_SIGNATURE. */
export async function createWebEidAuthToken(input: CreateWebEidAuthTokenInput): Promise<WebEidAuthToken> {
  const origin = webEidOrigin(input.origin);
  const nonce = webEidNonce(input.nonce);
  const cert = signingCertificate(input.certificate, input.signer.keyType);
  const algorithm = jwsAlgorithm(cert);
  const signature = await signVerified(input.signer, cert, webEidSignedData(origin, nonce));
  const token = {
    unverifiedCertificate: toBase64(input.certificate),
    algorithm,
    signature: toBase64(signature),
    format: WEB_EID_FORMAT,
    appVersion: input.appVersion,
  };
  const parsed = webEidAuthTokenSchema.safeParse(token);
  if (!parsed.success) throw new SignatureFormatError('BAD_TOKEN', `token does not fit the contract: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Checks a token against the origin and nonce the verifier expects and returns the (still unverified: no chain,
 * validity or revocation check) certificate. The token service's self-check; the server does the same and then
 * validates the certificate against its trust roots. A token for another origin or nonce fails as BAD_SIGNATURE,
 * since both are only inside the signature. Throws SignatureFormatError: BAD_TOKEN, BAD_ORIGIN, BAD_NONCE,
 * UNSUPPORTED_KEY, BAD_SIGNATURE.
 */
export function verifyWebEidAuthToken(token: unknown, expected: { origin: string; nonce: string }): CertificateInfo {
  const origin = webEidOrigin(expected.origin);
  const nonce = webEidNonce(expected.nonce);
  const parsed = webEidAuthTokenSchema.safeParse(token);
  if (!parsed.success) throw new SignatureFormatError('BAD_TOKEN', `not a Web eID 1.0 token: ${parsed.error.message}`);
  const { unverifiedCertificate, algorithm, signature } = parsed.data;

  let cert: CertificateInfo;
  let signatureBytes: Uint8Array;
  try {
    cert = signingCertificate(fromBase64(unverifiedCertificate));
    signatureBytes = fromBase64(signature);
  } catch (e) {
    if (e instanceof SignatureFormatError) throw e;
    throw new SignatureFormatError('BAD_TOKEN', (e as Error).message, { cause: e });
  }
  // The algorithm is the token's claim; it must be the one the certificate's key implies (no algorithm confusion).
  if (jwsAlgorithm(cert) !== algorithm) {
    throw new SignatureFormatError('BAD_TOKEN', `algorithm ${algorithm} does not fit the certificate's ${cert.keyType} key`);
  }
  if (!verifyWith(cert, webEidSignedData(origin, nonce), signatureBytes, 'ieee-p1363')) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'the token signature does not verify for this origin and nonce');
  }
  return cert;
}

/** RS256 for RSA keys, ES256 for P-256 keys, SM2 for SM2 keys; other curves would need ES384/ES512, which Web eID
 *  1.0 tokens here do not use. */
function jwsAlgorithm(cert: CertificateInfo): WebEidAuthToken['algorithm'] {
  if (cert.keyType === 'RSA') return 'RS256';
  if (cert.keyType === 'EC' && cert.curve === OID.p256) return 'ES256';
  if (cert.keyType === 'SM2') return 'SM2';
  throw new SignatureFormatError('UNSUPPORTED_KEY', `no Web eID algorithm here for a ${cert.keyType} key on curve ${cert.curve ?? '-'}`);
}
