import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  // Chromium's PDF viewer, the only plugin Electron ships: the registration forms and the disbursement receipt are
  // previewed in iframes from blob: URLs (CSP frame-src blob:); without it Electron downloads the PDF instead
  // (electron/electron#25350). object-src 'none' still keeps <object>/<embed> out.
  plugins: true,
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

/**
 * Only the app's own pages may be shown in a Tongban window (and call IPC); everything else is refused. Compared
 * as file-system paths of the platform: on Windows a file URL's path is `/C:/Program Files/…` while the app root
 * is `C:\Program Files\…`, and names compare without case.
 */
export function isAppUrl(url: string, appRoot: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'file:') return false;
    const windows = platform === 'win32';
    const p = windows ? path.win32 : path.posix;
    const inside = p.relative(p.resolve(appRoot), p.resolve(fileURLToPath(u, { windows })));
    // Inside the root: not the root itself, not above it (..), not on another drive (absolute).
    return inside !== '' && !inside.startsWith('..') && !p.isAbsolute(inside);
  } catch {
    return false;
  }
}

/** What the IPC handler knows of a call's sender: the frame that sent it (gone when the page went away) and the
 * main frame of the window it came from. Electron's WebFrameMain fits; tests pass plain objects. */
export interface IpcSender {
  senderFrame: { url: string } | null | undefined;
  mainFrame: unknown;
}

/**
 * Only the app's own page may call the client API: the main frame of a Tongban window (not an iframe inside it,
 * such as the PDF preview), still showing a page under the app root (not a page it was navigated to). A frame that
 * no longer exists (navigated away or destroyed before the call arrived) is refused.
 */
export function isAppSender(sender: IpcSender, appRoot: string, platform: NodeJS.Platform = process.platform): boolean {
  const frame = sender.senderFrame;
  return !!frame && frame === sender.mainFrame && isAppUrl(frame.url, appRoot, platform);
}
