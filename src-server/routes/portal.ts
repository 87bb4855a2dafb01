/** `GET /api/portal`: which portal this server serves (TONGBAN_PORTAL), from the catalogue and nothing else. */
import type { FastifyPluginAsync } from 'fastify';
import { portalRoute } from '@shared/contract/http/portal';
import { portalInfo } from '@shared/portals/catalogue';
import { registerRoute } from '../http/register-route';

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const info = portalInfo(app.services.config.portal);
  registerRoute(app, portalRoute, async () => info);
};
