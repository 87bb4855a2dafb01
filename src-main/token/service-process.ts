// Entry of the token service process: `utilityProcess.fork` in Electron, `child_process.fork` in browser mode,
// the CLI and tests (token-client.ts starts it). One process owns every PKCS#11 module: a vendor DLL that
// crashes or hangs takes this process down, not Tongban, and the client restarts it.
import type { TokenCertificate, TokenServiceMessage } from '@shared/contract/token';
import { TokenService } from './token-service';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** Electron's utility process has `process.parentPort`; a Node child has `process.send`. */
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const send = (message: TokenServiceMessage) => (parentPort ? parentPort.postMessage(message) : process.send?.(message));
const onMessage = (listener: (message: unknown) => void) =>
  parentPort ? parentPort.on('message', (e) => listener(e.data)) : process.on('message', listener);

/** Structured log lines on stderr. Only codes and details chosen by the service: never a request's params. */
function log(message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), component: 'token-service', message, ...fields })}\n`);
}

const settingsModules = (() => {
  try {
    const parsed: unknown = JSON.parse(process.env.TONGBAN_SETTINGS_MODULES ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
})();

const service = new TokenService({
  settingsModules,
  appVersion: process.env.TONGBAN_APP_VERSION ?? 'dev',
  log,
  ...(process.env.TONGBAN_PROFILES_DIR ? { profilesDir: process.env.TONGBAN_PROFILES_DIR } : {}),
  // PDF signatures' time-stamp authority when a request names none (B-T); scripts and the CLI set it here.
  ...(process.env.TONGBAN_TSA_URL ? { tsaUrl: process.env.TONGBAN_TSA_URL } : {}),
});

onMessage((raw) => {
  const message = raw as Partial<Extract<TokenServiceMessage, { kind: 'request' }>>;
  if (message?.kind !== 'request' || typeof message.id !== 'number' || typeof message.method !== 'string') return;
  const { id, method, params } = message;
  // Before each library call of this request, the client hears which library: a process that dies or hangs in
  // it is reported with the driver's name. (A Node IPC write goes out at once when the channel is idle, so it is
  // sent before the library's code runs, abort() or not.)
  let last = '';
  const entering = (module: string) => {
    if (module === last) return;
    last = module;
    send({ kind: 'busy', id, module });
  };
  void service.handle(method, params, entering).then((result) => send({ kind: 'response', id, ...result }));
});

// Hot-plug: poll (C_WaitForSlotEvent blocks the thread and many vendor libraries do not implement it) and push
// a change of the certificate set or of a key's PIN state.
const pollMs = Number(process.env.TONGBAN_TOKEN_POLL_MS ?? 0);
if (pollMs > 0) {
  let last = '';
  const stateOf = (certs: TokenCertificate[]) =>
    JSON.stringify(certs.map((c) => [c.fingerprint, c.tokenSerial, c.pin.countLow, c.pin.finalTry, c.pin.locked]).sort());
  const poll = async () => {
    const result = await service.snapshot();
    const certificates = result.ok ? result.value : [];
    const state = stateOf(certificates);
    if (state !== last) {
      last = state;
      send({ kind: 'event', event: 'tokens-changed', certificates });
    }
    setTimeout(() => void poll(), pollMs);
  };
  void poll();
}

const shutdown = () => {
  service.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
send({ kind: 'ready' });
