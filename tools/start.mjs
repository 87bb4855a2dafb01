// `npm start`: the platform server on the embedded default, then the client: the Electron desktop app where
// its binary is installed, otherwise browser mode (a loopback host whose URL is printed for any Chromium).
import { spawn } from 'node:child_process';
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
run('server', process.execPath, ['dist/server/server.mjs'], { PORT: port });
const electron = process.env.TONGBAN_BROWSER_MODE ? null : electronBinary();
if (electron) {
  run('desktop client', electron, ['.'], { TONGBAN_SERVER_URL: `http://127.0.0.1:${port}` });
} else {
  console.log('[tongban] Electron binary not installed: starting browser mode. / 未安装 Electron，使用浏览器模式。');
  run('browser host', process.execPath, ['dist/host/host.mjs'], { TONGBAN_SERVER_URL: `http://127.0.0.1:${port}` });
}
