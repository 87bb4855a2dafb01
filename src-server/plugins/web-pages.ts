/**
 * Serves the built browser pages (`vite build --config vite.web.config.ts` → `dist/web`) under `/console/`: the
 * staff console; and the phone receipt page (`phone.html`) at `/m/receipt`, whose assets are under `/console/assets/`. A small handler instead of @fastify/static: a handful of files, one directory, no listings, and
 * the console's own CSP on every answer. A missing build answers 404 with a code saying so, never a crash.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http/api-error';

export const CONSOLE_PREFIX = '/console';

export const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The phone receipt page (`/m/receipt`): camera from its own origin only, nothing inline, nothing framed. */
export const PHONE_PATH = '/m/receipt';
export const PHONE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
  "media-src 'self' blob: mediastream:; font-src 'self'; manifest-src 'self'; worker-src 'self' blob:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

const PHONE_NOT_BUILT =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>通办</title><p>手机上传页面尚未构建，请联系平台客服。</p><p>The phone upload page is not built (npm run build:web).</p></html>';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Where the build lands, seen from this file: `src-server/plugins/` in development and tests, `dist/server/` once
 * bundled into `dist/server/server.mjs`.
 */
export function defaultWebDir(here: string = import.meta.dirname): string {
  return path.basename(here) === 'server' && path.basename(path.dirname(here)) === 'dist'
    ? path.resolve(here, '..', 'web')
    : path.resolve(here, '..', '..', 'dist', 'web');
}

export interface WebPagesOptions {
  /** The built pages; defaults to {@link defaultWebDir}. */
  webDir?: string;
}

const notFound = (request: FastifyRequest, reply: FastifyReply) => reply.code(404).send(errorBody('ROUTE_NOT_FOUND', request.id));

/** Said plainly to whoever opens the console on a server started without `npm run build:web`. */
const NOT_BUILT = '通办工作台尚未构建，请先运行 npm run build:web。\nThe staff console is not built: run `npm run build:web`.\n';

export const webPagesPlugin: FastifyPluginAsync<WebPagesOptions> = async (app, opts) => {
  const root = path.resolve(opts.webDir ?? defaultWebDir());

  const serve = async (relative: string, request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('content-security-policy', CONSOLE_CSP).header('x-content-type-options', 'nosniff');
    const file = path.resolve(root, relative);
    // `path.resolve` has already collapsed any `..`; anything outside the root is refused as not found.
    if (!file.startsWith(root + path.sep)) return notFound(request, reply);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      const built = await stat(path.join(root, 'index.html')).catch(() => null);
      if (built) return notFound(request, reply);
      request.log.warn({ root }, 'staff console requested but not built');
      return reply.code(404).type('text/plain; charset=utf-8').send(NOT_BUILT);
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Vite names assets by content hash, so they may be cached for good; index.html must always be fresh.
    const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return reply.type(type).header('cache-control', cache).send(await readFile(file));
  };

  // The phone page. Its one-time token is in the URL fragment, which never reaches the server, its logs or a
  // Referer; the page must not be cached or framed, and may use the camera of this origin only.
  app.get(PHONE_PATH, async (request, reply) => {
    void reply
      .header('content-security-policy', PHONE_CSP)
      .header('permissions-policy', 'camera=(self), microphone=(), geolocation=()')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY');
    const html = await readFile(path.join(root, 'phone.html')).catch(() => null);
    if (!html) {
      request.log.warn({ root }, 'phone receipt page requested but not built');
      return reply.code(404).type('text/html; charset=utf-8').send(PHONE_NOT_BUILT);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get(CONSOLE_PREFIX, (request, reply) => serve('index.html', request, reply));
  app.get(`${CONSOLE_PREFIX}/`, (request, reply) => serve('index.html', request, reply));
  app.get<{ Params: { '*': string } }>(`${CONSOLE_PREFIX}/*`, (request, reply) => {
    let relative: string;
    try {
      relative = decodeURIComponent(request.params['*']);
    } catch {
      return notFound(request, reply);
    }
    if (relative.includes('\0') || relative.split(/[\\/]/).includes('..')) return notFound(request, reply);
    return serve(relative, request, reply);
  });
};
