import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from '@shared/encoding/bytes';
import { ecdsaDerToRaw, ecdsaRawToDer } from './ecdsa';
import { SignatureFormatError } from './errors';

const hex = (b: Uint8Array) => toHex(b);
const filled = (length: number, value: number) => new Uint8Array(length).fill(value);

describe('ECDSA raw r||s ⇄ DER', () => {
  it('encodes minimal INTEGERs: leading zeros dropped, 00 before a set top bit', () => {
    const r = Uint8Array.of(0, 0, ...filled(30, 0x11));
    const s = filled(32, 0x91);
    const der = ecdsaRawToDer(Uint8Array.of(...r, ...s), 256);
    expect(hex(der)).toBe(`3043021e${'11'.repeat(30)}022100${'91'.repeat(32)}`);
    expect(hex(ecdsaDerToRaw(der, 256))).toBe(hex(Uint8Array.of(...r, ...s)));
  });

  it('agrees with OpenSSL both ways on many real signatures (P-256 and P-384)', () => {
    for (const [curve, bits] of [['P-256', 256], ['P-384', 384]] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      for (let i = 0; i < 64; i++) {
        const data = Uint8Array.of(i);
        const raw = new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
        const der = ecdsaRawToDer(raw, bits);
        expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
        const fromOpenssl = new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
        const back = ecdsaDerToRaw(fromOpenssl, bits);
        expect(back).toHaveLength((2 * bits) / 8);
        expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, back)).toBe(true);
      }
    }
  });

  it.each([
    ['too short', new Uint8Array(63)],
    ['too long', filled(65, 1)],
    ['zero r', Uint8Array.of(...new Uint8Array(32), ...filled(32, 1))],
    ['zero s', Uint8Array.of(...filled(32, 1), ...new Uint8Array(32))],
  ])('rejects a raw signature that is %s', (_name, raw) => {
    expect(() => ecdsaRawToDer(raw, 256)).toThrow(SignatureFormatError);
  });

  it.each([
    ['trailing bytes', Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00)],
    ['one INTEGER', Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)],
    ['a negative INTEGER', Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01)],
    ['an oversized INTEGER', Uint8Array.of(0x30, 0x26, 0x02, 0x21, 0x01, ...filled(32, 1), 0x02, 0x01, 0x01)],
    ['an OCTET STRING', Uint8Array.of(0x04, 0x01, 0x00)],
  ])('rejects DER with %s', (_name, der) => {
    expect(() => ecdsaDerToRaw(der, 256)).toThrow(SignatureFormatError);
  });
});
