import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkiKey } from '../tests/fixtures/scenario';
import { describeEachDatabase } from '../tests/fixtures/server/databases';
import { login, solveCaptcha } from '../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../tests/fixtures/server/harness';
import { buildServer } from './app';
import { loadConfig } from './config';

describe('server start-up', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-start-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates the data directory and its SQLite database on first start, and starts again on it', async () => {
    const env = { TONGBAN_DATA_DIR: path.join(dir, 'data') };
    for (let run = 0; run < 2; run++) {
      const app = await buildServer({ env });
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', files: 'ok' }, database: 'sqlite', version: expect.any(String), sms: 'development-outbox', portal: 'sip' });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      await app.close();
    }
    expect(existsSync(path.join(dir, 'data', 'tongban.sqlite'))).toBe(true);
  });

  it('defaults to ./data, trust roots under it, port 8787 and the development outbox; a non-postgres URL is refused', async () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8787, dataDir: path.resolve('data'), trustDir: path.resolve('data/trust'), databaseUrl: null, sms: { provider: 'development-outbox' } });
    expect(config.publicOrigin).toBe('http://127.0.0.1:8787');
    expect(loadConfig({ TONGBAN_PUBLIC_ORIGIN: 'https://one.example.gov.cn/' }).publicOrigin).toBe('https://one.example.gov.cn');
    expect(() => loadConfig({ TONGBAN_PUBLIC_ORIGIN: 'http://one.example.gov.cn' })).toThrow(/https/);
    await expect(buildServer({ env: { TONGBAN_DATA_DIR: dir, TONGBAN_DATABASE_URL: 'mysql://x' } })).rejects.toThrow(/postgres/);
  });

  it('publishes an OpenAPI 3.1 document with security declared per operation', async () => {
    const app = await buildServer({ env: { TONGBAN_DATA_DIR: path.join(dir, 'doc') } });
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    await app.close();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/enterprises/{enterpriseId}/accounts'].get.security).toEqual([{ accountSession: [] }]);
    expect(doc.paths['/api/staff/registry/import'].post.security).toEqual([{ staffSession: [] }]);
    expect(doc.paths['/api/registrations'].post.requestBody.content['application/json'].schema.properties.payload).toBeDefined();
  });

  it('answers unknown routes with a stable code', async () => {
    const app = await buildServer({ env: { TONGBAN_DATA_DIR: path.join(dir, 'nf') } });
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    await app.close();
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});

describeEachDatabase('logs', (engine) => {
  let h: Harness;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    h = await createHarness(engine, { logger: stream, config: { logLevel: 'debug' } });
  });
  afterAll(() => h?.close());

  it('carry request ids and never a password, captcha answer, SMS code or session token', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const captcha = await solveCaptcha(h);
    const res = await h.call({ method: 'POST', url: '/api/auth/login', payload: { enterprise: e.uscc, username: 'admin', password: e.adminPassword, captcha } });
    expect(res.statusCode).toBe(200);
    await login(h, e.uscc, 'super', 'Wrong#Password-99');
    const token = (res.json() as { token: string }).token;
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [e.adminPassword, e.superPassword, 'Wrong#Password-99', captcha.answer, token]) {
      expect(log).not.toContain(secret);
    }
    const requestLines = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string }).filter((l) => l.msg === 'incoming request');
    expect(requestLines.every((l) => typeof l.reqId === 'string')).toBe(true);
    expect(log).toContain('account login');

    // The phone receipt page's one-time token never reaches the log, though its API paths carry it.
    const phoneToken = 'Zz9_'.repeat(10) + 'abc';
    await h.call({ method: 'GET', url: `/api/phone/receipt-links/${phoneToken}` });
    await h.call({ method: 'POST', url: `/api/phone/receipt-links/${phoneToken}/photo`, headers: { 'content-type': 'image/png' }, payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) });
    const after = lines.join('\n');
    expect(after).toContain('/api/phone/receipt-links/[redacted]/photo');
    expect(after).not.toContain(phoneToken);
  });
});
