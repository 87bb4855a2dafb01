// Where a clerk's wait goes, measured from outside the product's code in the bench's own process: the token
// service calls (IPC + PKCS#11 + CMS, in its process), the portal's handling of each HTTP request (its Node server's
// request → finish), its database queries (Kysely's executor) and the client services' dispatch (what the renderer
// awaits). Sums over a window; the clerk bench reads them around one action at a time, so nothing overlaps.
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';

export interface Spans {
  token: number;
  server: number;
  db: number;
  dispatch: number;
  requests: number;
}

export const spans: Spans = { token: 0, server: 0, db: 0, dispatch: 0, requests: 0 };
export const resetSpans = () => Object.assign(spans, { token: 0, server: 0, db: 0, dispatch: 0, requests: 0 });

/** Wraps `obj[name]` (an async method) so that its time adds to `spans[span]`. */
export function timeMethod<K extends string>(obj: Record<K, (...args: never[]) => Promise<unknown>>, name: K, span: 'token' | 'dispatch'): void {
  const original = obj[name].bind(obj) as (...args: unknown[]) => Promise<unknown>;
  (obj as Record<K, unknown>)[name] = async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(...args);
    } finally {
      spans[span] += performance.now() - t0;
    }
  };
}

export function timeServer(server: Server): void {
  server.on('request', (_req, res) => {
    const t0 = performance.now();
    res.once('finish', () => {
      spans.server += performance.now() - t0;
      spans.requests++;
    });
  });
}

/** Every query of this Kysely instance goes through its executor's executeQuery; the prototype is shared. */
export function timeDatabase(db: Kysely<never>): void {
  const proto = Object.getPrototypeOf(db.getExecutor()) as { executeQuery: (...args: unknown[]) => Promise<unknown> };
  const original = proto.executeQuery;
  proto.executeQuery = async function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      spans.db += performance.now() - t0;
    }
  };
}
