import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainOptions } from './build-options.mjs';

const repo = path.resolve(import.meta.dirname, '..');
let dir: string;
beforeAll(async () => {
  // Inside the checkout: the bundle's npm packages resolve from node_modules, as in the packaged app.
  await mkdir(path.join(repo, 'test-results'), { recursive: true });
  dir = await mkdtemp(path.join(repo, 'test-results', 'main-bundle-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("Electron's main as built", () => {
  // The Electron binary cannot run here, so nothing else loads main.cjs: its CommonJS bundle once emptied
  // `import.meta` and threw at load (path.resolve(undefined)) — an app that never opens.
  it('evaluates its top level under CommonJS with the paths of its own file', async () => {
    const outfile = path.join(dir, 'dist', 'main', 'main.cjs');
    await build({ ...mainOptions, outfile, absWorkingDir: repo, sourcemap: false, logLevel: 'silent' });
    const probe = `require(${JSON.stringify(outfile)}); console.log('evaluated');`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--require', path.join(repo, 'tests/fixtures/electron-stub/preload-stub.cjs'), '-e', probe],
      { cwd: repo, env: { ...process.env, STUB_APP_PATH: dir }, timeout: 20_000 },
    );
    expect(stdout).toContain('evaluated');
  });
});
