/**
 * The SM2 branch of the CMS check (GM/T 0010 as OpenSSL and GmSSL write it, and as the token service signs it):
 * digestAlgorithm SM3, messageDigest SM3(data), signatureAlgorithm SM2-with-SM3 (1.2.156.10197.1.501, or GM/T 0010's
 * 1.2.156.10197.1.301.1), an SM2Signature over SM3(Z ‖ signedAttrs as a SET) with the default signer id. pkijs
 * parses the structure; it cannot verify SM2, so sm-crypto-v2 does.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SM_OID, sm2PublicKeyHex, sm3Digest, verifySm2 } from '@shared/certificate/sm2';
import { ApiError } from '../http/api-error';

const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNATURE_ALGORITHMS = new Set<string>([SM_OID.sm2WithSm3, SM_OID.sm2Sign]);

export function isSm2Signer(signer: pkijs.SignerInfo): boolean {
  return signer.digestAlgorithm.algorithmId === SM_OID.sm3;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Returns the signer certificate. Throws SIGNATURE_MALFORMED (shape) or SIGNATURE_INVALID (digest, signature). */
export function verifySm2Signer(signed: pkijs.SignedData, signer: pkijs.SignerInfo, data: Uint8Array): pkijs.Certificate {
  const sid = signer.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) throw new ApiError('SIGNATURE_MALFORMED');
  const certificate = (signed.certificates ?? []).find(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
  );
  const attributes = signer.signedAttrs;
  if (!certificate || !attributes) throw new ApiError('SIGNATURE_MALFORMED');
  if (!SIGNATURE_ALGORITHMS.has(signer.signatureAlgorithm.algorithmId)) throw new ApiError('SIGNATURE_INVALID');
  if (!attributes.attributes.some((a) => a.type === CONTENT_TYPE)) throw new ApiError('SIGNATURE_MALFORMED');

  const digest = attributes.attributes.find((a) => a.type === MESSAGE_DIGEST)?.values[0];
  if (!(digest instanceof asn1js.OctetString) || !equal(digest.valueBlock.valueHexView, sm3Digest(data))) {
    throw new ApiError('SIGNATURE_INVALID');
  }
  const publicKey = sm2PublicKeyHex(new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false)));
  if (!publicKey) throw new ApiError('SIGNATURE_INVALID');
  // RFC 5652 §5.4: the signature covers the attributes as received, their [0] IMPLICIT tag read as SET.
  const signedBytes = new Uint8Array(attributes.encodedValue.slice(0));
  signedBytes[0] = 0x31;
  if (!verifySm2(publicKey, signedBytes, signer.signature.valueBlock.valueHexView, 'der')) {
    throw new ApiError('SIGNATURE_INVALID');
  }
  return certificate;
}
