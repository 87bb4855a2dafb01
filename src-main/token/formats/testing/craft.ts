/**
 * Builds deliberately wrong CMS for the verifier's tests: the same shape createDetachedCms writes, with one
 * thing changed, and still validly signed, so only the check aimed at that thing can catch it.
 */
import { issuerAndSerialBytes } from '../certificate-fields';
import { CMS_OID } from '../cms-oids';
import { cmsTime, compareDer, octetString, oid, sequence, setOf, smallInteger, TAG, tlv } from '../der';
import { sha256, type RawSigner } from '../raw-signer';

export interface Flaws {
  /** signingCertificateV2 hashes this certificate instead of the signer's. */
  essHashOf?: Uint8Array;
  /** signingCertificateV2 issuerSerial names this issuer Name. */
  essIssuer?: Uint8Array;
  /** Leave signingCertificateV2 out. */
  noEss?: boolean;
  /** The sid's issuer Name, instead of the certificate's own bytes. */
  sidIssuer?: Uint8Array;
  /** Signed attributes in reverse DER order (still signed as written). */
  reverseAttributes?: boolean;
}

/** RSA signers only: the signature value is used as the token returns it. */
export async function craftCms(certificate: Uint8Array, content: Uint8Array, signer: RawSigner, flaws: Flaws): Promise<Uint8Array> {
  if (signer.keyType !== 'RSA') throw new Error('craftCms signs with RSA keys only');
  const { issuer, serialNumber } = issuerAndSerialBytes(certificate);
  const issuerSerial = sequence(sequence(tlv(TAG.context4, flaws.essIssuer ?? issuer)), serialNumber);
  const ess = sequence(sequence(sequence(octetString(sha256(flaws.essHashOf ?? certificate)), issuerSerial)));
  const attribute = (type: string, value: Uint8Array) => sequence(oid(type), setOf([value]));
  const attributes = [
    attribute(CMS_OID.contentType, oid(CMS_OID.data)),
    attribute(CMS_OID.signingTime, cmsTime(new Date())),
    attribute(CMS_OID.messageDigest, octetString(sha256(content))),
    ...(flaws.noEss ? [] : [attribute(CMS_OID.signingCertificateV2, ess)]),
  ];
  const signedSet = flaws.reverseAttributes
    ? tlv(TAG.set, ...[...attributes].sort(compareDer).reverse())
    : setOf(attributes);
  const signature = await signer.sign({ message: signedSet, digest: sha256(signedSet) });
  const carried = signedSet.slice();
  carried[0] = TAG.context0;
  const signerInfo = sequence(
    smallInteger(1),
    sequence(flaws.sidIssuer ?? issuer, serialNumber),
    sequence(oid(CMS_OID.sha256)),
    carried,
    sequence(oid(CMS_OID.sha256WithRSAEncryption), Uint8Array.of(TAG.null, 0)),
    octetString(signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf([sequence(oid(CMS_OID.sha256))]),
    sequence(oid(CMS_OID.data)),
    tlv(TAG.context0, certificate),
    setOf([signerInfo]),
  );
  return sequence(oid(CMS_OID.signedData), tlv(TAG.context0, signedData));
}
