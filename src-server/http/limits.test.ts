/**
 * The caller's address and the server's waits (issue 17 items 5, 13): X-Forwarded-For read only as far as the
 * configured proxies, per-address limits that a flood of addresses cannot empty, and unfinished requests closed
 * within the configured time. The database plays no part here, so SQLite only.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { trustProxyFromEnv } from '../config';
import { FixedWindowLimiter } from './rate-limit';

const PROXY = '10.0.0.1';

describe('the caller behind a proxy', () => {
  let byAddress: Harness;
  let byHops: Harness;
  beforeAll(async () => {
    // One captcha per address and minute: whether a second is refused shows which address the server saw.
    byAddress = await createHarness('sqlite', { config: { trustProxy: [PROXY], challengesPerMinute: 1 } });
    byHops = await createHarness('sqlite', { config: { trustProxy: 1, challengesPerMinute: 1 } });
  });
  afterAll(async () => {
    await byAddress?.close();
    await byHops?.close();
  });

  const captcha = (h: Harness, remoteAddress: string, xff?: string) =>
    h.call({ method: 'POST', url: '/api/captcha', remoteAddress, headers: xff ? { 'x-forwarded-for': xff } : {} }).then((r) => r.statusCode);

  it('takes the address the trusted proxy saw, not one the client wrote in front of it', async () => {
    for (const h of [byAddress, byHops]) {
      expect(await captcha(h, PROXY, '198.51.100.1')).toBe(200);
      // The client prepends a made-up address; the proxy appends the real one. The real one is limited.
      expect(await captcha(h, PROXY, '192.0.2.99, 198.51.100.1')).toBe(429);
      expect(await captcha(h, PROXY, '198.51.100.2')).toBe(200);
    }
  });

  it('ignores X-Forwarded-For from anyone who is not the proxy', async () => {
    expect(await captcha(byAddress, '203.0.113.9', '198.51.100.7')).toBe(200);
    expect(await captcha(byAddress, '203.0.113.9', '198.51.100.8')).toBe(429);
  });

  it('reads TRUST_PROXY as a hop count or addresses, and refuses "trust anyone"', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('1')).toBe(1);
    expect(trustProxyFromEnv('10.0.0.5, 10.1.0.0/16,::1')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(() => trustProxyFromEnv('true')).toThrow(/TRUST_PROXY/);
    expect(() => trustProxyFromEnv('10.0.0.5,*')).toThrow(/TRUST_PROXY/);
  });
});

describe('FixedWindowLimiter', () => {
  it('keeps limiting an address while 60,000 other addresses call (least recently used ones go first)', () => {
    const limiter = new FixedWindowLimiter(1, 60_000);
    const now = 1_000_000;
    limiter.hit('198.51.100.1', now);
    expect(limiter.hit('198.51.100.1', now)).toBeGreaterThan(0);
    for (let i = 0; i < 60_000; i++) {
      limiter.hit(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, now);
      if (i % 10_000 === 0) limiter.hit('198.51.100.1', now);
    }
    expect(limiter.hit('198.51.100.1', now)).toBeGreaterThan(0);
  });

  it('stays within its bound, dropping the address idle the longest', () => {
    const limiter = new FixedWindowLimiter(1, 60_000, 3);
    for (const key of ['a', 'b', 'c']) limiter.hit(key, 0);
    limiter.hit('a', 1); // a is now the most recent
    limiter.hit('d', 2);
    expect(limiter.size).toBe(3);
    expect(limiter.hit('a', 3)).toBeGreaterThan(0); // kept, still over its limit
    expect(limiter.hit('b', 3)).toBe(0); // dropped, starts over
  });
});

describe('bounded request time', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    h = await createHarness('sqlite', { config: { timeouts: { requestMs: 1000, idleMs: 5000 } } });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => h?.close());

  it('answers 408 and closes a connection whose body never finishes, within the configured time', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"enterprise":');
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      setTimeout(() => reject(new Error('still open after 10 s')), 10_000).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
