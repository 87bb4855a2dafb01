/**
 * JSON Canonicalization Scheme (JCS), RFC 8785.
 *
 * Forms and applications are signed as CMS detached SignedData over the canonical JSON of the submission
 * (DESIGN.md, decision 5). The client signs these bytes and the server recomputes them from the JSON it received,
 * so both sides must produce exactly the same bytes from the same data, whatever order the keys arrived in:
 *
 * - no whitespace between tokens (RFC 8785 §3.2.1);
 * - literals as `null`, `true`, `false`; strings as ECMAScript `JSON.stringify` writes them — only `"`, `\` and
 *   U+0000–U+001F escaped, everything else (Chinese included) written as-is (§3.2.2.2);
 * - numbers as ECMAScript `Number.prototype.toString` writes them, so `-0` → `0`, `1e21` → `1e+21` (§3.2.2.3);
 * - object members sorted by their names compared as arrays of UTF-16 code units, recursively; array order kept
 *   (§3.2.3);
 * - the result encoded as UTF-8 (§3.2.4).
 *
 * Anything that would make the two sides disagree is an error rather than silently dropped or converted:
 * NaN/±Infinity and lone surrogates (RFC 8785 requires an error), BigInt, functions, symbols, cycles, `undefined`
 * at the top level or in an array, and objects that are not plain data (Date, Map, class instances, boxed
 * primitives…). `JSON.stringify` would turn a Date into a string via `toJSON` and a Map into `{}`; RFC 8785 §3.1
 * and Appendix E warn that such subtype conversions break signatures, so callers must convert to strings first.
 * `undefined` object members are omitted, as `JSON.stringify` does, so optional fields behave as in the HTTP body.
 */

/** Thrown for data that has no canonical JSON form; `path` says where, e.g. `$.items[2].amount`. */
export class CanonicalJsonError extends Error {
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`Cannot canonicalize JSON at ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

/** Returns the index of the first unpaired surrogate in `text`, or −1 if it is well-formed UTF-16. */
function loneSurrogateIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

function serializeString(text: string, path: string): string {
  const lone = loneSurrogateIndex(text);
  if (lone >= 0) {
    const hex = text.charCodeAt(lone).toString(16);
    throw new CanonicalJsonError(path, `string contains a lone surrogate U+${hex.toUpperCase()} at index ${lone}`);
  }
  // For well-formed strings JSON.stringify is exactly the ECMAScript serialisation RFC 8785 §3.2.2.2 prescribes.
  return JSON.stringify(text);
}

function serializeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${String(value)} is not a JSON number`);
  // Number.prototype.toString is the ECMAScript Number::toString of RFC 8785 §3.2.2.3; it writes -0 as "0".
  return String(value);
}

/** Code-unit order, as RFC 8785 §3.2.3 requires; `<` on strings compares UTF-16 code units, independent of locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function describe(value: object): string {
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'non-plain object';
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return serializeString(value, path);
    case 'number':
      return serializeNumber(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined is not a JSON value');
    case 'bigint':
      throw new CanonicalJsonError(path, 'BigInt is not a JSON value (send big integers as strings)');
    case 'function':
      throw new CanonicalJsonError(path, 'a function is not a JSON value');
    case 'symbol':
      throw new CanonicalJsonError(path, 'a symbol is not a JSON value');
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (ancestors.has(value)) throw new CanonicalJsonError(path, 'cyclic reference');

  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const array: readonly unknown[] = value;
      const items: string[] = [];
      // Index loop, not forEach/map: holes must reach serialize() as undefined and be rejected, not skipped.
      for (let i = 0; i < array.length; i++) {
        items.push(serialize(array[i], `${path}[${i}]`, ancestors));
      }
      return `[${items.join(',')}]`;
    }

    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(path, `${describe(value)} is not plain JSON data (convert it to a string first)`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new CanonicalJsonError(path, 'object has symbol-keyed properties');
    }

    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort(compareCodeUnits)) {
      const member = record[key];
      if (member === undefined) continue;
      const childPath = memberPath(path, key);
      members.push(`${serializeString(key, childPath)}:${serialize(member, childPath, ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * The RFC 8785 canonical JSON text of `value`.
 * @throws CanonicalJsonError for data without a canonical JSON form (see the module comment).
 */
export function canonicalize(value: unknown): string {
  return serialize(value, '$', new Set());
}

/**
 * The RFC 8785 canonical form of `value` as UTF-8 bytes: what gets hashed and signed.
 * @throws CanonicalJsonError for data without a canonical JSON form (see the module comment).
 */
export function canonicalBytes(value: unknown): Uint8Array {
  // canonicalize() has rejected lone surrogates, so the encoder never substitutes U+FFFD.
  return new TextEncoder().encode(canonicalize(value));
}
