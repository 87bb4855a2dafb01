/**
 * The token service's self-check of a CMS it is about to return (DESIGN.md decision 5), and a readable statement
 * of what the server's verifier must check. It accepts exactly the shape `createDetachedCms` writes: one signer,
 * detached id-data, SHA-256 (SM3 for SM2 keys), the four signed attributes. It does NOT check the certificate chain, validity or key
 * usage: that is the server's job (against its trust roots), and a client cannot decide it anyway.
 */
import * as asn1js from 'asn1js';
import type { CertificateInfo } from '@shared/certificate/parse';
import { issuerAndSerialBytes } from './certificate-fields';
import { CMS_OID } from './cms-oids';
import { compareDer } from './der';
import { SignatureFormatError } from './errors';
import { sm3Digest } from '@shared/certificate/sm2';
import { sha256, signingCertificate, verifyWith } from './raw-signer';

export interface VerifiedCms {
  /** The embedded signer certificate (not checked against any trust root). */
  certificate: CertificateInfo;
  signingTime: Date;
}

const bad = (message: string) => new SignatureFormatError('BAD_CMS', message);

type Block = asn1js.AsnType;
const UNIVERSAL = 1;
const CONTEXT = 3;
const TAG = { integer: 2, octetString: 4, null: 5, oid: 6, sequence: 16, set: 17 } as const;

function is(block: Block | undefined, tagClass: number, tagNumber: number): block is Block {
  return block !== undefined && block.idBlock.tagClass === tagClass && block.idBlock.tagNumber === tagNumber;
}

/** The children of a constructed block that must carry the given tag. */
function items(block: Block | undefined, tagClass: number, tagNumber: number, what: string): Block[] {
  if (!is(block, tagClass, tagNumber) || !block.idBlock.isConstructed) throw bad(`${what}: unexpected ASN.1 element`);
  return (block as asn1js.Constructed).valueBlock.value;
}

function oidOf(block: Block | undefined, what: string): string {
  if (!(block instanceof asn1js.ObjectIdentifier)) throw bad(`${what}: OBJECT IDENTIFIER expected`);
  return block.valueBlock.toString();
}

function bytesOf(block: Block | undefined, what: string): Uint8Array {
  if (!(block instanceof asn1js.OctetString) || block.idBlock.isConstructed) throw bad(`${what}: OCTET STRING expected`);
  return block.valueBlock.valueHexView;
}

function smallIntOf(block: Block | undefined, what: string): number {
  if (!(block instanceof asn1js.Integer)) throw bad(`${what}: INTEGER expected`);
  return block.valueBlock.valueDec;
}

/** A digest AlgorithmIdentifier (SHA-256, or SM3), parameters absent (RFC 5754) or NULL (accepted, as RFC 5754
 *  requires). Returns the digest's OID. */
function expectDigest(block: Block | undefined, what: string): string {
  const [algorithm, params, ...rest] = items(block, UNIVERSAL, TAG.sequence, what);
  const paramsOk = params === undefined || (is(params, UNIVERSAL, TAG.null) && rest.length === 0);
  const digest = oidOf(algorithm, what);
  if ((digest !== CMS_OID.sha256 && digest !== CMS_OID.sm3) || !paramsOk) throw bad(`${what}: SHA-256 or SM3 expected`);
  return digest;
}

function expectSha256(block: Block | undefined, what: string) {
  if (expectDigest(block, what) !== CMS_OID.sha256) throw bad(`${what}: SHA-256 expected`);
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Checks a detached CMS against its content: structure, messageDigest = SHA-256(content), contentType,
 * signingCertificateV2 naming the embedded signer certificate, and the signature over the signed attributes
 * (the exact bytes received, re-tagged as a SET). Returns the signer certificate and signingTime.
 * Throws SignatureFormatError: BAD_CMS (shape), BAD_SIGNATURE (digest or signature), UNSUPPORTED_KEY.
 */
export function verifyCmsSignerSignature(cms: Uint8Array, content: Uint8Array): VerifiedCms {
  const decoded = asn1js.fromBER(cms);
  if (decoded.offset !== cms.length || decoded.offset < 0) throw bad('not a single DER structure');
  const contentInfo = items(decoded.result, UNIVERSAL, TAG.sequence, 'ContentInfo');
  if (oidOf(contentInfo[0], 'ContentInfo.contentType') !== CMS_OID.signedData) throw bad('not SignedData');
  const [signedDataBlock] = items(contentInfo[1], CONTEXT, 0, 'ContentInfo.content');
  const signedData = items(signedDataBlock, UNIVERSAL, TAG.sequence, 'SignedData');

  const [, digestAlgorithms, encapContentInfo, ...rest] = signedData;
  items(digestAlgorithms, UNIVERSAL, TAG.set, 'SignedData.digestAlgorithms').forEach((a) => expectDigest(a, 'digestAlgorithm'));
  const encap = items(encapContentInfo, UNIVERSAL, TAG.sequence, 'EncapsulatedContentInfo');
  if (oidOf(encap[0], 'eContentType') !== CMS_OID.data) throw bad('eContentType is not id-data');
  if (encap.length !== 1) throw bad('eContent present: not a detached signature');

  const certificates = rest.filter((b) => is(b, CONTEXT, 0)).flatMap((b) => items(b, CONTEXT, 0, 'certificates'));
  const signerInfos = items(rest.at(-1), UNIVERSAL, TAG.set, 'SignedData.signerInfos');
  if (signerInfos.length !== 1) throw bad(`${signerInfos.length} signers; exactly one expected`);

  const [version, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signatureBlock] = items(
    signerInfos[0],
    UNIVERSAL,
    TAG.sequence,
    'SignerInfo',
  );
  if (smallIntOf(version, 'SignerInfo.version') !== 1) throw bad('SignerInfo version is not 1 (IssuerAndSerialNumber)');
  const [sidIssuer, sidSerial] = items(sid, UNIVERSAL, TAG.sequence, 'IssuerAndSerialNumber');
  if (!sidIssuer || !sidSerial) throw bad('IssuerAndSerialNumber incomplete');
  const digestOid = expectDigest(digestAlgorithm, 'SignerInfo.digestAlgorithm');

  // The signer certificate: the embedded certificate whose own issuer and serial bytes are the sid's. Stricter than
  // OpenSSL, which compares names canonically (string type and ASCII case ignored); this layer copies the bytes.
  const certificateDer = certificates
    .map((c) => c.valueBeforeDecodeView)
    .find((der) => {
      const fields = issuerAndSerialBytes(der);
      return equal(fields.issuer, sidIssuer.valueBeforeDecodeView) && equal(fields.serialNumber, sidSerial.valueBeforeDecodeView);
    });
  if (!certificateDer) throw bad('the signer certificate is not in the CMS');
  let certificate: CertificateInfo;
  try {
    certificate = signingCertificate(certificateDer.slice());
  } catch (e) {
    if (e instanceof SignatureFormatError) throw e;
    throw new SignatureFormatError('BAD_CMS', `signer certificate: ${(e as Error).message}`, { cause: e });
  }

  // SM2 keys digest with SM3 (GM/T 0010), every other key with SHA-256: the pairing is not the signer's choice.
  if ((digestOid === CMS_OID.sm3) !== (certificate.keyType === 'SM2')) {
    throw bad(`digest algorithm ${digestOid} does not fit a ${certificate.keyType} key`);
  }
  const digest = digestOid === CMS_OID.sm3 ? sm3Digest(content) : sha256(content);

  const attributeList = items(signedAttrs, CONTEXT, 0, 'signedAttrs');
  const attributes = readSignedAttributes(attributeList);
  if (oidOf(attributes.get(CMS_OID.contentType), 'contentType') !== CMS_OID.data) throw bad('contentType is not id-data');
  if (!equal(bytesOf(attributes.get(CMS_OID.messageDigest), 'messageDigest'), digest)) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'the content does not match the messageDigest');
  }
  checkSigningCertificateV2(attributes.get(CMS_OID.signingCertificateV2), certificate.der, sidIssuer, sidSerial);
  const signingTime = attributes.get(CMS_OID.signingTime);
  if (!(signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime)) throw bad('signingTime missing');

  const [algorithm] = items(signatureAlgorithm, UNIVERSAL, TAG.sequence, 'signatureAlgorithm');
  const algorithmOid = oidOf(algorithm, 'signatureAlgorithm');
  const algorithmOk =
    certificate.keyType === 'EC'
      ? algorithmOid === CMS_OID.ecdsaWithSha256
      : certificate.keyType === 'SM2'
        ? algorithmOid === CMS_OID.sm2WithSm3 || algorithmOid === CMS_OID.sm2Sign
        : algorithmOid === CMS_OID.sha256WithRSAEncryption || algorithmOid === CMS_OID.rsaEncryption;
  if (!algorithmOk) throw bad(`signature algorithm ${algorithmOid} does not fit a ${certificate.keyType} key`);

  // RFC 5652 §5.4: the signature covers the signedAttrs as received, with the [0] IMPLICIT tag read as SET.
  const signed = (signedAttrs as Block).valueBeforeDecodeView.slice();
  signed[0] = 0x31;
  if (!verifyWith(certificate, signed, bytesOf(signatureBlock, 'signature'), 'der')) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'the signature over the signed attributes does not verify');
  }
  return { certificate, signingTime: signingTime.toDate() };
}

/** Attribute type → its single value; rejects repeats, and SETs not in DER order (RFC 5652 §5.4 signs the DER). */
function readSignedAttributes(list: Block[]): Map<string, Block> {
  const out = new Map<string, Block>();
  list.forEach((attribute, i) => {
    if (i > 0 && compareDer(list[i - 1]!.valueBeforeDecodeView, attribute.valueBeforeDecodeView) > 0) {
      throw bad('signed attributes are not in DER order');
    }
    const [type, values] = items(attribute, UNIVERSAL, TAG.sequence, 'Attribute');
    const typeOid = oidOf(type, 'Attribute.type');
    const valueList = items(values, UNIVERSAL, TAG.set, `Attribute ${typeOid} values`);
    if (out.has(typeOid) || valueList.length !== 1) throw bad(`attribute ${typeOid} must occur once with one value`);
    out.set(typeOid, valueList[0]!);
  });
  return out;
}

/** RFC 5035: the first ESSCertIDv2 must name the signer certificate (hash, and issuer/serial when given). */
function checkSigningCertificateV2(value: Block | undefined, certificateDer: Uint8Array, issuer: Block, serial: Block) {
  if (!value) throw bad('signingCertificateV2 missing');
  const [certs] = items(value, UNIVERSAL, TAG.sequence, 'SigningCertificateV2');
  const [essCertId] = items(certs, UNIVERSAL, TAG.sequence, 'SigningCertificateV2.certs');
  let fields = items(essCertId, UNIVERSAL, TAG.sequence, 'ESSCertIDv2');
  // hashAlgorithm DEFAULT sha256 is normally omitted; when present it is the only SEQUENCE before certHash.
  if (is(fields[0], UNIVERSAL, TAG.sequence)) {
    expectSha256(fields[0], 'ESSCertIDv2.hashAlgorithm');
    fields = fields.slice(1);
  }
  const [certHash, issuerSerial] = fields;
  if (!equal(bytesOf(certHash, 'ESSCertIDv2.certHash'), sha256(certificateDer))) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'signingCertificateV2 names another certificate');
  }
  if (issuerSerial === undefined) return;
  const [generalNames, serialNumber] = items(issuerSerial, UNIVERSAL, TAG.sequence, 'IssuerSerial');
  const names = items(generalNames, UNIVERSAL, TAG.sequence, 'IssuerSerial.issuer');
  const directoryName = names.length === 1 ? items(names[0], CONTEXT, 4, 'directoryName')[0] : undefined;
  const sameIssuer = directoryName !== undefined && equal(directoryName.valueBeforeDecodeView, issuer.valueBeforeDecodeView);
  if (!sameIssuer || !serialNumber || !equal(serialNumber.valueBeforeDecodeView, serial.valueBeforeDecodeView)) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'signingCertificateV2 issuerSerial names another certificate');
  }
}
