// `npm run bench:ui`: what a clerk waits for when Tongban opens, against a blank Vite + React page measured in the
// same run on the same machine.
//   initial JS: gzip bytes of the scripts the HTML loads before anything lazy (entry + modulepreload)
//   time to an interactive login screen: navigation start → the login button is visible and enabled, in headless
//   Chromium, browser mode, against a local platform server and SoftHSM keys.
// Targets (issue 5): initial JS ≤ 350 KB gzip; time ≤ 2× the baseline's.
import { readFile } from 'node:fs/promises';
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
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Gzip size of the scripts an HTML page loads up front. */
async function initialJs(dir: string): Promise<number> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  let total = 0;
  for (const src of srcs) total += gzipSync(await readFile(path.join(dir, src)), { level: 9 }).length;
  return total;
}

async function timeToInteractive(browser: Browser, url: string, button: RegExp): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: button }).first().waitFor({ state: 'visible' });
    await page.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => new RegExp(name).test(b.textContent ?? '') && !b.disabled), button.source);
    const t = await page.evaluate(() => performance.now());
    if (i > 0) times.push(t); // the first run warms the disk cache and Chromium
    await context.close();
  }
  return times;
}

const baselineDir = path.join(repo, 'dist', 'bench-baseline');
await build({ root: path.join(repo, 'bench', 'ui-baseline'), base: './', logLevel: 'warn', plugins: [react()], build: { outDir: baselineDir, emptyOutDir: true } });
await build({ configFile: path.join(repo, 'vite.renderer.config.ts'), logLevel: 'warn' });
const rendererDir = path.join(repo, 'dist', 'renderer');

const keys = await createTokenSandbox({ only: ['JSCA-RSA-0001'] });
const portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
const store = new LocalStore(':memory:');
const tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
await tokens.start();
const services = new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array() });
const tongban = await startBrowserHost({ rendererDir, services });
const baseline = await startBrowserHost({ rendererDir: baselineDir });

const browser = await chromium.launch({
  executablePath: process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const [tongbanJs, baselineJs] = [await initialJs(rendererDir), await initialJs(baselineDir)];
  const baselineMs = median(await timeToInteractive(browser, baseline.url, /登录/));
  const tongbanMs = median(await timeToInteractive(browser, tongban.url, /^登\s*录$/));
  const ratio = tongbanMs / baselineMs;
  const rows: Array<[string, string, string]> = [
    ['initial JS, gzip: baseline', `${(baselineJs / 1024).toFixed(1)} KB`, ''],
    ['initial JS, gzip: Tongban', `${(tongbanJs / 1024).toFixed(1)} KB`, 'target <= 350 KB'],
    ['time to interactive: baseline (median)', `${baselineMs.toFixed(0)} ms`, `n=${RUNS}`],
    ['time to interactive login: Tongban (median)', `${tongbanMs.toFixed(0)} ms`, `n=${RUNS}`],
    ['ratio Tongban/baseline', ratio.toFixed(2), 'target <= 2.00'],
  ];
  for (const [name, value, note] of rows) console.log(`${name.padEnd(46)} ${value.padStart(10)}   ${note}`);
  const ok = tongbanJs <= 350 * 1024 && ratio <= 2;
  console.log(ok ? 'bench:ui within targets' : 'bench:ui OUTSIDE targets');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  await tongban.close();
  await baseline.close();
  await tokens.stop();
  store.close();
  await portal.close();
  await keys.cleanup();
}
