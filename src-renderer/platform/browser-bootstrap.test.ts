import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectBrowserHost } from './browser-bootstrap';

/** A WebSocket stand-in the test opens, fails or answers by hand. */
class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket | null = null;
  readyState = 0;
  sent: Array<{ id: number; method: string; input: unknown }> = [];
  private listeners = new Map<string, Array<{ fn: (e: unknown) => void; once: boolean }>>();
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.last = this;
  }
  addEventListener(type: string, fn: (e: unknown) => void, opts?: { once?: boolean }) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), { fn, once: !!opts?.once }]);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as { id: number; method: string; input: unknown });
  }
  fire(type: string, e: unknown = {}) {
    const all = this.listeners.get(type) ?? [];
    this.listeners.set(type, all.filter((l) => !l.once));
    for (const l of all) l.fn(e);
  }
}

function stubBrowser() {
  const storage = new Map<string, string>();
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) });
  vi.stubGlobal('window', {
    location: { hash: '#k=s3cret', host: '127.0.0.1:4000', pathname: '/', search: '' },
    history: { replaceState: () => undefined },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('connectBrowserHost', () => {
  it('gives the API before the socket opens; calls made meanwhile go out when it does', async () => {
    stubBrowser();
    const onUnavailable = vi.fn();
    const api = connectBrowserHost(onUnavailable);
    const socket = FakeSocket.last!;
    expect(socket.protocols).toEqual(['tongban.s3cret']);
    const pending = api!.auth.session({});
    expect(socket.sent).toEqual([]);
    socket.readyState = FakeSocket.OPEN;
    socket.fire('open');
    expect(socket.sent).toEqual([{ id: 1, method: 'auth.session', input: {} }]);
    socket.fire('message', { data: JSON.stringify({ id: 1, result: { ok: true, value: null } }) });
    await expect(pending).resolves.toEqual({ ok: true, value: null });
    expect(onUnavailable).not.toHaveBeenCalled();
  });

  it('when the socket never opens, the waiting calls fail as CLIENT_UNAVAILABLE and the caller hears it once', async () => {
    stubBrowser();
    const onUnavailable = vi.fn();
    const api = connectBrowserHost(onUnavailable);
    const socket = FakeSocket.last!;
    const pending = api!.auth.captcha({});
    socket.readyState = 3;
    socket.fire('error');
    socket.fire('close');
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'CLIENT_UNAVAILABLE' } });
    expect(onUnavailable).toHaveBeenCalledTimes(1);
    expect(socket.sent).toEqual([]);
  });
});
