// `npm start`: the platform server on the embedded default, then the client: the Electron desktop app where
// its binary is installed, otherwise browser mode (a loopback host whose URL is printed for any Chromium).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const children = [];

function run(label, command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    console.log(`[tongban] ${label} exited (${signal ?? code})`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

function shutdown(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

/** The Electron binary's path if it is installed, without triggering electron's lazy download. */
function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const bin = path.join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const port = process.env.PORT ?? '8787';
// After `npm run tokens:demo`: the demo keys for the client and the demo registry for the server, unless the
// environment already says otherwise.
const dataDir = path.resolve(process.env.TONGBAN_DATA_DIR ?? 'data');
const demoConf = path.join(dataDir, 'demo-token', 'softhsm2.conf');
const demoRegistry = path.join(dataDir, 'demo-registry.csv');
const demoKeys = !process.env.SOFTHSM2_CONF && existsSync(demoConf) ? { SOFTHSM2_CONF: demoConf, TONGBAN_PKCS11_MODULES: '/usr/lib/softhsm/libsofthsm2.so' } : {};
if (demoKeys.SOFTHSM2_CONF) console.log(`[tongban] 使用演示 USB Key / using the demo keys: ${demoConf}`);
// The demo keys' certificates name their test CA's OCSP responder and CRL on loopback (issue 17 item 3): serve them,
// so the server checks revocation as with a real CA. Not fatal: without it TONGBAN_REVOCATION_POLICY decides.
if (demoKeys.SOFTHSM2_CONF) {
  const tsx = path.join('node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const revocation = spawn(tsx, ['native/softhsm/revocation-service.ts'], { stdio: 'inherit' });
  revocation.on('exit', (code) => code && console.log(`[tongban] revocation service exited (${code}); revocation answers missing`));
  children.push(revocation);
}
const seed = !process.env.TONGBAN_REGISTRY_CSV && existsSync(demoRegistry) ? { TONGBAN_REGISTRY_CSV: demoRegistry } : {};
// The persons the simulated identity service knows, for a demo pre-registration (native/softhsm/demo-token.ts).
const demoIdentity = path.join(dataDir, 'demo-identity.csv');
if (!process.env.TONGBAN_SIMULATED_IDENTITY_CSV && existsSync(demoIdentity)) seed.TONGBAN_SIMULATED_IDENTITY_CSV = demoIdentity;
// A first staff account for the review console on a fresh local database (ignored once staff exist); it must be
// changed at first login. Real deployments set TONGBAN_STAFF_ADMIN_PASSWORD themselves.
const staffPassword = process.env.TONGBAN_STAFF_ADMIN_PASSWORD ?? 'Tongban#Staff-2026';
// The demo is in the legacy accounts' transition (manual 000): their sign-in closes 90 days from today, not on the
// manual's 2021-06-30 that a real deployment keeps unless it sets TONGBAN_LEGACY_CUTOFF.
const legacyCutoff = process.env.TONGBAN_LEGACY_CUTOFF ?? new Date(Date.now() + (8 * 3600 + 90 * 86400) * 1000).toISOString().slice(0, 10);
// E-licence login (issue 14): SimulatedLicenceService stands in for the national service, with a fresh shared
// secret per start, unless the environment points the server at a licence service itself.
const elicence = {};
if (!process.env.TONGBAN_ELICENCE_URL) {
  const simPort = process.env.SIMULATED_LICENCE_PORT ?? '8790';
  Object.assign(elicence, { TONGBAN_ELICENCE_URL: `http://127.0.0.1:${simPort}`, TONGBAN_ELICENCE_SECRET: randomBytes(32).toString('base64url') });
  run('SimulatedLicenceService', process.execPath, ['tools/simulated-licence/main.mjs'], { ...elicence, SIMULATED_LICENCE_PORT: simPort });
  console.log(`[tongban] 模拟电子营业执照服务 / SimulatedLicenceService (not the national service): http://127.0.0.1:${simPort}/`);
}
run('server', process.execPath, ['dist/server/server.mjs'], { PORT: port, ...seed, ...elicence, TONGBAN_STAFF_ADMIN_PASSWORD: staffPassword, TONGBAN_LEGACY_CUTOFF: legacyCutoff });
console.log(`[tongban] 审核工作台 / staff console: http://127.0.0.1:${port}/console/  (admin / ${staffPassword}，首次登录须修改密码 / change at first login)`);
const electron = process.env.TONGBAN_BROWSER_MODE ? null : electronBinary();
if (electron) {
  run('desktop client', electron, ['.'], { TONGBAN_SERVER_URL: `http://127.0.0.1:${port}`, ...demoKeys });
} else {
  console.log('[tongban] Electron binary not installed: starting browser mode. / 未安装 Electron，使用浏览器模式。');
  run('browser host', process.execPath, ['dist/host/host.mjs'], { TONGBAN_SERVER_URL: `http://127.0.0.1:${port}`, ...demoKeys });
}
