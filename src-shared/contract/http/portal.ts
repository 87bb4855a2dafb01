import { portalInfoSchema } from '../../portals/catalogue';
import { defineRoute } from './route';

/**
 * Which portal this server is (src-shared/portals): public, so the desktop can check before a login that the
 * server it was pointed at serves the portal the clerk chose (PORTAL_MISMATCH otherwise).
 */
export const portalRoute = defineRoute({
  method: 'GET',
  path: '/api/portal',
  operationId: 'portal',
  summary: 'Which portal this server serves: id, name, login methods, service items, flows, support contacts',
  tag: 'system',
  access: { kind: 'public' },
  response: portalInfoSchema,
});
