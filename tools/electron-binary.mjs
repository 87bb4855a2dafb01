// Electron >= 45 no longer downloads its binary in a postinstall step; it fetches it lazily on first launch.
// We fetch it at install time where that can work (a Windows workstation with internet), so `npm start`
// opens the desktop client straight away, and skip it where it cannot (our build machines and CI: set
// ELECTRON_SKIP_BINARY_DOWNLOAD=1). A failed download never fails `npm ci`: Tongban then runs in browser mode.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
if (skip && skip !== '0' && skip !== 'false') {
  console.log('[tongban] ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron binary not fetched; `npm start` uses browser mode.');
  process.exit(0);
}
const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
const result = spawnSync(process.execPath, [installScript], { stdio: 'inherit', timeout: 180_000 });
if (result.status !== 0) {
  console.warn('[tongban] Could not fetch the Electron binary (offline?). `npm start` will use browser mode.');
}
