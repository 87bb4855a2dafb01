/**
 * The one HTTP client of the desktop app (axios), speaking the routes declared in src-shared/contract/http.
 * It holds the session token in memory only — the renderer never sees it, and nothing writes it to disk — and
 * turns every failure into a Result that keeps what the server said: its stable code, whether retrying may help,
 * the request id a clerk quotes to support, and every field issue. No answer at all is SERVER_UNREACHABLE; an
 * answer that is not ours (a proxy's 502 page) is SERVER_ANSWER_UNREADABLE.
 */
import axios, { type AxiosInstance, type AxiosProgressEvent, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { errorBodySchema, type HttpRoute } from '@shared/contract/http/route';
import { RouteInputError, routeUrl, type QueryValue } from '@shared/contract/http/url';
import type { AppError, Result } from '@shared/contract/result';
import { serverUrlAllowed } from '@shared/contract/server-url';

type Out<R extends HttpRoute> = R['response'] extends z.ZodType ? z.infer<R['response']> : unknown;

export interface PortalRequest {
  params?: Record<string, string>;
  /** Checked against the route's `query` schema before sending (the service item: `{ item: 'subsidy' }`). */
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Raw bytes for upload routes. */
  bytes?: Uint8Array;
  onUploadProgress?: (sent: number, total: number) => void;
  /** Send without the session (public routes while signed in elsewhere). */
  anonymous?: boolean;
  /** Extra headers (a registration upload token). */
  headers?: Record<string, string>;
}

export class PortalClient {
  private readonly http: AxiosInstance;
  private token: string | null = null;
  /** A server URL that breaks the https rule (an older version's store, a bad environment) sends nothing at all. */
  private readonly refused: Result<never> | null;

  /** `onAnswer`: the server answered a call (any status but a gateway's 502/503/504): it can be reached again. */
  constructor(baseUrl: string, private readonly opts: { timeoutMs?: number; onAnswer?: () => void } = {}) {
    this.refused = serverUrlAllowed(baseUrl) ? null : fail({ code: 'SERVER_URL_NOT_HTTPS', retriable: false });
    this.http = axios.create({
      baseURL: baseUrl,
      timeout: opts.timeoutMs ?? 30_000,
      // Errors become Results below; never let axios throw on a 4xx.
      validateStatus: () => true,
      maxRedirects: 0,
      headers: { 'X-Requested-With': 'tongban' },
    });
  }

  setSession(token: string | null): void {
    this.token = token;
  }

  get signedIn(): boolean {
    return this.token !== null;
  }

  /** The session's Authorization header, for the tus client (upload-services.ts), which sends its own requests. */
  sessionHeaders(): Record<string, string> {
    return this.token ? { Authorization: `Bearer ${this.token}`, 'X-Requested-With': 'tongban' } : { 'X-Requested-With': 'tongban' };
  }

  async call<R extends HttpRoute>(route: R, req: PortalRequest = {}): Promise<Result<Out<R>>> {
    if (this.refused) return this.refused;
    const url = urlOf(route, req);
    if (typeof url !== 'string') return url;
    const headers: Record<string, string | null> = { ...req.headers };
    if (this.token && !req.anonymous) headers.Authorization = `Bearer ${this.token}`;
    let data: unknown = req.body;
    // axios would label a body-less POST as a form; the server accepts only what a route declares.
    if (data === undefined && !req.bytes) headers['Content-Type'] = null;
    if (req.bytes) {
      headers['Content-Type'] = 'application/octet-stream';
      data = Buffer.from(req.bytes);
    }
    try {
      const res = await this.http.request({
        method: route.method,
        url,
        data,
        headers,
        onUploadProgress: req.onUploadProgress ? (e: AxiosProgressEvent) => req.onUploadProgress?.(e.loaded, e.total ?? e.loaded) : undefined,
      });
      if (![502, 503, 504].includes(res.status)) this.opts.onAnswer?.();
      if (res.status >= 200 && res.status < 300) {
        const parsed = route.response ? route.response.safeParse(res.data) : { success: true as const, data: res.data };
        if (!parsed.success) return fail(withRequestId({ code: 'CLIENT_ERROR', retriable: false, details: { reason: 'unexpected response' } }, headerRequestId(res)));
        return { ok: true, value: parsed.data as Out<R> };
      }
      return fail(errorOf(res, res.data));
    } catch {
      return fail({ code: 'SERVER_UNREACHABLE', retriable: true });
    }
  }

  /**
   * A route that answers with bytes (a PDF, a stored file): the bytes and the media type the server labelled them
   * with. Errors come back as JSON and become Results as in `call`.
   */
  async download(route: HttpRoute, req: Pick<PortalRequest, 'params' | 'query'> = {}): Promise<Result<{ bytes: Buffer; mediaType: string }>> {
    if (this.refused) return this.refused;
    const url = urlOf(route, req);
    if (typeof url !== 'string') return url;
    const headers: Record<string, string | null> = { 'Content-Type': null };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    try {
      const res = await this.http.request<ArrayBuffer>({ method: route.method, url, headers, responseType: 'arraybuffer' });
      const bytes = Buffer.from(res.data);
      if (res.status >= 200 && res.status < 300) {
        const type = res.headers['content-type'];
        return { ok: true, value: { bytes, mediaType: typeof type === 'string' ? type.split(';')[0]!.trim() : 'application/octet-stream' } };
      }
      let body: unknown = null;
      try {
        body = JSON.parse(bytes.toString('utf8'));
      } catch {
        // not JSON: no code to report
      }
      return fail(errorOf(res, body));
    } catch {
      return fail({ code: 'SERVER_UNREACHABLE', retriable: true });
    }
  }
}

/** The URL of a call, or INPUT_INVALID with the issues when the call breaks the route's contract (nothing sent). */
function urlOf(route: HttpRoute, req: Pick<PortalRequest, 'params' | 'query'>): string | Result<never> {
  try {
    return routeUrl(route, req);
  } catch (e) {
    if (e instanceof RouteInputError) return fail({ code: 'INPUT_INVALID', retriable: false, issues: e.issues });
    throw e;
  }
}

/**
 * A non-2xx answer as a Result error. Ours carries the stable code, `retriable`, the request id and every field
 * issue, and is kept as the server said it. Anything else (a proxy's or gateway's HTML page, an empty body) is
 * SERVER_ANSWER_UNREADABLE: something answered, so the network is up, but not the portal; trying later may help.
 */
function errorOf(res: AxiosResponse, data: unknown): AppError {
  const requestId = headerRequestId(res);
  const parsed = errorBodySchema.safeParse(data);
  if (!parsed.success) return withRequestId({ code: 'SERVER_ANSWER_UNREADABLE', retriable: true, details: { status: res.status } }, requestId);
  const e = parsed.data.error;
  const error: AppError = { code: e.code, retriable: e.retriable };
  if (e.issues?.length) error.issues = e.issues;
  return withRequestId(error, e.requestId ?? requestId);
}

function headerRequestId(res: AxiosResponse): string | undefined {
  const id: unknown = res.headers['x-request-id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

const withRequestId = (error: AppError, requestId: string | undefined): AppError => (requestId ? { ...error, requestId } : error);

const fail = (error: AppError): Result<never> => ({ ok: false, error });
