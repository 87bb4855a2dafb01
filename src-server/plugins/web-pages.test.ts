import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { CONSOLE_CSP, defaultWebDir, PHONE_CSP, webPagesPlugin } from './web-pages';

describe('web pages under /console/', () => {
  let dir: string;
  let app: FastifyInstance;
  let unbuilt: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-web-'));
    const web = path.join(dir, 'web');
    await mkdir(path.join(web, 'assets'), { recursive: true });
    await writeFile(path.join(web, 'index.html'), '<!doctype html><title>工作台</title>');
    await writeFile(path.join(web, 'phone.html'), '<!doctype html><title>上传盖章收据</title><script type="module" src="/console/assets/phone-abc.js"></script>');
    await writeFile(path.join(web, 'assets', 'phone-abc.js'), 'console.log(2)');
    await writeFile(path.join(web, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(path.join(web, 'assets', 'index-abc.css'), 'body{}');
    await writeFile(path.join(dir, 'secret.txt'), 'not for you');
    app = Fastify();
    await app.register(webPagesPlugin, { webDir: web });
    unbuilt = Fastify();
    await unbuilt.register(webPagesPlugin, { webDir: path.join(dir, 'missing') });
  });
  afterAll(async () => {
    await app.close();
    await unbuilt.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at /console and /console/ with the console CSP, uncached', async () => {
    for (const url of ['/console', '/console/']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('工作台');
    }
  });

  it('serves hashed assets with their content types, cached for good', async () => {
    const js = await app.inject({ method: 'GET', url: '/console/assets/index-abc.js' });
    expect([js.statusCode, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await app.inject({ method: 'GET', url: '/console/assets/index-abc.css' });
    expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('refuses paths outside the build, however encoded', async () => {
    for (const url of ['/console/../secret.txt', '/console/%2e%2e/secret.txt', '/console/assets/%2e%2e%2f..%2fsecret.txt', '/console/..%5csecret.txt', '/console/%00']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('not for you');
    }
    const missing = await app.inject({ method: 'GET', url: '/console/assets/nope.js' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    expect((await app.inject({ method: 'GET', url: '/console/assets' })).statusCode).toBe(404);
  });

  it('answers 404 saying how to build when dist/web is missing', async () => {
    const res = await unbuilt.inject({ method: 'GET', url: '/console/' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('npm run build:web');
  });

  it('is registered by buildServer beside the API', async () => {
    const server = await buildServer({ env: { TONGBAN_DATA_DIR: path.join(dir, 'data') }, webDir: path.join(dir, 'web') });
    try {
      expect((await server.inject({ method: 'GET', url: '/console/' })).statusCode).toBe(200);
      expect((await server.inject({ method: 'GET', url: '/m/receipt' })).statusCode).toBe(200);
      expect((await server.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
      expect((await server.inject({ method: 'GET', url: '/consolex' })).json().error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await server.close();
    }
  });

  it('serves the phone receipt page at /m/receipt with a strict CSP, camera for itself only, no referrer, no cache', async () => {
    const res = await app.inject({ method: 'GET', url: '/m/receipt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('上传盖章收据');
    expect(res.headers['content-security-policy']).toBe(PHONE_CSP);
    const csp = Object.fromEntries(PHONE_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp['media-src']).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(PHONE_CSP).not.toContain('unsafe');
    expect(res.headers['permissions-policy']).toMatch(/^camera=\(self\)/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    // Its assets come from the console's hashed assets.
    const js = await app.inject({ method: 'GET', url: '/console/assets/phone-abc.js' });
    expect(js.statusCode).toBe(200);
    // The token travels in the fragment, which never reaches the server; a query string changes nothing.
    expect((await app.inject({ method: 'GET', url: '/m/receipt?x=1' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/m/receipt/other' })).statusCode).toBe(404);
  });

  it('answers 404 with a page saying so when the phone page is not built', async () => {
    const res = await unbuilt.inject({ method: 'GET', url: '/m/receipt' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('手机上传页面尚未构建');
    expect(res.headers['content-security-policy']).toBe(PHONE_CSP);
  });

  it('finds dist/web from the source tree and from the server bundle', () => {
    expect(defaultWebDir('/repo/src-server/plugins')).toBe(path.resolve('/repo/dist/web'));
    expect(defaultWebDir('/repo/dist/server')).toBe(path.resolve('/repo/dist/web'));
  });
});
