import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { HSTS_HEADER } from './hsts';

describeEachDatabase('HTTP Strict Transport Security', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  it('is on every answer: success, refusal, unknown route, the console pages', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/api/health' },
      { method: 'GET' as const, url: '/api/enterprises/00000000-0000-4000-8000-000000000000' },
      { method: 'POST' as const, url: '/api/auth/login', payload: '{' , headers: { 'content-type': 'application/json' } },
      { method: 'GET' as const, url: '/api/no-such-route' },
    ]) {
      const res = await h.call(req);
      expect(res.headers['strict-transport-security'], `${req.method} ${req.url} → ${res.statusCode}`).toBe(HSTS_HEADER);
    }
    expect(HSTS_HEADER).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_HEADER)![1])).toBeGreaterThanOrEqual(31_536_000);
  });
});
