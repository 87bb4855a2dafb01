// What bench:ui and bench/ui-ab.ts share: the measure (navigation start → the login button visible and enabled),
// the initial-JS size, the blank Vite + React baseline page, and a client world (SoftHSM keys, a local platform
// server, the client services) for browser-mode hosts to serve renderers against.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { ClientServices } from '../src-main/services/client-services';
import { LocalStore } from '../src-main/services/local-store';
import { TokenClient } from '../src-main/token/token-client';
import { startPortal } from '../tests/fixtures/portal';
import { createTokenSandbox } from '../tests/fixtures/tokens';

export const repo = path.resolve(import.meta.dirname, '..');
export const RUNS = Number(process.env.BENCH_RUNS ?? 15);
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The baseline page's button and Tongban's login button. */
export const BASELINE_BUTTON = /登录/;
export const LOGIN_BUTTON = /^登\s*录$/;

/** Gzip size of the scripts an HTML page loads up front (entry + modulepreload). */
export async function initialJs(dir: string): Promise<number> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  let total = 0;
  for (const src of srcs) total += gzipSync(await readFile(path.join(dir, src)), { level: 9 }).length;
  return total;
}

/** One cold load in a fresh context: ms from navigation start until a button named `button` is visible and enabled. */
export async function timeToInteractive(browser: Browser, url: string, button: RegExp): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name: button }).first().waitFor({ state: 'visible' });
  await page.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => new RegExp(name).test(b.textContent ?? '') && !b.disabled), button.source);
  const t = await page.evaluate(() => performance.now());
  await context.close();
  return t;
}

/** Builds the blank Vite + React page (bench/ui-baseline) into `outDir`. */
export async function buildBaseline(outDir: string): Promise<void> {
  await build({ root: path.join(repo, 'bench', 'ui-baseline'), base: './', logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Client services against a local platform server and one SoftHSM key, as the desktop client would have them. */
export async function clientWorld() {
  const keys = await createTokenSandbox({ only: ['JSCA-RSA-0001'] });
  const portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
  const store = new LocalStore(':memory:');
  const tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
  await tokens.start();
  const services = new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array() });
  return {
    services,
    async close() {
      await tokens.stop();
      store.close();
      await portal.close();
      await keys.cleanup();
    },
  };
}
