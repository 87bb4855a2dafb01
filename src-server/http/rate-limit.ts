/**
 * A fixed-window counter per caller address, for anonymous routes that cost storage or SMS (registration scans,
 * registration submits, captchas). In memory: a per-instance limit is enough to stop one address from filling the
 * disk or the SMS budget; the reverse proxy limits across instances.
 *
 * The windows are kept in a bounded least-recently-used map (issue 17): a flood of new addresses evicts the
 * addresses idle the longest, never the whole table, so an address being limited stays limited while it keeps
 * calling (it was emptied at 50,000 keys before, which any caller with enough addresses could trigger).
 */
import type { FastifyRequest } from 'fastify';
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

/** Counts the request against `limiter` by the caller's address; 429 RATE_LIMITED with Retry-After when over. */
export function limitByAddress(limiter: FixedWindowLimiter, request: FastifyRequest, now: Date): void {
  const wait = limiter.hit(request.ip, now.getTime());
  if (wait) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
}
