/**
 * Memoises a pure function of certificate bytes. Parsing a certificate with pkijs costs about a millisecond, as
 * much as an RSA signature on a fast token, and each signature needs it two or three times (create, self-check);
 * the same few certificates sign again and again. Keyed by SHA-256 of the bytes, so equal certificates hit
 * whatever array they arrive in; results must be treated as read-only.
 */
import { createHash } from 'node:crypto';

export function memoizeByContent<T>(fn: (der: Uint8Array) => T, max = 32): (der: Uint8Array) => T {
  const cache = new Map<string, T>();
  return (der) => {
    const key = createHash('sha256').update(der).digest('base64');
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Move to the back: the map's insertion order is the eviction order.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    // A private copy, so a caller reusing its buffer cannot change what the cache holds.
    const value = fn(der.slice());
    cache.set(key, value);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
