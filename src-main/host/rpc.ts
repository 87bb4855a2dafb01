/**
 * The client API over WebSocket for browser mode. A local service any web page can drive is the classic hole of
 * CA assistants, so the socket is closed to everyone but the renderer this host served:
 *   - it listens on 127.0.0.1 only (host.ts);
 *   - the upgrade must carry this launch's secret, as the subprotocol `tongban.<secret>` (browsers cannot set
 *     headers on a WebSocket; the secret reaches the renderer in the URL fragment, which is never sent to a server);
 *   - Origin must be this host's own origin and Host its own address, which also defeats DNS rebinding.
 * A refused upgrade gets an HTTP error and no socket: nothing is read from or sent to it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientEvents } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';

export interface RpcServices {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: keyof ClientEvents, payload: unknown) => void): () => void;
}

export const RPC_PATH = '/rpc';
const PROTOCOL_PREFIX = 'tongban.';
/** Large enough for a 10 MB scan in base64, small enough to refuse anything else. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 };

/** Decides whether an upgrade request may open the RPC socket. Exported for tests. */
export function checkUpgrade(req: IncomingMessage, expected: { origin: string; host: string; secret: string }): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== RPC_PATH) return { ok: false, status: 400 };
  if (req.headers.host !== expected.host || req.headers.origin !== expected.origin) return { ok: false, status: 403 };
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(PROTOCOL_PREFIX));
  if (!offered || !sameSecret(offered.slice(PROTOCOL_PREFIX.length), expected.secret)) return { ok: false, status: 401 };
  return { ok: true };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function attachRpc(opts: { services: RpcServices; origin: () => string; host: () => string; secret: string; log?: (m: string, f?: Record<string, unknown>) => void }) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(PROTOCOL_PREFIX)) ?? false,
  });

  wss.on('connection', (socket: WebSocket) => {
    const unsubscribe = opts.services.subscribe((event, payload) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload }));
    });
    socket.on('close', unsubscribe);
    socket.on('message', (data) => {
      let message: { id?: unknown; method?: unknown; input?: unknown };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        return socket.close(1003, 'not JSON');
      }
      if (typeof message.id !== 'number' || typeof message.method !== 'string') return socket.close(1003, 'bad message');
      const id = message.id;
      // The method name is logged, never the input: it may hold a PIN or a password.
      void opts.services.dispatch(message.method, message.input).then((result) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, result }));
      });
    });
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const verdict = checkUpgrade(req, { origin: opts.origin(), host: opts.host(), secret: opts.secret });
      if (!verdict.ok) {
        opts.log?.('rpc upgrade refused', { status: verdict.status, origin: req.headers.origin ?? null });
        socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : verdict.status === 403 ? 'Forbidden' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
