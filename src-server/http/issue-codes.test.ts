import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATION_CODES } from '@shared/i18n/validation-messages';

const root = path.resolve(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });

describe('field issues the server raises by hand', () => {
  it('have a text on every desk: each code is one the catalogues know', () => {
    const known = new Set<string>(VALIDATION_CODES);
    const raised = new Map<string, string>();
    for (const file of sources(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/issues: \[?[^\]]*?code: '([A-Z][A-Z0-9_]+)'/g)) raised.set(m[1]!, path.relative(root, file));
    }
    expect(raised.size).toBeGreaterThan(5);
    expect([...raised].filter(([code]) => !known.has(code))).toEqual([]);
  });
});
