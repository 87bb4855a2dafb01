// `npx tsx bench/ui-ab.ts <git revision>`: the working tree's renderer against the renderer of an earlier revision
// (e.g. HEAD~1), and both against bench:ui's blank Vite + React page, measured round robin in one run so a noisy
// machine slows all three alike. The earlier revision's package.json, src-renderer, src-shared,
// vite.renderer.config.ts and tsconfig files come from `git archive` into a temporary directory (node_modules
// linked); the working tree is not touched. Same measure as bench:ui: navigation start -> the login button is
// visible and enabled.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { startBrowserHost } from '../src-main/host/host';
import { ClientServices } from '../src-main/services/client-services';
import { LocalStore } from '../src-main/services/local-store';
import { TokenClient } from '../src-main/token/token-client';
import { startPortal } from '../tests/fixtures/portal';
import { createTokenSandbox } from '../tests/fixtures/tokens';

const repo = path.resolve(import.meta.dirname, '..');
const rev = process.argv[2];
if (!rev) {
  console.error('usage: npx tsx bench/ui-ab.ts <git revision>');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function initialJs(dir: string): Promise<number> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  let total = 0;
  for (const src of srcs) total += gzipSync(await readFile(path.join(dir, src)), { level: 9 }).length;
  return total;
}

async function once(browser: Browser, url: string, button: RegExp): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name: button }).first().waitFor({ state: 'visible' });
  await page.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => new RegExp(name).test(b.textContent ?? '') && !b.disabled), button.source);
  const t = await page.evaluate(() => performance.now());
  await context.close();
  return t;
}

const work = await mkdtemp(path.join(tmpdir(), 'tongban-ui-ab-'));
const earlier = path.join(work, 'src');
const tsconfigs = execFileSync('git', ['ls-tree', '--name-only', rev], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^tsconfig.*\.json$/.test(f));
execFileSync('bash', ['-c', `mkdir -p "$2" && git archive "$1" package.json src-renderer src-shared vite.renderer.config.ts ${tsconfigs.join(' ')} | tar -x -C "$2"`, '_', rev, earlier], { cwd: repo });
await symlink(path.join(repo, 'node_modules'), path.join(earlier, 'node_modules'));

const dirs = { baseline: path.join(work, 'baseline'), before: path.join(work, 'before'), after: path.join(work, 'after') };
await build({ root: path.join(repo, 'bench', 'ui-baseline'), base: './', logLevel: 'warn', plugins: [react()], build: { outDir: dirs.baseline, emptyOutDir: true } });
await build({ configFile: path.join(earlier, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: dirs.before, emptyOutDir: true } });
await build({ configFile: path.join(repo, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: dirs.after, emptyOutDir: true } });

const keys = await createTokenSandbox({ only: ['JSCA-RSA-0001'] });
const portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
const store = new LocalStore(':memory:');
const tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
await tokens.start();
const services = new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array() });
const baseline = await startBrowserHost({ rendererDir: dirs.baseline });
const before = await startBrowserHost({ rendererDir: dirs.before, services });
const after = await startBrowserHost({ rendererDir: dirs.after, services });
const browser = await chromium.launch({
  executablePath: process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const times = { baseline: [] as number[], before: [] as number[], after: [] as number[] };
  for (let i = 0; i <= RUNS; i++) {
    const b = await once(browser, baseline.url, /登录/);
    const x = await once(browser, before.url, /^登\s*录$/);
    const y = await once(browser, after.url, /^登\s*录$/);
    if (i === 0) continue; // the first round warms the disk cache and Chromium
    times.baseline.push(b);
    times.before.push(x);
    times.after.push(y);
  }
  const base = median(times.baseline);
  for (const name of ['baseline', 'before', 'after'] as const) {
    const ms = median(times[name]);
    const label = name === 'before' ? `before (${rev})` : name === 'after' ? 'after (working tree)' : 'baseline';
    console.log(`${label.padEnd(28)} initial JS ${((await initialJs(dirs[name])) / 1024).toFixed(1).padStart(6)} KB gzip   median ${ms.toFixed(0).padStart(5)} ms   ratio ${(ms / base).toFixed(2)}   n=${RUNS}`);
  }
} finally {
  await browser.close();
  await baseline.close();
  await before.close();
  await after.close();
  await tokens.stop();
  store.close();
  await portal.close();
  await keys.cleanup();
  await rm(work, { recursive: true, force: true });
}
