// `npm run bench:ui`: what a clerk waits for when Tongban opens, against a blank Vite + React page measured in the
// same run on the same machine.
//   initial JS: gzip bytes of the scripts the HTML loads before anything lazy (entry + modulepreload)
//   time to an interactive login screen: navigation start → the login button is visible and enabled, in headless
//   Chromium, browser mode, against a local platform server and SoftHSM keys.
// Targets (issue 5): initial JS ≤ 350 KB gzip; time ≤ 2× the baseline's.
import path from 'node:path';
import { build } from 'vite';
import { startBrowserHost } from '../src-main/host/host';
import { BASELINE_BUTTON, buildBaseline, clientWorld, initialJs, launchChromium, LOGIN_BUTTON, median, repo, RUNS, timeToInteractive } from './ui-harness';
import type { Browser } from 'playwright-core';

/** RUNS cold loads after one that warms the disk cache and Chromium. */
async function timesToInteractive(browser: Browser, url: string, button: RegExp): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = await timeToInteractive(browser, url, button);
    if (i > 0) times.push(t);
  }
  return times;
}

const baselineDir = path.join(repo, 'dist', 'bench-baseline');
await buildBaseline(baselineDir);
await build({ configFile: path.join(repo, 'vite.renderer.config.ts'), logLevel: 'warn' });
const rendererDir = path.join(repo, 'dist', 'renderer');

const world = await clientWorld();
const tongban = await startBrowserHost({ rendererDir, services: world.services });
const baseline = await startBrowserHost({ rendererDir: baselineDir });
const browser = await launchChromium();
try {
  const [tongbanJs, baselineJs] = [await initialJs(rendererDir), await initialJs(baselineDir)];
  const baselineMs = median(await timesToInteractive(browser, baseline.url, BASELINE_BUTTON));
  const tongbanMs = median(await timesToInteractive(browser, tongban.url, LOGIN_BUTTON));
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
  await world.close();
}
