// Entry of the browser-mode host (`node dist/host/host.mjs`): what `npm start` runs where Electron cannot. The
// same services as the desktop app: a token service child process, the local store, the portal client.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDesktopServices } from '../services/compose';
import { startBrowserHost } from './host';

const rendererDir = process.env.TONGBAN_RENDERER_DIR ?? path.join(import.meta.dirname, '..', 'renderer');
const dataDir = path.resolve(process.env.TONGBAN_CLIENT_DATA_DIR ?? path.join(process.env.TONGBAN_DATA_DIR ?? 'data', 'client'));
mkdirSync(dataDir, { recursive: true });
const port = process.env.TONGBAN_HOST_PORT ? Number(process.env.TONGBAN_HOST_PORT) : 0;

const desktop = createDesktopServices({
  shell: 'browser',
  storeFile: path.join(dataDir, 'tongban.db'),
  logDir: path.join(dataDir, 'logs'),
  log: (message, fields) => console.error(JSON.stringify({ component: 'host', message, ...fields })),
});
const host = await startBrowserHost({ rendererDir, port, services: desktop.services });
console.log(`[tongban] 浏览器模式，请在 Chromium/Chrome 中打开 / browser mode, open: ${host.url}`);
if (process.send) process.send({ kind: 'host-ready', url: host.url });

const stop = () =>
  void host.close().then(async () => {
    await desktop.close();
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
