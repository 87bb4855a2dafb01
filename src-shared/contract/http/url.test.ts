import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpRoutes } from './index';
import { getSubsidyRoute, staffSubsidyQueueRoute } from './subsidy';
import { RouteInputError, routeUrl } from './url';

const enterpriseId = '00000000-0000-4000-8000-000000000001';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof RouteInputError) return e.issues;
    throw e;
  }
  return null;
}

describe('routeUrl, the one URL builder', () => {
  it('encodes path parameters so an id cannot leave its segment', () => {
    const route = { path: '/api/things/:thingId/parts/:part' };
    expect(routeUrl(route, { params: { thingId: 'a/../b?c', part: '中 文' } })).toBe('/api/things/a%2F..%2Fb%3Fc/parts/%E4%B8%AD%20%E6%96%87');
    expect(issuesOf(() => routeUrl(route, { params: { thingId: 'x' } }))).toEqual([{ path: 'params.part', code: 'REQUIRED' }]);
  });

  it('sends the service item the route declares, and refuses another or none', () => {
    expect(routeUrl(getSubsidyRoute, { params: { enterpriseId, applicationId: 'app-1' }, query: { item: 'subsidy' } })).toBe(`/api/enterprises/${enterpriseId}/subsidy-applications/app-1?item=subsidy`);
    expect(issuesOf(() => routeUrl(getSubsidyRoute, { params: { enterpriseId, applicationId: 'a' }, query: { item: 'disbursement' } }))).toEqual([{ path: 'query.item', code: 'CHOICE_INVALID' }]);
    expect(issuesOf(() => routeUrl(getSubsidyRoute, { params: { enterpriseId, applicationId: 'a' } }))).toEqual([{ path: 'query.item', code: 'REQUIRED' }]);
  });

  it('checks the query as the server will read it (strings, coerced), leaving out empty filters', () => {
    expect(routeUrl(staffSubsidyQueueRoute, { query: { status: undefined, limit: 20, offset: 0, q: '' } })).toBe('/api/staff/subsidy-applications?limit=20&offset=0');
    expect(issuesOf(() => routeUrl(staffSubsidyQueueRoute, { query: { limit: 'many' } }))?.[0]?.path).toBe('query.limit');
    expect(issuesOf(() => routeUrl({ path: '/api/x' }, { query: { item: 'subsidy' } }))).toEqual([{ path: 'query.item', code: 'NOT_ALLOWED' }]);
    expect(routeUrl({ path: '/api/x', query: z.object({ n: z.coerce.number().int() }) }, { query: { n: 3 } })).toBe('/api/x?n=3');
  });

  it('every route whose access needs a service item declares the item in its query schema', () => {
    const itemRoutes = httpRoutes.filter((r) => r.access.kind === 'account' && r.access.item);
    expect(itemRoutes.length).toBeGreaterThan(10);
    for (const route of itemRoutes) expect(route.query?.shape, route.operationId).toHaveProperty('item');
  });
});
