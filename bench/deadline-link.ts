// The scenario's PortalLink (tests/fixtures/scenario/link.ts) for a server in another process on PostgreSQL: HTTP
// from one caller address per enterprise (X-Forwarded-For behind TRUST_PROXY=1, as 500 companies come from 500
// networks, so the per-address limits meet one company each), captcha answers and SMS read from the database,
// and every request's time recorded while `recording` is on.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { STRONG_PASSWORD, type PortalLink } from '../tests/fixtures/scenario';

export interface RequestTiming {
  /** The route: method and path with ids replaced, e.g. `PATCH /api/uploads/:id`. */
  route: string;
  ms: number;
  status: number;
}

export interface LinkPool {
  link(address: string): PortalLink;
  timings: RequestTiming[];
  failures: string[];
  recording: boolean;
  /** The process id of a PostgreSQL backend serving this pool (its parent is the cluster's postmaster). */
  backendPid(): Promise<number>;
  close(): Promise<void>;
}

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const routeOf = (method: string, path: string) => `${method} ${path.split('?')[0]!.replace(ID, ':id')}`;

export function linkPool(opts: { url: string; databaseUrl: string; staffPassword: string }): LinkPool {
  const db = new pg.Pool({ connectionString: opts.databaseUrl, max: 2 });
  const one = async (sql: string, values: unknown[]) => {
    const { rows } = await db.query<{ v: string }>(sql, values);
    if (!rows[0]) throw new Error(`nothing for ${values.join(', ')}`);
    return rows[0].v;
  };
  let staff: Promise<string> | null = null;
  const pool: LinkPool = {
    timings: [],
    failures: [],
    recording: false,
    link(address) {
      const link: PortalLink = {
        http: async (method, path, o = {}) => {
          const t0 = performance.now();
          const res = await fetch(`${opts.url}${path}`, {
            method,
            headers: {
              'x-forwarded-for': address,
              ...(o.file ? { 'content-type': o.file.mediaType } : o.body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
              ...o.headers,
            },
            ...(o.file ? { body: new Uint8Array(o.file.bytes) } : o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
          });
          const text = await res.text();
          if (pool.recording) {
            pool.timings.push({ route: routeOf(method, path), ms: performance.now() - t0, status: res.status });
            if (res.status >= 400) pool.failures.push(`${routeOf(method, path)} → ${res.status} ${text.slice(0, 200)}`);
          }
          const location = res.headers.get('location');
          return { status: res.status, json: text ? JSON.parse(text) : null, ...(location ? { location } : {}) };
        },
        captchaAnswer: (id) => one('select answer as v from captchas where id = $1', [id]),
        lastSms: (mobile) => one('select text as v from sms_outbox where mobile = $1 order by created_at desc limit 1', [mobile]),
        // The bootstrapped staff admin, its initial password replaced first, as staff would.
        staffAdminToken: () =>
          (staff ??= (async () => {
            const captcha = async () => {
              const { captchaId } = (await (await link.http('POST', '/api/captcha', { body: {} })).json) as { captchaId: string };
              return { captchaId, answer: await link.captchaAnswer(captchaId) };
            };
            const first = await link.http('POST', '/api/staff/login', { body: { username: 'admin', password: opts.staffPassword, captcha: await captcha() } });
            const changed = await link.http('POST', '/api/staff/password', { token: first.json.token, body: { currentPassword: opts.staffPassword, newPassword: STRONG_PASSWORD } });
            if (changed.status !== 200) throw new Error(`staff admin: ${changed.status} ${JSON.stringify(changed.json)}`);
            return changed.json.token as string;
          })()),
      };
      return link;
    },
    backendPid: async () => Number(await one('select pg_backend_pid()::text as v', [])),
    close: () => db.end(),
  };
  return pool;
}
