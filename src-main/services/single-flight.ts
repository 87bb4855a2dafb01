/**
 * One run at a time per key: a second call while one is under way joins it instead of starting another (two sends
 * of one outbox entry, two transfers of one upload would race on the server's idempotency and offsets).
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.running.get(key);
    if (running) return running;
    const p = start().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  has(key: string): boolean {
    return this.running.has(key);
  }
}
