/**
 * CMS detached SignedData (RFC 5652) over a document, signed by the token through a RawSigner (DESIGN.md
 * decision 5). What openssl needs in order to accept it, and what the server checks:
 *
 * ContentInfo { id-signedData, [0] SignedData {
 *   version 1, digestAlgorithms { sha256 }, encapContentInfo { id-data } (no eContent: detached),
 *   certificates [0] { the signer certificate, byte for byte },
 *   signerInfos { SignerInfo {
 *     version 1, sid IssuerAndSerialNumber (issuer and serial copied from the certificate's own bytes),
 *     digestAlgorithm sha256,
 *     signedAttrs [0] { contentType id-data, signingTime, messageDigest SHA-256(content),
 *                       signingCertificateV2 { ESSCertIDv2 { certHash SHA-256(cert), issuerSerial } } },
 *     signatureAlgorithm sha256WithRSAEncryption (NULL parameters) | ecdsa-with-SHA256 (no parameters),
 *     signature over the DER of signedAttrs re-tagged as a SET (0x31), RFC 5652 §5.4 } } } }
 */
import { issuerAndSerialBytes } from './certificate-fields';
import { CMS_OID } from './cms-oids';
import { cmsTime, octetString, oid, sequence, setOf, smallInteger, tlv, TAG } from './der';
import { ecdsaRawToDer } from './ecdsa';
import { sha256, signingCertificate, signVerified, type RawSigner } from './raw-signer';

export interface CreateDetachedCmsInput {
  /** The signer certificate, DER. */
  certificate: Uint8Array;
  /** The signed document (for Tongban: the canonical JSON of a submission). Not embedded. */
  content: Uint8Array;
  signer: RawSigner;
  /** Defaults to now; whole seconds are kept. */
  signingTime?: Date;
}

const NULL = Uint8Array.of(TAG.null, 0);
/** RFC 5754 §2: SHA-2 digest AlgorithmIdentifiers omit the parameters. */
const SHA256_ALGORITHM = sequence(oid(CMS_OID.sha256));
/** RFC 4055 / RFC 5754 §3.2: RSA with SHA-2 carries NULL parameters; RFC 5758 §3.2: ECDSA carries none. */
const SIGNATURE_ALGORITHM = {
  RSA: sequence(oid(CMS_OID.sha256WithRSAEncryption), NULL),
  EC: sequence(oid(CMS_OID.ecdsaWithSha256)),
} as const;

const attribute = (type: string, value: Uint8Array) => sequence(oid(type), setOf([value]));

/** Returns the DER ContentInfo. Throws SignatureFormatError (UNSUPPORTED_KEY, KEY_MISMATCH, BAD_SIGNATURE). */
export async function createDetachedCms(input: CreateDetachedCmsInput): Promise<Uint8Array> {
  const { certificate, content, signer } = input;
  const cert = signingCertificate(certificate, signer.keyType);
  const { issuer, serialNumber } = issuerAndSerialBytes(certificate);

  // RFC 5035 §5.4: ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (omitted, as DER requires for a default),
  // certHash, issuerSerial { issuer GeneralNames { [4] directoryName }, serialNumber } }.
  const issuerSerial = sequence(sequence(tlv(TAG.context4, issuer)), serialNumber);
  const signingCertificateV2 = sequence(sequence(sequence(octetString(sha256(certificate)), issuerSerial)));

  const attributes = [
    attribute(CMS_OID.contentType, oid(CMS_OID.data)),
    attribute(CMS_OID.signingTime, cmsTime(input.signingTime ?? new Date())),
    attribute(CMS_OID.messageDigest, octetString(sha256(content))),
    attribute(CMS_OID.signingCertificateV2, signingCertificateV2),
  ];
  // Signed as a SET (tag 0x31), carried as [0] IMPLICIT (tag 0xA0); the contents are the same bytes.
  const signedAttributes = setOf(attributes);
  const carriedAttributes = signedAttributes.slice();
  carriedAttributes[0] = TAG.context0;
  const rawSignature = await signVerified(signer, cert, signedAttributes);
  const signature = cert.keyType === 'EC' ? ecdsaRawToDer(rawSignature, cert.keyBits) : rawSignature;

  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer, serialNumber),
    SHA256_ALGORITHM,
    carriedAttributes,
    SIGNATURE_ALGORITHM[signer.keyType],
    octetString(signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf([SHA256_ALGORITHM]),
    sequence(oid(CMS_OID.data)),
    tlv(TAG.context0, certificate),
    setOf([signerInfo]),
  );
  return sequence(oid(CMS_OID.signedData), tlv(TAG.context0, signedData));
}

// The self-check lives beside the writer's module so callers find both here.
export { verifyCmsSignerSignature, type VerifiedCms } from './cms-verify';
