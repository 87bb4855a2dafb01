#!/usr/bin/env node
/**
 * Runs npm scripts at the same time and fails if any fails: `node tools/parallel.mjs typecheck lint`.
 *
 * Why: `tsc -b` and ESLint are each single-threaded and each takes a minute or more on the 2-core CI machine;
 * run one after the other they leave a core idle for that long, in a suite that must stay under 30 minutes.
 * Each script's output is held and printed whole when it ends, so two logs never interleave line by line.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node tools/parallel.mjs <npm script> [<npm script> …]');
  process.exit(2);
}

function run(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    // `shell` so that `npm` resolves to npm.cmd on Windows as well.
    const child = spawn('npm', ['run', script], { shell: true, env: process.env });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (err) => chunks.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const status = code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n── npm run ${script}: ${status} in ${seconds} s ──\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(scripts.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
