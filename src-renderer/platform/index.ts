import type { TongbanClientApi } from '@shared/contract/client-api';

declare global {
  interface Window {
    /** Injected by the Electron preload, or by the browser-mode bootstrap. Absent in a bare browser. */
    tongban?: TongbanClientApi;
  }
}

/** The only place in the renderer that touches `window.tongban`. */
export function clientApi(): TongbanClientApi | null {
  return window.tongban ?? null;
}
