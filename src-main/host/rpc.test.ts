import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ClientEvents } from '@shared/contract/client-api';
import { startBrowserHost, type BrowserHost } from './host';
import type { RpcServices } from './rpc';

/** A services stand-in that records what reached it: the transport is what is under test here. */
const calls: Array<{ method: string; input: unknown }> = [];
let emit: (event: keyof ClientEvents, payload: unknown) => void = () => {};
const services: RpcServices = {
  async dispatch(method, input) {
    calls.push({ method, input });
    return { ok: true, value: { echoed: method } };
  },
  subscribe(listener) {
    emit = listener;
    return () => {
      emit = () => {};
    };
  },
};

let host: BrowserHost;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-rpc-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ rendererDir: dir, services });
});
afterAll(() => host.close());

const wsUrl = (pathname = '/rpc') => `${host.origin.replace('http', 'ws')}${pathname}`;

/** Opens a socket the way a page would; resolves with the socket or the HTTP status that refused it. */
function connect(opts: { secret?: string | null; origin?: string | null; hostHeader?: string; path?: string }): Promise<{ socket?: WebSocket; status?: number }> {
  const protocols = opts.secret === null ? [] : [`tongban.${opts.secret ?? host.secret}`];
  const headers: Record<string, string> = {};
  if (opts.hostHeader) headers.host = opts.hostHeader;
  const socket = new WebSocket(wsUrl(opts.path), protocols, { ...(opts.origin === null ? {} : { origin: opts.origin ?? host.origin }), headers });
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.once('error', () => resolve({ status: -1 }));
  });
}

function call(socket: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    socket.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (m.id === id) resolve(m.result);
    });
    socket.send(JSON.stringify({ id, method, input }));
  });
}

describe('browser-mode RPC', () => {
  it('serves the client API to the renderer it launched (secret + own origin)', async () => {
    const { socket } = await connect({});
    expect(socket).toBeDefined();
    expect(await call(socket!, 1, 'app.info', {})).toEqual({ ok: true, value: { echoed: 'app.info' } });
    socket!.close();
  });

  it('pushes events to the renderer', async () => {
    const { socket } = await connect({});
    const got = new Promise((resolve) => socket!.once('message', (d) => resolve(JSON.parse(d.toString()))));
    emit('tokens.changed', []);
    expect(await got).toEqual({ event: 'tokens.changed', payload: [] });
    socket!.close();
  });

  it.each([
    ['no secret', { secret: null }, 401],
    ['a wrong secret', { secret: 'x'.repeat(43) }, 401],
    ['another origin', { origin: 'https://evil.example' }, 403],
    ['no origin', { origin: null }, 403],
    ['a rebound host name (DNS rebinding)', { hostHeader: 'evil.example' }, 403],
    ['a secret of another length', { secret: 'short' }, 401],
    // Another loopback service's page (the portal on 8787, say) is another origin, though the same host name.
    ['a page on another loopback port', { origin: 'http://127.0.0.1:8787' }, 403],
    // Sandboxed iframes and file:// pages send the literal origin "null".
    ['the opaque origin of a sandboxed or file page', { origin: 'null' }, 403],
    ['a path other than the RPC socket', { path: '/rpc-other' }, 400],
  ] as const)('gives nothing to a client with %s', async (_name, opts, status) => {
    const before = calls.length;
    const result = await connect(opts);
    expect(result.socket).toBeUndefined();
    expect(result.status).toBe(status);
    expect(calls.length).toBe(before);
  });

  it('refuses static files to a rebound host name too', async () => {
    const { request } = await import('node:http');
    const u = new URL(host.origin);
    const status = await new Promise<number>((resolve) => {
      request({ host: u.hostname, port: u.port, path: '/', headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });

  it('closes the socket on a malformed message instead of guessing', async () => {
    const { socket } = await connect({});
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    socket!.send('not json');
    expect(await closed).toBe(1003);
  });
});
