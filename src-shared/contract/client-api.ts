import type { Result } from './result';

/** What the renderer knows about the process serving it. */
export interface AppInfo {
  version: string;
  /** `electron` inside the desktop app, `browser` when a Node host serves the renderer to a browser. */
  shell: 'electron' | 'browser';
  platform: string;
}

/**
 * `window.tongban`: the one typed API the renderer may call. The Electron preload and the browser-mode host
 * implement it; `src-renderer/platform/` is the only code that touches it.
 */
export interface TongbanClientApi {
  app: {
    info(): Promise<Result<AppInfo>>;
  };
}
