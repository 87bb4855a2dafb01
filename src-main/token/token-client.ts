/**
 * The token service as seen from Electron main, the browser-mode host, the CLI and tests: start the process,
 * call it with typed requests, get typed Results, hear about inserted and removed keys. If the process dies (a
 * vendor DLL crashed) the calls in flight fail as retriable and a fresh process is started; if it hangs (a PIN
 * pad nobody answers), the call times out and the process is replaced.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppError, Result } from '@shared/contract/result';
import type { ServiceFailure, TokenCertificate, TokenMethod, TokenRequest, TokenResponses, TokenServiceMessage } from '@shared/contract/token';

export interface ServiceProcess {
  send(message: TokenServiceMessage): void;
  onMessage(listener: (message: TokenServiceMessage) => void): void;
  onExit(listener: (code: number | null, signal?: string | null) => void): void;
  kill(): void;
}

export type SpawnService = (env: NodeJS.ProcessEnv) => ServiceProcess;

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Node child process running the service: from TypeScript sources (via tsx) in a checkout, else the built bundle. */
export const forkNodeService: SpawnService = (env) => {
  const source = path.join(repoRoot, 'src-main', 'token', 'service-process.ts');
  const fromSource = import.meta.url.endsWith('.ts') && existsSync(source);
  // In a checkout only: a bundle of these same sources built for a test run (tests/fixtures/token-bundle.ts), which
  // starts without tsx compiling the service's imports each time. A packaged build always forks its own bundle.
  const prebuilt = fromSource ? env.TONGBAN_TOKEN_SERVICE_BUNDLE || null : null;
  const viaTsx = fromSource && !prebuilt;
  // Built, the service is dist/token/token-service.mjs, next to the CLI bundle and one folder over from the host's.
  const entry = prebuilt ?? (fromSource ? source : path.join(import.meta.dirname, '..', 'token', 'token-service.mjs'));
  const child = fork(entry, [], {
    env: viaTsx ? { ...env, TSX_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.base.json') } : env,
    execArgv: viaTsx ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => env.TONGBAN_TOKEN_LOG !== 'silent' && process.stderr.write(chunk));
  return {
    send: (message) => child.connected && child.send(message),
    onMessage: (listener) => child.on('message', (m) => listener(m as TokenServiceMessage)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
    kill: () => child.kill('SIGKILL'),
  };
};

/**
 * The desktop's hot-plug poll: a key plugged in is shown within this plus one discovery and a render (bench:clerk
 * measures it against its 1 s target).
 */
export const HOT_PLUG_POLL_MS = 1000;

export interface TokenClientOptions {
  spawn?: SpawnService;
  env?: NodeJS.ProcessEnv;
  /** Poll interval for hot-plug events; 0 disables them (the CLI). */
  pollMs?: number;
  /** Per-call limit; a PIN-pad login gets `pinPadTimeoutMs`. */
  timeoutMs?: number;
  settingsModules?: string[];
}

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: NodeJS.Timeout;
  method: TokenMethod;
  /** The PKCS#11 library the call was last in (the service's `busy` message). */
  module: string | null;
}

const failure = (code: string, retriable: boolean, details?: AppError['details']): Result<never> => ({
  ok: false,
  error: (details ? { code, retriable, details } : { code, retriable }) as AppError,
});

/** How many crashes and hangs the self-check report keeps. */
const FAILURES_KEPT = 10;
const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export class TokenClient extends EventEmitter<{ 'tokens-changed': [TokenCertificate[]]; restarted: []; 'service-failure': [ServiceFailure] }> {
  /** Crashes and hangs of the service, newest last, for the log and the self-check report. */
  readonly failures: ServiceFailure[] = [];
  private process: ServiceProcess | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;
  private restarts: number[] = [];

  constructor(private readonly opts: TokenClientOptions = {}) {
    super();
  }

  start(): Promise<void> {
    if (!this.ready) this.ready = this.launch();
    return this.ready;
  }

  async call<M extends TokenMethod>(method: M, params: TokenRequest<M>, opts: { timeoutMs?: number } = {}): Promise<Result<TokenResponses[M]>> {
    if (this.stopped) return failure('TOKEN_SERVICE_UNAVAILABLE', false);
    await this.start();
    const id = this.nextId++;
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs ?? 60_000;
    const result = await new Promise<Result<TokenResponses[M]>>((resolve) => {
      const timer = setTimeout(() => this.abort('TIMEOUT', true), timeoutMs);
      this.pending.set(id, { resolve: resolve as Pending['resolve'], timer, method, module: null });
      this.process?.send({ kind: 'request', id, method, params });
    });
    // The service cannot know it crashed or hung before: the self-check report gets that from here.
    if (method === 'diagnose' && result.ok && this.failures.length > 0) {
      return { ok: true, value: { ...(result.value as TokenResponses['diagnose']), serviceFailures: [...this.failures] } as TokenResponses[M] };
    }
    return result;
  }

  /**
   * New extra module paths from the settings: the service is restarted with them (a loaded PKCS#11 library is
   * never unloaded in place: vendor libraries do not survive it), so the next call already sees the new keys.
   */
  async setSettingsModules(paths: string[]): Promise<void> {
    this.opts.settingsModules = [...paths];
    const proc = this.process;
    if (!proc) return;
    this.process = null;
    this.failAll('TOKEN_SERVICE_UNAVAILABLE', true);
    proc.kill();
    this.ready = this.launch();
    await this.ready;
  }

  /** Stops what the service is doing (e.g. waiting on a PIN pad): the call fails as USER_CANCELLED. */
  cancel(): void {
    this.abort('USER_CANCELLED', true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const proc = this.process;
    this.process = null;
    this.failAll('TOKEN_SERVICE_UNAVAILABLE', false);
    proc?.kill();
  }

  private launch(): Promise<void> {
    const env = {
      ...(this.opts.env ?? process.env),
      TONGBAN_TOKEN_POLL_MS: String(this.opts.pollMs ?? 0),
      TONGBAN_SETTINGS_MODULES: JSON.stringify(this.opts.settingsModules ?? []),
    };
    const proc = (this.opts.spawn ?? forkNodeService)(env);
    this.process = proc;
    return new Promise((resolve) => {
      proc.onMessage((message) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'event') this.emit('tokens-changed', message.certificates);
        else if (message.kind === 'busy') {
          const pending = this.pending.get(message.id);
          if (pending) pending.module = message.module;
        }
        else if (message.kind === 'response') {
          const pending = this.pending.get(message.id);
          if (!pending) return;
          this.pending.delete(message.id);
          clearTimeout(pending.timer);
          pending.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
        }
      });
      proc.onExit((code, signal) => {
        resolve(); // a process that dies before it is ready must not leave start() hanging
        if (this.process !== proc) return; // replaced on purpose
        this.process = null;
        // Died with calls in flight: the driver they were in crashed (an access violation, an abort()).
        const failure = this.recordFailure('crash', signal ?? (code === null ? null : `exit ${code}`));
        if (failure) this.failAll('TOKEN_DRIVER_CRASHED', true, failure.module ? { driver: baseName(failure.module) } : undefined);
        else this.failAll('TOKEN_SERVICE_UNAVAILABLE', true);
        this.restartLater();
      });
    });
  }

  private abort(code: 'TIMEOUT' | 'USER_CANCELLED', retriable: boolean): void {
    const proc = this.process;
    this.process = null;
    const hang = code === 'TIMEOUT' ? this.recordFailure('hang') : null;
    this.failAll(code, retriable, hang?.module ? { driver: baseName(hang.module) } : undefined);
    proc?.kill();
    this.restartLater();
  }

  /** Notes a crash or hang of the calls in flight (none in flight: an idle exit, not a driver's fault). */
  private recordFailure(kind: ServiceFailure['kind'], exit?: string | null): ServiceFailure | null {
    const first = [...this.pending.values()][0];
    if (!first) return null;
    const entry: ServiceFailure = { kind, at: new Date().toISOString(), method: first.method, module: first.module, ...(exit ? { exit } : {}) };
    this.failures.push(entry);
    if (this.failures.length > FAILURES_KEPT) this.failures.shift();
    this.emit('service-failure', entry);
    return entry;
  }

  private failAll(code: string, retriable: boolean, details?: AppError['details']): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve(failure(code, retriable, details));
      this.pending.delete(id);
    }
  }

  private restartLater(): void {
    if (this.stopped) return;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    this.restarts.push(now);
    // Back off when a module keeps crashing, so a broken DLL does not spin a core.
    const delay = Math.min(5_000, 100 * 2 ** (this.restarts.length - 1));
    this.ready = new Promise((resolve) => setTimeout(resolve, delay)).then(() => {
      if (this.stopped) return;
      this.emit('restarted');
      return this.launch();
    });
  }
}
