/** Health check and the OpenAPI document. */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { httpRoutes } from '@shared/contract/http/index';
import { beijingHttpRoutes } from '@shared/contract/http/beijing';
import { healthRoute, openApiRoute } from '@shared/contract/http/system';
import { openApiDocument } from '../http/openapi';
import { registerRoute } from '../http/register-route';

declare const __TONGBAN_VERSION__: string | undefined;
const version = typeof __TONGBAN_VERSION__ === 'string' ? __TONGBAN_VERSION__ : '0.0.0-dev';

export const systemRoutes: FastifyPluginAsync = async (app) => {
  const { db, engine } = app.services;
  // beijing (issue 16): a portal's own routes are in its document only where they are served.
  const document = openApiDocument(app.services.config.portal === 'beijing-sme' ? [...httpRoutes, ...beijingHttpRoutes] : httpRoutes, version);

  registerRoute(app, healthRoute, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok' as const, database: engine, version, sms: app.services.sms.kind, portal: app.services.config.portal };
  });

  registerRoute(app, openApiRoute, async () => document);
};
