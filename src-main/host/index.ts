// Entry of the browser-mode host (`node dist/host/host.mjs`): what `npm start` runs where Electron cannot.
import path from 'node:path';
import { startBrowserHost } from './host';

const rendererDir = process.env.TONGBAN_RENDERER_DIR ?? path.join(import.meta.dirname, '..', 'renderer');
const port = process.env.TONGBAN_HOST_PORT ? Number(process.env.TONGBAN_HOST_PORT) : 0;
const host = await startBrowserHost({ rendererDir, port });
console.log(`[tongban] 浏览器模式 / browser mode: ${host.url}`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
