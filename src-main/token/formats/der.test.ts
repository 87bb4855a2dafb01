import { describe, expect, it } from 'vitest';
import { toHex } from '@shared/encoding/bytes';
import { cmsTime, setOf, tlv, unsignedInteger } from './der';

const hex = (b: Uint8Array) => toHex(b);
const ascii = (b: Uint8Array) => new TextDecoder().decode(b);

describe('DER writer', () => {
  it('writes minimal lengths, short and long form', () => {
    expect(hex(tlv(0x04, new Uint8Array(127)).subarray(0, 2))).toBe('047f');
    expect(hex(tlv(0x04, new Uint8Array(128)).subarray(0, 3))).toBe('048180');
    expect(hex(tlv(0x04, new Uint8Array(300)).subarray(0, 4))).toBe('0482012c');
    expect(tlv(0x04, new Uint8Array(70000))).toHaveLength(70000 + 5);
  });

  it('writes minimal unsigned INTEGERs', () => {
    expect(hex(unsignedInteger(Uint8Array.of(0, 0, 0x7f)))).toBe('02017f');
    expect(hex(unsignedInteger(Uint8Array.of(0x80)))).toBe('02020080');
    expect(hex(unsignedInteger(Uint8Array.of(0, 0x80, 1)))).toBe('0203008001');
    expect(hex(unsignedInteger(Uint8Array.of(0, 0)))).toBe('020100');
  });

  it('sorts SET OF elements as DER requires (X.690 11.6)', () => {
    const a = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05);
    const b = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x03);
    const shortPrefix = Uint8Array.of(0x30, 0x01);
    expect(hex(setOf([a, b, shortPrefix]))).toBe(`310c${hex(shortPrefix)}${hex(b)}${hex(a)}`);
  });

  it('writes CMS times: UTCTime through 2049, GeneralizedTime otherwise, whole seconds', () => {
    const utc = cmsTime(new Date('2049-12-31T23:59:59.999Z'));
    expect(utc[0]).toBe(0x17);
    expect(ascii(utc.subarray(2))).toBe('491231235959Z');
    const gen = cmsTime(new Date('2050-01-01T00:00:00Z'));
    expect(gen[0]).toBe(0x18);
    expect(ascii(gen.subarray(2))).toBe('20500101000000Z');
    expect(ascii(cmsTime(new Date('1949-07-01T01:02:03Z')).subarray(2))).toBe('19490701010203Z');
    expect(() => cmsTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
