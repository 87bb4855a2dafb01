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
 *
 * SM2 keys sign per GM/T 0010 as OpenSSL and GmSSL write it: digestAlgorithm SM3 (1.2.156.10197.1.401, no
 * parameters), messageDigest SM3(content), signatureAlgorithm SM2-with-SM3 (1.2.156.10197.1.501), the signature an
 * SM2Signature SEQUENCE { r, s } (GM/T 0009) over SM3(Z ‖ signedAttrs) with the default signer id
 * 1234567812345678. The content types stay PKCS#7's (id-data, id-signedData), not GM/T 0010's 1.2.156.10197.6.1.4.2.x,
 * which OpenSSL cannot read. signingCertificateV2 keeps its SHA-256 certHash: it names the certificate, whatever
 * the key.
 */
import { issuerAndSerialBytes } from './certificate-fields';
import { CMS_OID } from './cms-oids';
import { cmsTime, octetString, oid, sequence, setOf, smallInteger, tlv, TAG } from './der';
import { ecdsaRawToDer } from './ecdsa';
import { sha256, signingCertificate, signVerified, type RawSigner } from './raw-signer';
import { sm3Digest } from '@shared/certificate/sm2';

export interface CreateDetachedCmsInput {
  /** The signer certificate, DER. */
  certificate: Uint8Array;
  /** The signed document (for Tongban: the canonical JSON of a submission). Not embedded. */
  content: Uint8Array;
  signer: RawSigner;
  /** Defaults to now; whole seconds are kept. `null` leaves the attribute out: PAdES baseline signatures must not
   *  carry it (ETSI EN 319 142-1 §5.4: the time goes in the signature dictionary's /M). */
  signingTime?: Date | null;
  /** Issuer certificates (DER) to carry beside the signer's, so a verifier can build the chain offline. */
  chain?: readonly Uint8Array[];
  /** Unsigned attributes made from the signature value, e.g. its RFC 3161 time-stamp token (B-T). */
  unsignedAttributes?: (signature: Uint8Array) => Promise<Array<{ type: string; value: Uint8Array }>>;
}

const NULL = Uint8Array.of(TAG.null, 0);
/** RFC 5754 §2: SHA-2 digest AlgorithmIdentifiers omit the parameters. */
const SHA256_ALGORITHM = sequence(oid(CMS_OID.sha256));
const SM3_ALGORITHM = sequence(oid(CMS_OID.sm3));
/** RFC 4055 / RFC 5754 §3.2: RSA with SHA-2 carries NULL parameters; RFC 5758 §3.2: ECDSA carries none. */
const SIGNATURE_ALGORITHM = {
  RSA: sequence(oid(CMS_OID.sha256WithRSAEncryption), NULL),
  EC: sequence(oid(CMS_OID.ecdsaWithSha256)),
  SM2: sequence(oid(CMS_OID.sm2WithSm3)),
} as const;

const attribute = (type: string, value: Uint8Array) => sequence(oid(type), setOf([value]));

/** Returns the DER ContentInfo. Throws SignatureFormatError (UNSUPPORTED_KEY, KEY_MISMATCH, BAD_SIGNATURE). */
export async function createDetachedCms(input: CreateDetachedCmsInput): Promise<Uint8Array> {
  const { certificate, content, signer } = input;
  const cert = signingCertificate(certificate, signer.keyType);
  const { issuer, serialNumber } = issuerAndSerialBytes(certificate);
  const sm2 = cert.keyType === 'SM2';
  const digestAlgorithm = sm2 ? SM3_ALGORITHM : SHA256_ALGORITHM;

  // RFC 5035 §5.4: ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (omitted, as DER requires for a default),
  // certHash, issuerSerial { issuer GeneralNames { [4] directoryName }, serialNumber } }.
  const issuerSerial = sequence(sequence(tlv(TAG.context4, issuer)), serialNumber);
  const signingCertificateV2 = sequence(sequence(sequence(octetString(sha256(certificate)), issuerSerial)));

  const attributes = [
    attribute(CMS_OID.contentType, oid(CMS_OID.data)),
    ...(input.signingTime === null ? [] : [attribute(CMS_OID.signingTime, cmsTime(input.signingTime ?? new Date()))]),
    attribute(CMS_OID.messageDigest, octetString(sm2 ? sm3Digest(content) : sha256(content))),
    attribute(CMS_OID.signingCertificateV2, signingCertificateV2),
  ];
  // Signed as a SET (tag 0x31), carried as [0] IMPLICIT (tag 0xA0); the contents are the same bytes.
  const signedAttributes = setOf(attributes);
  const carriedAttributes = signedAttributes.slice();
  carriedAttributes[0] = TAG.context0;
  const rawSignature = await signVerified(signer, cert, signedAttributes);
  // ECDSA-Sig-Value and SM2Signature are the same SEQUENCE { r, s }.
  const signature = cert.keyType === 'RSA' ? rawSignature : ecdsaRawToDer(rawSignature, cert.keyBits);

  const unsigned = input.unsignedAttributes ? await input.unsignedAttributes(signature) : [];
  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer, serialNumber),
    digestAlgorithm,
    carriedAttributes,
    SIGNATURE_ALGORITHM[signer.keyType],
    octetString(signature),
    // [1] IMPLICIT SET OF Attribute
    ...(unsigned.length > 0 ? [setOf(unsigned.map((a) => attribute(a.type, a.value)), TAG.context1)] : []),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf([digestAlgorithm]),
    sequence(oid(CMS_OID.data)),
    tlv(TAG.context0, certificate, ...(input.chain ?? [])),
    setOf([signerInfo]),
  );
  return sequence(oid(CMS_OID.signedData), tlv(TAG.context0, signedData));
}

// The self-check lives beside the writer's module so callers find both here.
export { verifyCmsSignerSignature, type VerifiedCms } from './cms-verify';
