// `npm run server`: the platform backend on the embedded default, no configuration needed.
import { buildServer } from './app';

const port = Number(process.env.PORT ?? 8787);
const app = await buildServer({ logger: true });
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
