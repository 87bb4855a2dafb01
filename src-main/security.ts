import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Electron security checklist, the parts that are decisions rather than options (the window's options are
 * written out in main.ts, where Electronegativity reads them): the renderer is served from `app://tongban/`, a
 * custom protocol confined to the app's own folder, instead of file:// (which would let a page read any file the
 * clerk can); only that page may call IPC; only the configured portal's pages open outside; a CSP on every answer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tongban';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

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
 * The file under `appRoot` an `app://tongban/…` URL names, or null: another scheme or host, a path that leaves the
 * root (`..`, encoded or not), a backslash or drive letter (Windows would read them as separators or another
 * drive), a NUL. `/` is the entry page. Compared as paths of the platform, without case on Windows.
 */
export function appFilePath(url: string, appRoot: string, platform: NodeJS.Platform = process.platform): string | null {
  let u: URL;
  let rel: string;
  try {
    u = new URL(url);
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  if (/[\\:\0]/.test(rel)) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const p = platform === 'win32' ? path.win32 : path.posix;
  const root = p.resolve(appRoot);
  const file = p.resolve(root, `.${rel}`);
  const inside = p.relative(root, file);
  // Inside the root: not the root itself, not above it (..), not on another drive (absolute).
  if (inside === '' || inside.startsWith('..') || p.isAbsolute(inside)) return null;
  return file;
}

/**
 * The answer of the `app:` protocol handler: the file from the app's folder with the CSP on it, or 404 for a URL
 * that names nothing inside the folder. `fetchFile` reads a file: URL (Electron's net.fetch).
 */
export async function appResponse(url: string, appRoot: string, fetchFile: (fileUrl: string) => Promise<Response>, platform: NodeJS.Platform = process.platform): Promise<Response> {
  const file = appFilePath(url, appRoot, platform);
  if (!file) return new Response('Not found', { status: 404 });
  const res = await fetchFile(pathToFileURL(file, { windows: platform === 'win32' }).toString());
  const headers = new Headers(res.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  return new Response(res.body, { status: res.status, headers });
}

/** Only the app's own pages may be shown in a Tongban window (and call IPC); everything else is refused. */
export function isAppUrl(url: string, appRoot: string, platform: NodeJS.Platform = process.platform): boolean {
  return appFilePath(url, appRoot, platform) !== null;
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

/**
 * Whether a link may open in the clerk's browser (shell.openExternal hands it to the OS, which would also run
 * `file:`, `ms-msdt:` or any registered handler): https only, and only to the hosts of the configured portal
 * servers. Anything else stays closed.
 */
export function isPortalLink(url: string, portalUrls: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  return portalUrls.some((portal) => {
    try {
      return new URL(portal).host === u.host;
    } catch {
      return false;
    }
  });
}
