/**
 * Verifies a CMS detached SignedData (RFC 5652) over given bytes, as produced by the token service and by
 * `openssl cms -sign -binary -md sha256` (detached, DER): exactly one signer, SHA-256 or stronger, the signer
 * certificate inside the CMS, the messageDigest attribute over the data, and the signature over the signed
 * attributes (RSA PKCS#1 v1.5 or ECDSA P-256; SM2 with SM3 per GM/T 0010 in cms-sm2.ts). Encapsulated content is refused: the server verifies the bytes it
 * recomputed from the JSON it received, never bytes the signer chose.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ApiError } from '../http/api-error';
import { isSm2Signer, verifySm2Signer } from './cms-sm2';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const ACCEPTED_DIGESTS = new Set(['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3']);

export interface VerifiedCms {
  signerCertificateDer: Uint8Array;
  /** The other certificates in the CMS (intermediates, possibly the root). */
  otherCertificatesDer: Uint8Array[];
  signingTime: Date | null;
}

const toBytes = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER(false));

export async function verifyDetachedCms(cmsDer: Uint8Array, data: Uint8Array): Promise<VerifiedCms> {
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(cmsDer);
    if (info.contentType !== SIGNED_DATA) throw new Error(`content type ${info.contentType}`);
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (cause) {
    throw new ApiError('SIGNATURE_MALFORMED', { cause });
  }
  const signer = signed.signerInfos[0];
  if (signed.signerInfos.length !== 1 || !signer || signed.encapContentInfo.eContent) {
    throw new ApiError('SIGNATURE_MALFORMED');
  }
  if (isSm2Signer(signer)) return described(signed, verifySm2Signer(signed, signer, data), signer);
  if (!ACCEPTED_DIGESTS.has(signer.digestAlgorithm.algorithmId)) throw new ApiError('SIGNATURE_INVALID');

  let result: { signatureVerified?: boolean | null; signerCertificate?: pkijs.Certificate | null };
  try {
    result = await signed.verify({ signer: 0, data: data.slice().buffer, checkChain: false, extendedMode: true });
  } catch (err) {
    // pkijs reports "no signer certificate" and "digest mismatch" alike as errors; 2 and 3 are structural.
    const code = (err as { code?: number }).code;
    throw new ApiError(code === 2 || code === 3 ? 'SIGNATURE_MALFORMED' : 'SIGNATURE_INVALID', { cause: err });
  }
  if (result.signatureVerified !== true || !result.signerCertificate) throw new ApiError('SIGNATURE_INVALID');

  return described(signed, result.signerCertificate, signer);
}

function described(signed: pkijs.SignedData, signerCert: pkijs.Certificate, signer: pkijs.SignerInfo): VerifiedCms {
  const others = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== signerCert,
  );
  return {
    signerCertificateDer: toBytes(signerCert),
    otherCertificatesDer: others.map(toBytes),
    signingTime: readSigningTime(signer),
  };
}

function readSigningTime(signer: pkijs.SignerInfo): Date | null {
  const attr = signer.signedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.5');
  const value: unknown = attr?.values[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  return null;
}
