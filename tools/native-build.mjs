// `npm run native:build`: builds every test module in native/ that has a Makefile (libp11faults.so, …) into
// native/build/. make only rebuilds what changed, so `npm test` and the test fixtures run it every time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const native = path.resolve(import.meta.dirname, '..', 'native');
for (const dir of readdirSync(native).sort()) {
  if (existsSync(path.join(native, dir, 'Makefile'))) execFileSync('make', ['-s', '-C', path.join(native, dir)], { stdio: 'inherit' });
}
