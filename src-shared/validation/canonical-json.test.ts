import { describe, expect, it } from 'vitest';

import { canonicalBytes, canonicalize, CanonicalJsonError } from './canonical-json';

/** A double from its IEEE 754 bit pattern written as 16 hex digits (as in RFC 8785 Appendix B). */
function fromIeee754(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

describe('RFC 8785 examples', () => {
  it('§3.2.2–3.2.4: primitive serialisation, sorting and UTF-8 of the sample object', () => {
    // The JSON text of §3.2.2, character for character.
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50,
                  2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalize(JSON.parse(input))).toBe(expected);

    // §3.2.4, the same result as UTF-8 bytes.
    const bytes = [
      '7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72',
      '75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a',
      '5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31',
      '65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37',
      '5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30',
      '30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d',
    ].join(' ');
    expect(hex(canonicalBytes(JSON.parse(input)))).toBe(bytes);
  });

  it('§3.2.3: sorting of object properties by UTF-16 code units', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    const canonical = canonicalize(JSON.parse(input));
    // The RFC lists the expected order of the values. (Read from the text: re-parsing it would reorder the members,
    // as ECMAScript objects list integer-like keys such as "1" first.)
    const values = [...canonical.matchAll(/:"([^"]*)"/g)].map((match) => match[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(canonical).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(hex(canonicalBytes(JSON.parse(input)).slice(0, 8))).toBe('7b 22 5c 72 22 3a 22 43');
  });

  // Appendix B: IEEE 754 bit pattern → JSON representation.
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B: %s → %s', (bits, expected) => {
    expect(canonicalize(fromIeee754(bits))).toBe(expected);
    expect(canonicalize([fromIeee754(bits)])).toBe(`[${expected}]`);
  });

  it.each([['7fffffffffffffff'], ['7ff0000000000000']])('Appendix B: %s (NaN / Infinity) is an error', (bits) => {
    expect(() => canonicalize(fromIeee754(bits))).toThrow(CanonicalJsonError);
  });
});

describe('canonicalize', () => {
  it('writes no whitespace and sorts nested objects, keeping array order', () => {
    const value = { b: [3, { z: 1, a: [true, null] }, 'x'], a: { d: { c: {}, b: [] } } };
    expect(canonicalize(value)).toBe('{"a":{"d":{"b":[],"c":{}}},"b":[3,{"a":[true,null],"z":1},"x"]}');
  });

  it('serialises nested arrays', () => {
    expect(canonicalize([[], [[]], [1, [2, [3, [{}]]]]])).toBe('[[],[[]],[1,[2,[3,[{}]]]]]');
  });

  it('orders keys by UTF-16 code units, not code points', () => {
    // U+1F600 is the pair D83D DE00, which sorts before U+FB33 although its code point is larger.
    expect(canonicalize({ '\ufb33': 1, '😀': 2 })).toBe('{"😀":2,"\ufb33":1}');
    // A plain code-point sort (Array.from / for…of) would give the opposite order.
    expect(['\ufb33', '😀'].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0))).toEqual(['\ufb33', '😀']);
  });

  it('does not use locale order', () => {
    expect(canonicalize({ b: 1, B: 2, a: 3, A: 4, é: 5, e: 6, '10': 7, '9': 8, '': 9 })).toBe(
      '{"":9,"10":7,"9":8,"A":4,"B":2,"a":3,"b":1,"e":6,"é":5}',
    );
  });

  it('keeps Chinese text as literal UTF-8, not \\u escapes', () => {
    const value = { 企业名称: '苏州通办科技有限公司', uscc: '91320594MA1MXK3R3C' };
    const text = canonicalize(value);
    expect(text).toBe('{"uscc":"91320594MA1MXK3R3C","企业名称":"苏州通办科技有限公司"}');
    expect(text).not.toContain('\\u');
    const bytes = canonicalBytes({ n: '通' });
    expect(hex(bytes)).toBe('7b 22 6e 22 3a 22 e9 80 9a 22 7d');
  });

  it('escapes exactly what JSON.stringify escapes', () => {
    const text = '"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029 ';
    expect(canonicalize(text)).toBe(JSON.stringify(text));
    expect(canonicalize(text)).toBe('"\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028\u2029 "');
  });

  it('writes numbers as ECMAScript does', () => {
    expect(canonicalize(-0)).toBe('0');
    expect(canonicalize({ a: -0 })).toBe('{"a":0}');
    expect(canonicalize(1e21)).toBe('1e+21');
    expect(canonicalize(1e20)).toBe('100000000000000000000');
    expect(canonicalize(1e-7)).toBe('1e-7');
    expect(canonicalize(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalize(4.5)).toBe('4.5');
  });

  it('writes literals', () => {
    expect(canonicalize(null)).toBe('null');
    expect(canonicalize(true)).toBe('true');
    expect(canonicalize(false)).toBe('false');
    expect(canonicalize('')).toBe('""');
  });

  it('omits undefined object members like JSON.stringify', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalize({ a: undefined })).toBe('{}');
  });

  it('accepts null-prototype objects and shared (non-cyclic) references', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare['k'] = 'v';
    const shared = { x: 1 };
    expect(canonicalize({ bare, p: shared, q: [shared, shared] })).toBe('{"bare":{"k":"v"},"p":{"x":1},"q":[{"x":1},{"x":1}]}');
  });

  it('is independent of insertion order', () => {
    const a = canonicalize({ applicant: { name: '张三', id: '11010519491231002X' }, amount: 30000, items: ['a', 'b'] });
    const b = canonicalize({ items: ['a', 'b'], amount: 30000, applicant: { id: '11010519491231002X', name: '张三' } });
    expect(a).toBe(b);
  });

  it('round-trips: canonicalize(JSON.parse(canonical)) is the same text', () => {
    const canonical = canonicalize({ z: [1.5, 'é', { y: null }], a: '\u0000' });
    expect(canonicalize(JSON.parse(canonical))).toBe(canonical);
  });
});

describe('canonicalize rejects data without a canonical form', () => {
  function errorOf(value: unknown): CanonicalJsonError {
    try {
      canonicalize(value);
    } catch (error) {
      if (error instanceof CanonicalJsonError) return error;
      throw error;
    }
    throw new Error('expected canonicalize to throw');
  }

  it('non-finite numbers', () => {
    expect(errorOf(Number.NaN).message).toMatch(/NaN/);
    expect(errorOf({ a: [1, Number.POSITIVE_INFINITY] }).path).toBe('$.a[1]');
    expect(errorOf(Number.NEGATIVE_INFINITY).message).toMatch(/-Infinity/);
  });

  it('undefined at the top level or in arrays (including holes)', () => {
    expect(errorOf(undefined).path).toBe('$');
    expect(errorOf([1, undefined]).path).toBe('$[1]');
    // eslint-disable-next-line no-sparse-arrays
    expect(errorOf([1, , 3]).path).toBe('$[1]');
  });

  it('BigInt, functions and symbols, wherever they are', () => {
    expect(errorOf(10n).message).toMatch(/BigInt/);
    expect(errorOf({ amount: 10n }).path).toBe('$.amount');
    expect(errorOf(() => 1).message).toMatch(/function/);
    expect(errorOf({ f: () => 1 }).path).toBe('$.f');
    expect(errorOf([Symbol('s')]).message).toMatch(/symbol/);
    expect(errorOf({ [Symbol('s')]: 1 }).message).toMatch(/symbol-keyed/);
  });

  it('cycles, with the path where the cycle closes', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a['self'] = a;
    expect(errorOf(a).path).toBe('$.self');
    const list: unknown[] = [];
    list.push({ back: list });
    expect(errorOf(list).path).toBe('$[0].back');
  });

  it('lone surrogates in values and keys (RFC 8785 §3.2.2.2)', () => {
    expect(errorOf('\ud83d').message).toMatch(/lone surrogate U\+D83D/);
    expect(errorOf('a\ude00b').message).toMatch(/lone surrogate U\+DE00 at index 1/);
    expect(errorOf({ x: ['\ude00\ud83d'] }).path).toBe('$.x[0]');
    expect(errorOf({ ['k\udfff']: 1 }).path).toBe('$["k\\udfff"]');
  });

  it('objects that are not plain data', () => {
    expect(errorOf(new Date(0)).message).toMatch(/Date is not plain JSON data/);
    expect(errorOf({ when: new Date(0) }).path).toBe('$.when');
    expect(errorOf(new Map()).message).toMatch(/Map/);
    expect(errorOf(new Uint8Array(2)).message).toMatch(/Uint8Array/);
    expect(errorOf(Object('boxed')).message).toMatch(/String/);
    class Amount {
      value = 1;
    }
    expect(errorOf({ 'total amount': new Amount() }).path).toBe('$["total amount"]');
  });

  it('throws a plain Error subclass with a readable message', () => {
    const error = errorOf({ a: { b: Number.NaN } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CanonicalJsonError');
    expect(error.message).toBe('Cannot canonicalize JSON at $.a.b: NaN is not a JSON number');
  });
});

describe('canonicalBytes', () => {
  it('is the UTF-8 encoding of canonicalize', () => {
    expect(hex(canonicalBytes({ b: '€', a: '😀' }))).toBe('7b 22 61 22 3a 22 f0 9f 98 80 22 2c 22 62 22 3a 22 e2 82 ac 22 7d');
    expect(canonicalBytes([])).toEqual(new Uint8Array([0x5b, 0x5d]));
  });

  it('refuses what canonicalize refuses instead of substituting U+FFFD', () => {
    expect(() => canonicalBytes('\ud800')).toThrow(CanonicalJsonError);
  });
});
