/**
 * The one HTTP client of the desktop app (axios), speaking the routes declared in src-shared/contract/http.
 * It holds the session token in memory only — the renderer never sees it, and nothing writes it to disk — and
 * turns every failure into a Result with the server's stable code, or SERVER_UNREACHABLE when there was no answer.
 */
import axios, { type AxiosInstance, type AxiosProgressEvent } from 'axios';
import type { z } from 'zod';
import type { HttpRoute } from '@shared/contract/http/route';
import type { AppError, Result } from '@shared/contract/result';

type Out<R extends HttpRoute> = R['response'] extends z.ZodType ? z.infer<R['response']> : unknown;

export interface PortalRequest {
  params?: Record<string, string>;
  body?: unknown;
  /** Raw bytes for upload routes. */
  bytes?: Uint8Array;
  onUploadProgress?: (sent: number, total: number) => void;
  /** Send without the session (public routes while signed in elsewhere). */
  anonymous?: boolean;
}

export class PortalClient {
  private readonly http: AxiosInstance;
  private token: string | null = null;

  /** `onAnswer`: the server answered a call (any status but a gateway's 502/503/504): it can be reached again. */
  constructor(baseUrl: string, private readonly opts: { timeoutMs?: number; onAnswer?: () => void } = {}) {
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

  async call<R extends HttpRoute>(route: R, req: PortalRequest = {}): Promise<Result<Out<R>>> {
    const url = this.url(route, req);
    const headers: Record<string, string | null> = {};
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
        if (!parsed.success) return fail({ code: 'CLIENT_ERROR', retriable: false, details: { reason: 'unexpected response' } });
        return { ok: true, value: parsed.data as Out<R> };
      }
      return fail(errorOf(res.status, res.data));
    } catch {
      return fail({ code: 'SERVER_UNREACHABLE', retriable: true });
    }
  }

  /**
   * A route that answers with bytes (a PDF, a stored file): the bytes and the media type the server labelled them
   * with. Errors come back as JSON and become Results as in `call`.
   */
  async download(route: HttpRoute, req: Pick<PortalRequest, 'params'> = {}): Promise<Result<{ bytes: Buffer; mediaType: string }>> {
    const headers: Record<string, string | null> = { 'Content-Type': null };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    try {
      const res = await this.http.request<ArrayBuffer>({ method: route.method, url: this.url(route, req), headers, responseType: 'arraybuffer' });
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
      return fail(errorOf(res.status, body));
    } catch {
      return fail({ code: 'SERVER_UNREACHABLE', retriable: true });
    }
  }

  private url(route: HttpRoute, req: Pick<PortalRequest, 'params'>): string {
    return route.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => encodeURIComponent(req.params?.[name] ?? ''));
  }
}

/**
 * The server's error body as a Result error: its stable code, and for a refused body the first issue's field and
 * code (e.g. `body.accountNumber` / `BANK_ACCOUNT_NUMBER_INVALID`), so a form can put the message beside the field.
 */
function errorOf(status: number, data: unknown): AppError {
  const error = (data as { error?: { code?: unknown; issues?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'SERVER_UNREACHABLE';
  const retriable = status >= 500 || status === 429;
  const issue = Array.isArray(error?.issues) ? (error.issues[0] as { path?: unknown; code?: unknown } | undefined) : undefined;
  if (issue && typeof issue.path === 'string' && typeof issue.code === 'string') return { code, retriable, details: { field: issue.path, issue: issue.code } };
  return { code, retriable };
}

const fail = (error: AppError): Result<never> => ({ ok: false, error });
