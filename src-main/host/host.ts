import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachRpc, type RpcServices } from './rpc';
import { staticFiles } from './static-files';

export interface BrowserHost {
  /** Open this in a browser: the renderer, with this launch's secret in the fragment. */
  url: string;
  /** The host's own origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  secret: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the renderer to a local Chromium and the client API over WebSocket RPC (rpc.ts). Binds
 * 127.0.0.1 only, never 0.0.0.0. The secret is new at every launch and travels only in the URL fragment.
 */
export async function startBrowserHost(opts: { rendererDir: string; port?: number; services?: RpcServices; log?: (m: string, f?: Record<string, unknown>) => void }): Promise<BrowserHost> {
  const serve = staticFiles(opts.rendererDir);
  const secret = randomBytes(32).toString('base64url');
  let origin = '';
  let hostHeader = '';
  const server: Server = createServer((req, res) => {
    // Same DNS-rebinding defence as the socket: a page that rebinds its own name to 127.0.0.1 sends its own Host.
    if (req.headers.host !== hostHeader) {
      res.writeHead(403).end();
      return;
    }
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const rpc = opts.services ? attachRpc({ services: opts.services, origin: () => origin, host: () => hostHeader, secret, ...(opts.log ? { log: opts.log } : {}) }) : null;
  server.on('upgrade', (req, socket, head) => {
    if (rpc) rpc.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `127.0.0.1:${port}`;
  origin = `http://${hostHeader}`;
  return {
    url: `${origin}/#k=${secret}`,
    origin,
    secret,
    close: () =>
      new Promise((resolve) => {
        rpc?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
