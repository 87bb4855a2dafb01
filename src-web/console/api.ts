/**
 * The console's one HTTP client: same-origin fetch over the routes declared in src-shared/contract/http, answers
 * checked with the route's zod schema, the bearer token from the session, and every failure thrown as one
 * `ConsoleError` carrying the server's stable code, message and hint.
 */
import type { z } from 'zod';
import { errorBodySchema, type ErrorBody, type HttpRoute } from '@shared/contract/http/route';
import { RouteInputError, routeUrl as buildUrl, type QueryValue, type UrlInput } from '@shared/contract/http/url';
import { clientErrors } from '@shared/errors/client';
import { useSession } from './session';

type Out<R extends HttpRoute> = R['response'] extends z.ZodType ? z.output<R['response']> : never;
type Body<R extends HttpRoute> = R['body'] extends z.ZodType ? z.input<R['body']> : never;

export interface ConsoleRequest<R extends HttpRoute> {
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: Body<R>;
}

export class ConsoleError extends Error {
  constructor(readonly body: ErrorBody['error']) {
    super(body.code);
  }
  get code(): string {
    return this.body.code;
  }
}

const unreachable = () =>
  new ConsoleError({ code: 'SERVER_UNREACHABLE', message: clientErrors.SERVER_UNREACHABLE.message, retriable: true });
const unreadable = () =>
  new ConsoleError({ code: 'SERVER_ANSWER_UNREADABLE', message: clientErrors.SERVER_ANSWER_UNREADABLE.message, hint: clientErrors.SERVER_ANSWER_UNREADABLE.hint, retriable: true });
const unexpected = () => new ConsoleError({ code: 'CLIENT_ERROR', message: clientErrors.CLIENT_ERROR.message, retriable: false });

/** The route's URL; a query its contract refuses (a bad filter) is INPUT_INVALID with the issues, nothing sent. */
function routeUrl(route: HttpRoute, input: UrlInput): string {
  try {
    return buildUrl(route, input);
  } catch (e) {
    if (!(e instanceof RouteInputError)) throw e;
    throw new ConsoleError({ code: 'INPUT_INVALID', message: clientErrors.INPUT_INVALID.message, retriable: false, issues: e.issues });
  }
}

async function send(route: HttpRoute, url: string, body?: unknown): Promise<Response> {
  const token = useSession.getState().session?.token;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  // A file (an upload route's raw body) goes as its bytes with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method: route.method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  } catch {
    throw unreachable();
  }
  if (res.ok) return res;
  const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
  // Something answered that is not the portal (a proxy's error page): not "unreachable", and worth a retry.
  const error = parsed.success ? new ConsoleError(parsed.data.error) : unreadable();
  // An expired or revoked session sends the reviewer back to the login.
  if (res.status === 401 && token) useSession.getState().signOut(true);
  throw error;
}

export async function call<R extends HttpRoute>(route: R, req: ConsoleRequest<R> = {}): Promise<Out<R>> {
  const res = await send(route, routeUrl(route, { params: req.params, query: req.query }), req.body ?? (route.method === 'POST' && route.body ? {} : undefined));
  const parsed = route.response?.safeParse(await res.json().catch(() => null));
  if (!parsed?.success) throw unexpected();
  return parsed.data as Out<R>;
}

/** A byte answer (file download) as a Blob of the given media type, for blob: URLs. */
export async function callBlob(route: HttpRoute, params: Record<string, string>, mediaType: string): Promise<Blob> {
  const res = await send(route, routeUrl(route, { params }));
  return new Blob([await res.arrayBuffer()], { type: mediaType });
}

/** A file to a `rawBody` route (the console's uploads): the answer checked like `call`'s. */
export async function callUpload<R extends HttpRoute>(route: R, file: Blob): Promise<Out<R>> {
  const res = await send(route, routeUrl(route, {}), file);
  const parsed = route.response?.safeParse(await res.json().catch(() => null));
  if (!parsed?.success) throw unexpected();
  return parsed.data as Out<R>;
}
