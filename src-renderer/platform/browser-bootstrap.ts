/**
 * Browser mode: builds `window.tongban` over the host's WebSocket RPC. The host opens the renderer at
 * `http://127.0.0.1:<port>/#k=<secret>`; the secret moves from the URL fragment (never sent to a server) to this
 * tab's sessionStorage so a reload still works, and leaves the address bar. Without it, there is no API.
 */
import type { ClientEvents, TongbanClientApi } from '@shared/contract/client-api';
import { buildClientApi } from '@shared/contract/client-api-build';
import type { Result } from '@shared/contract/result';

const SECRET_KEY = 'tongban.hostSecret';

function takeSecret(): string | null {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('k');
  if (fromFragment) {
    sessionStorage.setItem(SECRET_KEY, fromFragment);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(SECRET_KEY);
}

export async function connectBrowserHost(): Promise<TongbanClientApi | null> {
  const secret = takeSecret();
  if (!secret) return null;
  const socket = new WebSocket(`ws://${window.location.host}/rpc`, [`tongban.${secret}`]);
  const opened = await new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true), { once: true });
    socket.addEventListener('error', () => resolve(false), { once: true });
  });
  if (!opened) return null;

  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  socket.addEventListener('message', (e: MessageEvent<string>) => {
    const message = JSON.parse(e.data) as { id?: number; result?: Result<unknown>; event?: keyof ClientEvents; payload?: unknown };
    if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.event) {
      for (const l of listeners.get(message.event) ?? []) l(message.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'CLIENT_UNAVAILABLE', retriable: true } });
    pending.clear();
  });

  return buildClientApi({
    invoke(method, input) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, error: { code: 'CLIENT_UNAVAILABLE', retriable: true } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, input }));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
}
