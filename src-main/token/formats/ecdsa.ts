/**
 * ECDSA signature encodings. PKCS#11 CKM_ECDSA and JWS (ES256) use raw r||s, each half the curve size;
 * X.509 and CMS use the DER ECDSA-Sig-Value SEQUENCE { r INTEGER, s INTEGER } (RFC 5480 / RFC 5753).
 */
import * as asn1js from 'asn1js';
import { sequence, unsignedInteger } from './der';
import { SignatureFormatError } from './errors';

/** Bytes of r (and of s) for a curve of `curveBits` bits: 32 for P-256. */
export const ecdsaScalarLength = (curveBits: number) => Math.ceil(curveBits / 8);

/** Raw r||s (as a token returns it) → DER ECDSA-Sig-Value with minimal INTEGERs. */
export function ecdsaRawToDer(raw: Uint8Array, curveBits: number): Uint8Array {
  const n = ecdsaScalarLength(curveBits);
  if (raw.length !== 2 * n) {
    throw new SignatureFormatError('BAD_SIGNATURE', `ECDSA signature is ${raw.length} bytes, expected ${2 * n}`);
  }
  const r = raw.subarray(0, n);
  const s = raw.subarray(n);
  // r and s are in [1, n-1]; a zero half means the token returned garbage (or zero padding).
  if (r.every((b) => b === 0) || s.every((b) => b === 0)) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'ECDSA signature has a zero r or s');
  }
  return sequence(unsignedInteger(r), unsignedInteger(s));
}

/** DER ECDSA-Sig-Value → raw r||s, each left-padded to the curve size (for tokens and tools that return DER). */
export function ecdsaDerToRaw(der: Uint8Array, curveBits: number): Uint8Array {
  const n = ecdsaScalarLength(curveBits);
  const parsed = asn1js.fromBER(der);
  const seq = parsed.result;
  const items = seq instanceof asn1js.Sequence ? seq.valueBlock.value : [];
  if (parsed.offset !== der.length || items.length !== 2 || !items.every((i) => i instanceof asn1js.Integer)) {
    throw new SignatureFormatError('BAD_SIGNATURE', 'not a DER ECDSA-Sig-Value');
  }
  const raw = new Uint8Array(2 * n);
  items.forEach((item, i) => {
    let value = (item as asn1js.Integer).valueBlock.valueHexView;
    if (value[0]! & 0x80) throw new SignatureFormatError('BAD_SIGNATURE', 'negative ECDSA signature component');
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > n) throw new SignatureFormatError('BAD_SIGNATURE', 'ECDSA signature component too long');
    raw.set(value, i * n + n - value.length);
  });
  return raw;
}
