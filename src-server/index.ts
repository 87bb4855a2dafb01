// `npm run server`: the platform backend on the embedded default (SQLite in ./data), no configuration needed.
import { buildServer } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const app = await buildServer({ logger: true });
await app.listen({ port: config.port, host: config.host });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
