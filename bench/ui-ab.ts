// `npx tsx bench/ui-ab.ts <git revision>`: the working tree's renderer against the renderer of an earlier revision
// (e.g. HEAD~1), and both against bench:ui's blank Vite + React page, measured round robin in one run so a noisy
// machine slows all three alike. The earlier revision's package.json, src-renderer, src-shared,
// vite.renderer.config.ts and tsconfig files come from `git archive` into a temporary directory (node_modules
// linked); the working tree is not touched. Same measure as bench:ui: navigation start -> the login button is
// visible and enabled.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { startBrowserHost } from '../src-main/host/host';
import { BASELINE_BUTTON, buildBaseline, clientWorld, initialJs, launchChromium, LOGIN_BUTTON, median, repo, RUNS, timeToInteractive } from './ui-harness';

const rev = process.argv[2];
if (!rev) {
  console.error('usage: npx tsx bench/ui-ab.ts <git revision>');
  process.exit(2);
}
const work = await mkdtemp(path.join(tmpdir(), 'tongban-ui-ab-'));
const earlier = path.join(work, 'src');
const tsconfigs = execFileSync('git', ['ls-tree', '--name-only', rev], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^tsconfig.*\.json$/.test(f));
execFileSync('bash', ['-c', `mkdir -p "$2" && git archive "$1" package.json src-renderer src-shared vite.renderer.config.ts ${tsconfigs.join(' ')} | tar -x -C "$2"`, '_', rev, earlier], { cwd: repo });
await symlink(path.join(repo, 'node_modules'), path.join(earlier, 'node_modules'));

const dirs = { baseline: path.join(work, 'baseline'), before: path.join(work, 'before'), after: path.join(work, 'after') };
await buildBaseline(dirs.baseline);
await build({ configFile: path.join(earlier, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: dirs.before, emptyOutDir: true } });
await build({ configFile: path.join(repo, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: dirs.after, emptyOutDir: true } });

const world = await clientWorld();
const baseline = await startBrowserHost({ rendererDir: dirs.baseline });
const before = await startBrowserHost({ rendererDir: dirs.before, services: world.services });
const after = await startBrowserHost({ rendererDir: dirs.after, services: world.services });
const browser = await launchChromium();
try {
  const times = { baseline: [] as number[], before: [] as number[], after: [] as number[] };
  for (let i = 0; i <= RUNS; i++) {
    const b = await timeToInteractive(browser, baseline.url, BASELINE_BUTTON);
    const x = await timeToInteractive(browser, before.url, LOGIN_BUTTON);
    const y = await timeToInteractive(browser, after.url, LOGIN_BUTTON);
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
  await world.close();
  await rm(work, { recursive: true, force: true });
}
