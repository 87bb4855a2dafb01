import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticFiles } from './static-files';

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the renderer to a local Chromium. Binds 127.0.0.1 only, never 0.0.0.0: a local service
 * reachable from the network (or driveable by any web page) is the classic hole of CA assistants. The typed
 * client API over WebSocket RPC, with a per-launch secret and an Origin check, is added by the client issue.
 */
export async function startBrowserHost(opts: { rendererDir: string; port?: number }): Promise<BrowserHost> {
  const serve = staticFiles(opts.rendererDir);
  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
