// Entry of the browser-mode host (`node dist/host/host.mjs`): what `npm start` runs where Electron cannot. The
// same services as the desktop app: a token service child process, the local store, the portal client.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ClientServices } from '../services/client-services';
import { loadFormFont } from '../services/form-font';
import { LocalStore } from '../services/local-store';
import { renderRegistrationForms } from '../services/registration-forms';
import { readSeedSettings, seedSettingsFiles } from '../services/seed-settings';
import { TokenClient } from '../token/token-client';
import { startBrowserHost } from './host';

const rendererDir = process.env.TONGBAN_RENDERER_DIR ?? path.join(import.meta.dirname, '..', 'renderer');
const dataDir = path.resolve(process.env.TONGBAN_CLIENT_DATA_DIR ?? path.join(process.env.TONGBAN_DATA_DIR ?? 'data', 'client'));
mkdirSync(dataDir, { recursive: true });
const port = process.env.TONGBAN_HOST_PORT ? Number(process.env.TONGBAN_HOST_PORT) : 0;

const store = new LocalStore(path.join(dataDir, 'tongban.db'));
const seed = readSeedSettings(seedSettingsFiles(process.env), (m, f) => console.error(m, f));
const tokens = new TokenClient({ pollMs: 1000, settingsModules: store.getSetting<string[]>('pkcs11Modules') ?? seed.pkcs11Modules ?? [] });
void tokens.start();
const services = new ClientServices({
  shell: 'browser',
  store,
  tokens,
  defaultServerUrl: process.env.TONGBAN_SERVER_URL ?? 'http://127.0.0.1:8787',
  seed,
  printRegistrationForms: async (form) => renderRegistrationForms(form, await loadFormFont()),
  log: (message, fields) => console.error(JSON.stringify({ component: 'host', message, ...fields })),
});
const host = await startBrowserHost({ rendererDir, port, services });
console.log(`[tongban] 浏览器模式，请在 Chromium/Chrome 中打开 / browser mode, open: ${host.url}`);
if (process.send) process.send({ kind: 'host-ready', url: host.url });

const stop = () =>
  void host.close().then(async () => {
    await tokens.stop();
    store.close();
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
