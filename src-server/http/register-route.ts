/**
 * Registers a route from its contract declaration: access is checked first (an anonymous caller learns nothing
 * about the body it sent), then path, query and body are validated with the contract's zod schemas, and the
 * handler receives typed, normalised input. Validation failures are `BODY_INVALID` with each issue's path and
 * code (the validators' stable codes such as `USCC_CHECK_DIGIT` where they apply).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { HttpRoute } from '@shared/contract/http/route';
import { fieldIssues } from '@shared/validation/issues';
import { findJsonProblem } from '@shared/validation/storable-json';
import { authorize, authorizeItem, type Principal } from '../plugins/auth';
import { ApiError, type ApiIssue } from './api-error';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends HttpRoute> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  principal: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RouteHandler<R extends HttpRoute> = (
  input: RouteInput<R>,
) => Promise<R['response'] extends z.ZodType ? z.input<R['response']> : unknown>;

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ApiIssue[] = fieldIssues(result.error, value, [where]).slice(0, 20);
  throw new ApiError('BODY_INVALID', { issues });
}

/** Text both databases store and every hash encodes, nesting within bounds: before any schema or hash sees it. */
function assertStorable(request: FastifyRequest, route: HttpRoute): void {
  for (const [where, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
    // A raw-body route's body is its byte stream (a phone's photo, an upload), not JSON to walk.
    if (Buffer.isBuffer(value) || (where === 'body' && route.rawBody)) continue;
    const problem = findJsonProblem(value);
    if (problem) throw new ApiError(problem.code, { issues: [{ path: problem.path ? `${where}.${problem.path}` : where, code: problem.code }] });
  }
}

export function registerRoute<R extends HttpRoute>(app: FastifyInstance, route: R, handler: RouteHandler<R>): void {
  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      const principal = await authorize(app.services, request, route.access);
      assertStorable(request, route);
      const params = parse(route.params, request.params, 'params');
      const query = parse(route.query, request.query, 'query');
      // The item permission comes after the query's check: it reads the item the contract validated.
      authorizeItem(principal, route.access, query);
      const input = {
        params,
        query,
        body: route.rawBody ? undefined : parse(route.body ?? undefined, request.body, 'body'),
        principal,
        request,
        reply,
      } as RouteInput<R>;
      // A route without a body takes none (an empty object at most); anything else is a client error, not
      // something to ignore silently.
      const body: unknown = request.body;
      const empty = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
      if (!route.body && !route.rawBody && !empty) {
        throw new ApiError('BODY_INVALID', { issues: [{ path: 'body', code: 'unexpected_body' }] });
      }
      const result = await handler(input);
      if (app.services.config.validateResponses && route.response && result !== reply) {
        const checked = route.response.safeParse(result);
        if (!checked.success) {
          throw new Error(`${route.operationId} answered outside its contract: ${checked.error.message}`);
        }
      }
      return result;
    },
  });
}
