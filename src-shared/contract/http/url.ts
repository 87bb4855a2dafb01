/**
 * The one way to turn a route declaration and its inputs into a URL, for every client of the server (main's
 * PortalClient, the console, the phone page). Path parameters are percent-encoded; the query is checked against
 * the route's own `query` schema first, so what the server would refuse as `BODY_INVALID` (a missing or wrong
 * service item) is refused before it leaves. This file imports no zod: the phone page stays small, and routes
 * without a query schema need none.
 */
import type { FieldIssue } from '../../validation/issues';
import type { HttpRoute } from './route';

export type QueryValue = string | number | boolean | undefined;

export interface UrlInput {
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
}

/** A route called with inputs its contract refuses; `issues` name them as the server would (`query.item`). */
export class RouteInputError extends Error {
  override name = 'RouteInputError';
  constructor(readonly issues: FieldIssue[]) {
    super(`route input invalid: ${issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
  }
}

/**
 * `route.path` with its `:name` parameters filled in, plus the query. Throws {@link RouteInputError} for a
 * missing path parameter, for a query on a route that declares none, or for a query its schema refuses.
 */
export function routeUrl(route: Pick<HttpRoute, 'path' | 'query'>, input: UrlInput = {}): string {
  const missing: FieldIssue[] = [];
  const path = route.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined || value === '') missing.push({ path: `params.${name}`, code: 'REQUIRED' });
    return encodeURIComponent(value ?? '');
  });
  if (missing.length > 0) throw new RouteInputError(missing);
  const query = Object.fromEntries(Object.entries(input.query ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  if (!route.query) {
    if (Object.keys(query).length > 0) throw new RouteInputError(Object.keys(query).map((k) => ({ path: `query.${k}`, code: 'NOT_ALLOWED' })));
    return path;
  }
  // Checked as the server will see it: every value a string, parsed by the same schema (coercions included).
  const asSent = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const checked = route.query.safeParse(asSent);
  if (!checked.success) {
    throw new RouteInputError(checked.error.issues.map((i) => ({ path: ['query', ...i.path.map(String)].join('.'), code: queryIssueCode(i.code, asSent[String(i.path[0])]) })));
  }
  const search = Object.entries(asSent).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return search ? `${path}?${search}` : path;
}

/** The generic codes of issues.ts for a query value (without its zod-importing helpers). */
function queryIssueCode(zodCode: string, sent: string | undefined): string {
  if (sent === undefined) return 'REQUIRED';
  if (zodCode === 'invalid_value') return 'CHOICE_INVALID';
  if (zodCode === 'unrecognized_keys') return 'NOT_ALLOWED';
  return 'FORMAT';
}
