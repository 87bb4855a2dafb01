/**
 * What every request body, query and path must be before any rule reads it (issue 17): text both databases can
 * store and every hash can encode — no NUL (PostgreSQL refuses it, SQLite would keep it and cut it later) and no
 * lone UTF-16 surrogate (not encodable as UTF-8: signatures and hashes of it differ between parties or throw) —
 * and nesting no deeper than any contract needs, so walking it (canonical JSON, hashing) cannot overflow the stack.
 * The one rule for the server's routes and for any desk that wants to check a value before sending it.
 */

/** No contract nests deeper than a dozen levels; 64 leaves room and stays far below any stack limit. */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text without NUL or a lone surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

export interface JsonProblem {
  /** `TEXT_INVALID` (a string or key) or `BODY_TOO_DEEP`. */
  code: 'TEXT_INVALID' | 'BODY_TOO_DEEP';
  /** Where, in the contract's path notation (`payload.talents[0].name`). */
  path: string;
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** The first problem in a parsed JSON value, or null. Iterative: a 5,000-deep value is refused, not recursed. */
export function findJsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return { code: 'TEXT_INVALID', path };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return { code: 'BODY_TOO_DEEP', path };
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: join(path, i), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      if (!isStorableText(key)) return { code: 'TEXT_INVALID', path: join(path, [...key].map((c) => (isStorableText(c) ? c : '\uFFFD')).join('')) };
      stack.push({ value: item, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}
