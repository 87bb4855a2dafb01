/**
 * A fixed-window counter per caller address, for anonymous routes that cost storage or SMS (registration scans,
 * registration submits). In memory: a per-instance limit is enough to stop one address from filling the disk or
 * the SMS budget; the reverse proxy limits across instances.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, or 0 when allowed. */
  hit(key: string, now: number): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs || now < w.start) {
      if (this.windows.size > 50_000) this.windows.clear();
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }
}
