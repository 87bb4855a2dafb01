/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { UNUSED_ANTD } from './antd-unused';

// Every renderer source, as text (Vite's glob import: the renderer's tests stay free of Node built-ins).
const sources = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('antd components whose styles the build leaves out', () => {
  it('are used nowhere in the renderer', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const used: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      const imported = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)].flatMap((m) =>
        m[1]!.split(',').map((name) => name.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!),
      );
      for (const name of Object.keys(UNUSED_ANTD)) {
        const [component, member] = name.split('.');
        const found = member ? imported.includes(component!) && text.includes(`${component}.${member}`) : imported.includes(name);
        if (found) used.push(`${name} in ${file}`);
      }
      // A Table column with filters renders a Menu or a Tree in its dropdown.
      if (imported.includes('Table') && /\bfilters\s*:/.test(text)) used.push(`Table filters (Menu, Tree) in ${file}`);
    }
    expect(used).toEqual([]);
  });
});
