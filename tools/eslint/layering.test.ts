import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `relPath`, and returns the layering messages. */
async function layeringErrors(relPath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'tongban/layering').map((m) => m.message);
}

describe('layering lint rule (DESIGN.md import direction)', () => {
  it.each([
    ['src-renderer/a.ts', `import { ipcRenderer } from 'electron';`, /must not import electron/],
    ['src-renderer/a.ts', `import fs from 'fs';`, /Node built-in "fs"/],
    ['src-renderer/a.ts', `import { readFile } from 'node:fs/promises';`, /Node built-in/],
    ['src-renderer/a.tsx', `const m = await import('electron');`, /must not import electron/],
    ['src-web/a.ts', `import path from 'path';`, /Node built-in "path"/],
    ['src-renderer/a.ts', `import { x } from '../src-main/x';`, /must not import from src-main/],
    ['src-renderer/deep/a.ts', `export * from '../../src-server/db';`, /must not import from src-server/],
    ['src-main/a.ts', `import { x } from '../src-server/routes';`, /must not import from src-server/],
    ['src-server/a.ts', `const x = require('../src-main/token/x');`, /must not import from src-main/],
    ['src-server/a.ts', `import 'electron';`, /must not import electron/],
    ['src-shared/a.ts', `import { x } from '../src-main/x';`, /src-shared imports nothing of ours/],
    ['src-shared/a.ts', `import { createHash } from 'node:crypto';`, /Node built-in/],
    ['src-shared/a.ts', `import { x } from '../tests/fixtures/x';`, /src-shared imports nothing of ours/],
    ['src-main/a.ts', `import { x } from '../tests/fixtures/tokens';`, /must not import from outside/],
    ['src-main/a.test.ts', `import { x } from '../native/softhsm/pki';`, /must not import from outside/],
  ])('rejects %s: %s', async (file, code, message) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['src-renderer/a.ts', `import { z } from 'zod'; import { x } from '@shared/validation'; import { y } from './y';`],
    ['src-main/a.ts', `import { app } from 'electron'; import fs from 'node:fs'; import { x } from '../src-shared/x';`],
    ['src-server/a.ts', `import Fastify from 'fastify'; import { x } from '@shared/contract';`],
    ['src-shared/a.ts', `import { z } from 'zod'; import { y } from './validation/y';`],
    ['tests/e2e/a.ts', `import fs from 'node:fs'; import { x } from '../../src-server/x';`],
    ['src-main/token/a.test.ts', `import { createTokenSandbox } from '../../tests/fixtures/tokens';`],
  ])('accepts %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('makes `eslint` exit non-zero on a real renderer file that imports electron and fs', async () => {
    const dir = await mkdtemp(path.join(root, 'src-renderer', '.lint-fixture-'));
    const file = path.join(dir, 'bad.ts');
    await writeFile(file, `import { shell } from 'electron';\nimport fs from 'fs';\nexport const x = [shell, fs];\n`);
    try {
      const run = promisify(execFile)(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', file], { cwd: root });
      const failure = await run.then(() => null, (e: { code: number; stdout: string }) => e);
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toMatch(/must not import electron/);
      expect(failure?.stdout).toMatch(/Node built-in "fs"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
