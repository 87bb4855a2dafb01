/**
 * A minimal DER writer. CMS is assembled from byte strings rather than through pkijs objects so that the parts
 * which must be copied verbatim (the certificate, the issuer Name, the serial number) never pass through a
 * decoder and re-encoder: any re-encoding of a name changes the bytes openssl matches the signer by.
 */
import * as asn1js from 'asn1js';

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One TLV with a single-byte tag (all this layer needs: universal types and context tags [0]–[4]). */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  return concat([Uint8Array.of(tag), encodeLength(body.length), body]);
}

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  /** [0] IMPLICIT, constructed (signedAttrs, certificates). */
  context0: 0xa0,
  /** [1] IMPLICIT, constructed (unsignedAttrs). */
  context1: 0xa1,
  /** [4] EXPLICIT, constructed (GeneralName directoryName). */
  context4: 0xa4,
} as const;

export const sequence = (...items: Uint8Array[]) => tlv(TAG.sequence, ...items);
export const octetString = (bytes: Uint8Array) => tlv(TAG.octetString, bytes);

/** Encoded OIDs by their dotted form: a CMS names the same dozen, and asn1js's encoder was most of its build time. */
const oidCache = new Map<string, Uint8Array>();

export function oid(dotted: string): Uint8Array {
  let encoded = oidCache.get(dotted);
  if (!encoded) {
    encoded = new Uint8Array(new asn1js.ObjectIdentifier({ value: dotted }).toBER(false));
    if (oidCache.size < 1000) oidCache.set(dotted, encoded);
  }
  // A copy: callers own what they get (the cached bytes must never be changed through one of them).
  return encoded.slice();
}

/** INTEGER from an unsigned big-endian magnitude, minimally encoded (X.690 8.3.2). */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const needsPad = trimmed.length === 0 || (trimmed[0]! & 0x80) !== 0;
  return tlv(TAG.integer, needsPad ? Uint8Array.of(0) : new Uint8Array(0), trimmed);
}

export function smallInteger(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new RangeError(`small INTEGER out of range: ${value}`);
  return tlv(TAG.integer, Uint8Array.of(value));
}

/** X.690 11.6: a SET OF's elements are sorted as octet strings, the shorter padded with trailing zeros. */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * SET OF in DER order. For signed attributes this is more than tidiness: RFC 5652 §5.4 signs their DER, and a
 * verifier that re-encodes the parsed SET as DER (sorting it) computes other bytes than an unsorted signer signed.
 * (OpenSSL 3.0 happens to verify the SET in the order received, so it would not notice.)
 */
export function setOf(items: readonly Uint8Array[], tag: number = TAG.set): Uint8Array {
  return tlv(tag, ...[...items].sort(compareDer));
}

/**
 * CMS Time (RFC 5652 §11.3): UTCTime for 1950–2049, GeneralizedTime otherwise, whole seconds in UTC (DER forbids
 * fractional zeros and both forms end in Z).
 */
export function cmsTime(date: Date): Uint8Array {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const year = date.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  if (year >= 1950 && year < 2050) return tlv(TAG.utcTime, ascii(`${digits.slice(2)}Z`));
  if (year < 0 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  return tlv(TAG.generalizedTime, ascii(`${digits}Z`));
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
