/**
 * A fixed-window counter per caller address, for anonymous routes that cost storage or SMS (registration scans,
 * registration submits). In memory: a per-process limit is enough to stop one address from filling the disk (a cost
 * limit); the balancer limits across processes. Limits that guard a secret are {@link SharedWindowLimiter}s.
 *
 * The windows are kept in a bounded least-recently-used map (issue 17): a flood of new addresses evicts the
 * addresses idle the longest, never the whole table, so an address being limited stays limited while it keeps
 * calling (it was emptied at 50,000 keys before, which any caller with enough addresses could trigger).
 */
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type {} from '../db/schema-ops';
import { ApiError } from './api-error';

export const LIMITER_MAX_KEYS = 100_000;

export class FixedWindowLimiter {
  /** Map keeps insertion order: re-inserting on each hit makes the first key the least recently used. */
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly maxKeys = LIMITER_MAX_KEYS,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, or 0 when allowed. */
  hit(key: string, now: number): number {
    let w = this.windows.get(key);
    this.windows.delete(key);
    if (!w || now - w.start >= this.windowMs || now < w.start) w = { start: now, count: 0 };
    this.windows.set(key, w);
    if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
    w.count++;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  get size(): number {
    return this.windows.size;
  }
}


/** What the routes count with: the in-memory limiter above or the shared one below. */
export interface WindowLimiter {
  hit(key: string, now: number): number | Promise<number>;
}

/**
 * The same fixed window, counted in the database (`rate_windows`, migration 0026) so that it holds across every
 * server process on that database (issue 20): the limits that guard a secret — captchas and CA challenges before a
 * login, recovery and renewal codes, phone links, key checks — would otherwise allow N times their number behind
 * N servers. One upsert per hit, so concurrent hits are each counted once on SQLite and PostgreSQL alike. Rows of
 * windows a day old are removed by housekeeping; a flood of addresses costs rows, never another address's count.
 */
export class SharedWindowLimiter implements WindowLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    /** Names the limit in the subject (`<name>:<key>`), so two limits never share a window. */
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  async hit(key: string, now: number): Promise<number> {
    const ms = (n: number) => sql<number>`cast(${n} as bigint)`;
    const stale = sql<boolean>`rate_windows.window_start <= ${ms(now - this.windowMs)} or rate_windows.window_start > ${ms(now)}`;
    const { rows } = await sql<{ window_start: number | string; count: number }>`
      insert into rate_windows (subject, window_start, count) values (${`${this.name}:${key}`}, ${ms(now)}, 1)
      on conflict (subject) do update set
        window_start = case when ${stale} then ${ms(now)} else rate_windows.window_start end,
        count = case when ${stale} then 1 else rate_windows.count + 1 end
      returning window_start, count`.execute(this.db);
    const row = rows[0]!;
    return row.count > this.limit ? Math.max(1, Math.ceil((Number(row.window_start) + this.windowMs - now) / 1000)) : 0;
  }
}

/** Counts the request against `limiter` by the caller's address; 429 RATE_LIMITED with Retry-After when over. */
export async function limitByAddress(limiter: WindowLimiter, request: FastifyRequest, now: Date): Promise<void> {
  const wait = await limiter.hit(request.ip, now.getTime());
  if (wait) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
}
