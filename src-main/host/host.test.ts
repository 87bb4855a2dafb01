import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from './host';

let host: BrowserHost;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-host-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>通办</title>');
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer');
  host = await startBrowserHost({ rendererDir: path.join(dir, 'renderer') });
});
afterAll(() => host.close());

describe('browser-mode host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('serves the renderer with a content type', async () => {
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('通办');
    const js = await fetch(new URL('assets/app.js', host.url));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/nothing.js'])(
    'never serves %s',
    async (p) => {
      // Raw request path: fetch() would normalise the dots away before sending.
      const res = await rawGet(host.url, p);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    },
  );

  it('refuses writes', async () => {
    expect((await fetch(host.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

async function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
