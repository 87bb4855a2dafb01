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

/**
 * Returns the API at once, before the socket is open, so the first screen renders while the handshake runs; calls
 * made meanwhile wait for it. `onUnavailable` runs if the socket never opens (wrong secret, host gone): the calls
 * that waited resolve to CLIENT_UNAVAILABLE and the caller shows that there is no client API.
 */
export function connectBrowserHost(onUnavailable: () => void): TongbanClientApi | null {
  const secret = takeSecret();
  if (!secret) return null;
  const socket = new WebSocket(`ws://${window.location.host}/rpc`, [`tongban.${secret}`]);
  let waiting: Array<() => void> | null = [];
  socket.addEventListener(
    'open',
    () => {
      const queued = waiting ?? [];
      waiting = null;
      for (const send of queued) send();
    },
    { once: true },
  );
  // A socket that fails before opening fires 'error' then 'close'; after opening, 'close' settles what is pending.
  const neverOpened = () => {
    if (waiting === null) return;
    const queued = waiting;
    waiting = null;
    for (const send of queued) send(); // not open: each resolves to CLIENT_UNAVAILABLE
    onUnavailable();
  };
  socket.addEventListener('error', neverOpened, { once: true });
  socket.addEventListener('close', neverOpened, { once: true });

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
      return new Promise((resolve) => {
        const send = () => {
          if (socket.readyState !== WebSocket.OPEN) {
            resolve({ ok: false, error: { code: 'CLIENT_UNAVAILABLE', retriable: true } });
            return;
          }
          const id = nextId++;
          pending.set(id, resolve);
          socket.send(JSON.stringify({ id, method, input }));
        };
        if (waiting) waiting.push(send);
        else send();
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
