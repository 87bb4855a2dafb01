/** Health check (database and file store) and the OpenAPI document. */
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { httpRoutes } from '@shared/contract/http/index';
import { beijingHttpRoutes } from '@shared/contract/http/beijing';
import { healthRoute, openApiRoute } from '@shared/contract/http/system';
import { openApiDocument } from '../http/openapi';
import { registerRoute } from '../http/register-route';

export const HEALTH_TIMEOUT_MS = 2000;

/** 'ok' when `check` settles in time; otherwise 'failing', and the reason in the log (never in the answer). */
async function answers(check: () => Promise<unknown>, what: string, log: FastifyBaseLogger): Promise<'ok' | 'failing'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), late]);
    return 'ok';
  } catch (err) {
    log.error({ err }, `health: the ${what} does not answer`);
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

declare const __TONGBAN_VERSION__: string | undefined;
const version = typeof __TONGBAN_VERSION__ === 'string' ? __TONGBAN_VERSION__ : '0.0.0-dev';

export const systemRoutes: FastifyPluginAsync = async (app) => {
  const { db, engine } = app.services;
  // The document lists what this server serves: a portal's flows are registered after this plugin (flows.ts), so
  // it is made on the first request, from the contract's routes the server has.
  let document: ReturnType<typeof openApiDocument> | null = null;
  const served = () => [...httpRoutes, ...beijingHttpRoutes].filter((r) => app.hasRoute({ method: r.method, url: r.path }));

  // Each check within HEALTH_TIMEOUT_MS: a database or a share that hangs must not hang the balancer's probe.
  registerRoute(app, healthRoute, async ({ request, reply }) => {
    const [database, files] = await Promise.all([
      answers(() => sql`select 1`.execute(db), 'database', request.log),
      answers(() => app.services.files.probe(), 'file store', request.log),
    ]);
    const ok = database === 'ok' && files === 'ok';
    if (!ok) void reply.code(503).header('retry-after', '5');
    return { status: ok ? ('ok' as const) : ('unavailable' as const), checks: { database, files }, database: engine, version, sms: app.services.sms.kind, portal: app.services.config.portal };
  });

  registerRoute(app, openApiRoute, async () => (document ??= openApiDocument(served(), version)));
};
