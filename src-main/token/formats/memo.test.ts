import { describe, expect, it } from 'vitest';
import { memoizeByContent } from './memo';

describe('memoizeByContent', () => {
  it('computes once per distinct content, whatever array it comes in, and evicts the least recent', () => {
    const seen: number[] = [];
    const first = memoizeByContent((der) => {
      seen.push(der[0]!);
      return { first: der[0] };
    }, 2);
    const a = first(Uint8Array.of(1, 2));
    expect(first(Uint8Array.of(1, 2))).toBe(a);
    first(Uint8Array.of(3));
    first(Uint8Array.of(1, 2)); // refreshes 1 → 3 is now the oldest
    first(Uint8Array.of(4)); // evicts 3
    first(Uint8Array.of(1, 2));
    first(Uint8Array.of(3));
    expect(seen).toEqual([1, 3, 4, 3]);
  });

  it('hands the function a copy, so reusing the input buffer cannot corrupt the cache', () => {
    const keep = memoizeByContent((der) => der);
    const buffer = Uint8Array.of(7, 7);
    const stored = keep(buffer);
    buffer[0] = 9;
    expect([...stored]).toEqual([7, 7]);
    expect([...keep(Uint8Array.of(7, 7))]).toEqual([7, 7]);
  });

  it('does not cache failures', () => {
    let calls = 0;
    const failing = memoizeByContent(() => {
      calls++;
      throw new Error('bad');
    });
    expect(() => failing(Uint8Array.of(1))).toThrow('bad');
    expect(() => failing(Uint8Array.of(1))).toThrow('bad');
    expect(calls).toBe(2);
  });
});
