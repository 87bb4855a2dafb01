import type { ClientEvents, TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';

declare global {
  interface Window {
    /** Injected by the Electron preload, or by the browser-mode bootstrap. Absent in a bare browser. */
    tongban?: TongbanClientApi;
  }
}

/** The only place in the renderer that touches `window.tongban`; null in a bare browser (no preload, no host). */
export function clientApi(): TongbanClientApi | null {
  return typeof window === 'undefined' ? null : (window.tongban ?? null);
}

/** Code of the error a call resolves to when the transport itself failed (host gone, IPC broken). */
export const CLIENT_UNAVAILABLE = 'CLIENT_UNAVAILABLE';

/**
 * Calls the client API and always resolves to a Result: the contract says calls never throw, but a transport
 * can (a closed WebSocket), and a screen should show that like any other error rather than hang.
 */
export async function call<T>(invoke: (api: TongbanClientApi) => Promise<Result<T>>): Promise<Result<T>> {
  const api = clientApi();
  if (!api) return { ok: false, error: { code: CLIENT_UNAVAILABLE, retriable: true } };
  try {
    return await invoke(api);
  } catch {
    return { ok: false, error: { code: CLIENT_UNAVAILABLE, retriable: true } };
  }
}

/** Subscribes to a client-API event; a no-op without a client API. Returns the unsubscribe function. */
export function subscribe<E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void): () => void {
  const api = clientApi();
  return api ? api.on(event, listener) : () => undefined;
}
