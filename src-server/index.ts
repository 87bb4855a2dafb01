// `npm run server`: the platform backend on the embedded default (SQLite in ./data), no configuration needed.
import { buildServer } from './app';
import { loadConfig } from './config';
import { OPERATIONS, runOperation } from './ops/cli';

// `npm run server -- backup <file>` / `restore <file>`: an operation on the database, then exit (ops/cli.ts).
if ((OPERATIONS as readonly string[]).includes(process.argv[2] ?? '')) process.exit(await runOperation(process.argv.slice(2)));

const config = loadConfig();
const app = await buildServer({ logger: true });
await app.listen({ port: config.port, host: config.host });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
