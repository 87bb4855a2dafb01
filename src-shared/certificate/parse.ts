/**
 * X.509 certificate facts Tongban relies on, for RSA, EC and SM2 keys, with Chinese names decoded correctly
 * (UTF8String and BMPString alike). Pure TypeScript over pkijs/asn1js, so the token service, the server and the
 * renderer read certificates the same way. (node-forge cannot parse EC certificates and returns UTF8String
 * values as raw bytes, so it is not used here.)
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toHex } from '../encoding/bytes';
import { NAME_ATTRIBUTE_SHORT, OID } from './oids';
import { findUscc, type UsccInCertificate } from './uscc';

export interface NameAttribute {
  oid: string;
  /** Short name (`CN`, `O`, `OU`, …) or the dotted OID when unknown. */
  name: string;
  value: string;
}

export interface DistinguishedName {
  attributes: NameAttribute[];
  /** OpenSSL-style one-line form in certificate order, e.g. `C=CN, O=苏州…有限公司, CN=…`. */
  text: string;
}

export type KeyType = 'RSA' | 'EC' | 'SM2' | 'unknown';

export interface CertificateInfo {
  der: Uint8Array;
  serialNumberHex: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  keyType: KeyType;
  /** RSA modulus bits, or the curve size (256 for P-256 and SM2). */
  keyBits: number;
  /** Named curve OID for EC/SM2 keys. */
  curve?: string;
  keyUsage: KeyUsage[];
  extendedKeyUsage: string[];
  isCA: boolean;
  /** The enterprise name: subject O, else CN. */
  enterpriseName: string | null;
  uscc: UsccInCertificate | null;
  /** Raw extension values by OID (the OCTET STRING contents), for callers that look further. */
  extensions: ReadonlyMap<string, Uint8Array>;
  /** The issuer Name exactly as encoded in the certificate (CMS must copy it, not re-encode it). */
  issuerDer: Uint8Array;
  subjectPublicKeyInfoDer: Uint8Array;
}

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';
const KEY_USAGE_BITS: KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

export class CertificateParseError extends Error {
  override name = 'CertificateParseError';
}

export function parseCertificate(der: Uint8Array): CertificateInfo {
  let cert: pkijs.Certificate;
  try {
    cert = pkijs.Certificate.fromBER(der);
  } catch (e) {
    throw new CertificateParseError(`not an X.509 certificate: ${(e as Error).message}`);
  }
  const subject = readName(cert.subject);
  const issuer = readName(cert.issuer);
  const extensions = new Map<string, Uint8Array>();
  for (const ext of cert.extensions ?? []) extensions.set(ext.extnID, ext.extnValue.valueBlock.valueHexView.slice());

  const key = readKey(cert.subjectPublicKeyInfo);
  const attr = (oid: string) => subject.attributes.find((a) => a.oid === oid)?.value ?? null;
  return {
    der,
    serialNumberHex: toHex(cert.serialNumber.valueBlock.valueHexView),
    subject,
    issuer,
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    ...key,
    keyUsage: readKeyUsage(extensions.get(OID.keyUsage)),
    extendedKeyUsage: readExtKeyUsage(extensions.get(OID.extKeyUsage)),
    isCA: readIsCA(extensions.get(OID.basicConstraints)),
    enterpriseName: attr(OID.organization) ?? attr(OID.commonName),
    uscc: findUscc(subject.attributes, extensions),
    extensions,
    issuerDer: new Uint8Array(cert.issuer.toSchema().toBER(false)),
    subjectPublicKeyInfoDer: new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
  };
}

/** Decodes any ASN.1 string type (UTF8String, PrintableString, BMPString, IA5String, …) to text. */
export function asn1Text(value: unknown): string | null {
  if (value instanceof asn1js.BaseStringBlock) return value.getValue();
  if (value instanceof asn1js.OctetString) return new TextDecoder('utf-8', { fatal: false }).decode(value.valueBlock.valueHexView);
  return null;
}

function readName(name: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const attributes = name.typesAndValues.map((tv) => ({
    oid: tv.type,
    name: NAME_ATTRIBUTE_SHORT[tv.type] ?? tv.type,
    value: asn1Text(tv.value) ?? '',
  }));
  return { attributes, text: attributes.map((a) => `${a.name}=${a.value}`).join(', ') };
}

function readKey(spki: pkijs.PublicKeyInfo): Pick<CertificateInfo, 'keyType' | 'keyBits' | 'curve'> {
  const alg = spki.algorithm.algorithmId;
  if (alg === OID.rsaEncryption) {
    const rsa = pkijs.RSAPublicKey.fromBER(spki.subjectPublicKey.valueBlock.valueHexView);
    const modulus = rsa.modulus.valueBlock.valueHexView;
    let bits = modulus.length * 8;
    for (const byte of modulus) {
      if (byte === 0) {
        bits -= 8;
        continue;
      }
      bits -= Math.clz32(byte) - 24;
      break;
    }
    return { keyType: 'RSA', keyBits: bits };
  }
  if (alg === OID.ecPublicKey) {
    const params = spki.algorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : 'unknown';
    const bits = curve === OID.p384 ? 384 : curve === OID.p256 || curve === OID.sm2 ? 256 : 0;
    return { keyType: curve === OID.sm2 ? 'SM2' : 'EC', keyBits: bits, curve };
  }
  return { keyType: 'unknown', keyBits: 0 };
}

function readKeyUsage(value: Uint8Array | undefined): KeyUsage[] {
  if (!value) return [];
  const parsed = asn1js.fromBER(value).result;
  if (!(parsed instanceof asn1js.BitString)) return [];
  const bytes = parsed.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
}

function readExtKeyUsage(value: Uint8Array | undefined): string[] {
  if (!value) return [];
  const parsed = asn1js.fromBER(value).result;
  if (!(parsed instanceof asn1js.Sequence)) return [];
  return parsed.valueBlock.value.flatMap((v) => (v instanceof asn1js.ObjectIdentifier ? [v.valueBlock.toString()] : []));
}

function readIsCA(value: Uint8Array | undefined): boolean {
  if (!value) return false;
  const parsed = asn1js.fromBER(value).result;
  if (!(parsed instanceof asn1js.Sequence)) return false;
  const first = parsed.valueBlock.value[0];
  return first instanceof asn1js.Boolean && first.getValue();
}
