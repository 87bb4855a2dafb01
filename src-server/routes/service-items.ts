/** Service items (事项) and their guides: what an account may use (handlers: the items they were granted). */
import type { FastifyPluginAsync } from 'fastify';
import { listServiceItemsRoute, serviceItemGuideSchema } from '@shared/contract/http/subsidy';
import { portalEntry } from '@shared/portals/catalogue';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';

export const serviceItemRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app.services;
  // The service_items table is every portal's schema (SIP's rows are seeded by migration): a portal lists only its own.
  const portalItems: readonly string[] = portalEntry(config.portal).items;

  registerRoute(app, listServiceItemsRoute, async ({ principal }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    const rows = await db.selectFrom('service_items').selectAll().orderBy('sort_order').execute();
    const items = rows
      .filter((r) => portalItems.includes(r.item) && (principal.permissions as readonly string[]).includes(r.item))
      .map((r) => serviceItemGuideSchema.parse(JSON.parse(r.guide_json)));
    return { items };
  });
};
