import { describe, expect, it } from 'vitest';
import { derToPem, fromBase64, fromHex, pemToDer, toBase64, toHex } from './bytes';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('byte encodings', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'])('base64 round-trips %j as in RFC 4648', (s) => {
    const expected = { '': '', f: 'Zg==', fo: 'Zm8=', foo: 'Zm9v', foob: 'Zm9vYg==', fooba: 'Zm9vYmE=', foobar: 'Zm9vYmFy' }[s];
    expect(toBase64(utf8(s))).toBe(expected);
    expect(fromBase64(expected!)).toEqual(utf8(s));
  });

  it('round-trips all byte values and Chinese text', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
    expect(new TextDecoder().decode(fromBase64(toBase64(utf8('统一社会信用代码'))))).toBe('统一社会信用代码');
    expect(fromHex(toHex(all))).toEqual(all);
  });

  it('rejects malformed input instead of guessing', () => {
    expect(() => fromBase64('Zm9*')).toThrow(/character/);
    expect(() => fromBase64('Z')).toThrow(/length/);
    expect(() => fromHex('abc')).toThrow();
    expect(() => pemToDer('no pem here')).toThrow(/PEM/);
  });

  it('wraps PEM at 64 columns and reads it back', () => {
    const der = Uint8Array.from({ length: 100 }, (_, i) => (i * 7) & 0xff);
    const pem = derToPem(der);
    expect(pem.split('\n')[1]).toHaveLength(64);
    expect(pemToDer(pem)).toEqual(der);
  });
});
