import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Electron security checklist, in one place so every window gets it: isolated, sandboxed renderer with no Node;
 * navigation and new windows refused (see main.ts); a CSP on every response.
 */
export const secureWebPreferences = (preload: string): BrowserWindowConstructorOptions['webPreferences'] => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
});

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The registration forms are a PDF made in memory and previewed in an iframe from a blob: URL.
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the app's own pages may be shown in a Tongban window; everything else is refused. */
export function isAppUrl(url: string, appRoot: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && decodeURIComponent(u.pathname).startsWith(appRoot);
  } catch {
    return false;
  }
}
