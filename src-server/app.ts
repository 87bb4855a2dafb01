import Fastify, { type FastifyInstance } from 'fastify';
import { healthRoutes } from './routes/health';

export interface ServerOptions {
  logger?: boolean;
}

/** Builds the platform server without listening, so tests drive it with `inject`. */
export async function buildServer(opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Bodies beyond this are refused before they are parsed; file uploads get their own streaming limit.
    bodyLimit: 1024 * 1024,
  });
  await app.register(healthRoutes, { prefix: '/api' });
  return app;
}
