/**
 * A PKCS#10 request signed inside the token, the way a CA issues a real USB key: the key never leaves the token,
 * and `openssl ca` gets proof of possession. Only the public key and signature of this request matter: the
 * certificate's subject comes from `openssl ca -subj`, so the request's subject is just CN=<token label>.
 *
 * The handful of DER needed is encoded by hand (definite lengths, nothing else) rather than with a library, so
 * the bytes openssl receives are easy to reason about.
 */
import type { KeyType } from './profiles.js';

function tlv(tag: number, content: Buffer): Buffer {
  const len = content.length;
  let header: Buffer;
  if (len < 0x80) {
    header = Buffer.from([tag, len]);
  } else {
    const bytes: number[] = [];
    for (let n = len; n > 0; n >>= 8) bytes.unshift(n & 0xff);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const utf8String = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
/** BIT STRING with no unused bits. */
const bitString = (bytes: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));

const INTEGER_ZERO = Buffer.from('020100', 'hex');
const OID_COMMON_NAME = Buffer.from('0603550403', 'hex');
/** [0] IMPLICIT SET OF Attribute, empty: no extensionRequest, the CA decides the extensions. */
const NO_ATTRIBUTES = Buffer.from('a000', 'hex');
/** AlgorithmIdentifier sha256WithRSAEncryption (1.2.840.113549.1.1.11) with NULL parameters. */
const ALG_SHA256_RSA = Buffer.from('300d06092a864886f70d01010b0500', 'hex');
/** AlgorithmIdentifier ecdsa-with-SHA256 (1.2.840.10045.4.3.2), parameters absent. */
const ALG_ECDSA_SHA256 = Buffer.from('300a06082a8648ce3d040302', 'hex');

/** Builds a CSR over `spkiDer`; `sign` must return a signature made with the matching private key. */
export async function buildCsrDer(
  spkiDer: Buffer,
  commonName: string,
  keyType: KeyType,
  sign: (tbs: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const subject = sequence(set(sequence(OID_COMMON_NAME, utf8String(commonName))));
  const info = sequence(INTEGER_ZERO, subject, spkiDer, NO_ATTRIBUTES);
  const signature = await sign(info);
  return sequence(info, keyType === 'RSA' ? ALG_SHA256_RSA : ALG_ECDSA_SHA256, bitString(signature));
}

export function derToPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function pemToDer(pem: string): Buffer {
  const body = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(pem)?.[1];
  if (!body) throw new Error('not a PEM document');
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}
