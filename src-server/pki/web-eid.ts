/**
 * Web eID 1.0 authentication token check (https://github.com/web-eid/web-eid-system-architecture-doc): the key
 * signed SHA-256(origin) ‖ SHA-256(nonce) with RS256 (RSASSA-PKCS1-v1_5 over SHA-256), ES256 (ECDSA P-256,
 * raw r‖s) or SM2 (SM3 with Z, default signer id, raw r‖s; checked with sm-crypto-v2, as Node cannot). The origin is this server's configured public origin, so a token phished by another site does not
 * verify here.
 */
import { createHash, verify, type KeyObject } from 'node:crypto';
import { sm2PublicKeyHex, verifySm2 } from '@shared/certificate/sm2';
import type { WebEidAuthToken } from '@shared/contract/signing';
import { ApiError } from '../http/api-error';

export function webEidSignedData(origin: string, nonce: string): Buffer {
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return Buffer.concat([h(origin), h(nonce)]);
}

export function checkWebEidSignature(
  token: WebEidAuthToken,
  publicKey: KeyObject,
  origin: string,
  nonce: string,
): void {
  const signature = Buffer.from(token.signature, 'base64');
  // Node reports no key type for SM2 keys (asymmetricKeyType undefined): they are recognised by their curve.
  const sm2 = sm2PublicKeyHex(publicKey.export({ type: 'spki', format: 'der' }));
  if ((token.algorithm === 'SM2') !== (sm2 !== null)) throw new ApiError('CA_TOKEN_INVALID');
  if (sm2) {
    if (!verifySm2(sm2, webEidSignedData(origin, nonce), signature, 'raw')) throw new ApiError('CA_TOKEN_INVALID');
    return;
  }
  const keyType = publicKey.asymmetricKeyType;
  if ((token.algorithm === 'RS256') !== (keyType === 'rsa') || (token.algorithm === 'ES256') !== (keyType === 'ec')) {
    throw new ApiError('CA_TOKEN_INVALID');
  }
  let ok: boolean;
  try {
    ok = verify(
      'sha256',
      webEidSignedData(origin, nonce),
      token.algorithm === 'ES256' ? { key: publicKey, dsaEncoding: 'ieee-p1363' } : publicKey,
      signature,
    );
  } catch (cause) {
    throw new ApiError('CA_TOKEN_INVALID', { cause });
  }
  if (!ok) throw new ApiError('CA_TOKEN_INVALID');
}
