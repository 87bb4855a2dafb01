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
import type { TokenCertificate, TokenMethod, TokenRequest, TokenResponses, TokenServiceMessage } from '@shared/contract/token';

export interface ServiceProcess {
  send(message: TokenServiceMessage): void;
  onMessage(listener: (message: TokenServiceMessage) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type SpawnService = (env: NodeJS.ProcessEnv) => ServiceProcess;

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Node child process running the service: from TypeScript sources (via tsx) in a checkout, else the built bundle. */
export const forkNodeService: SpawnService = (env) => {
  const source = path.join(repoRoot, 'src-main', 'token', 'service-process.ts');
  const fromSource = import.meta.url.endsWith('.ts') && existsSync(source);
  // Built, the service is dist/token/token-service.mjs, next to the CLI bundle and one folder over from the host's.
  const entry = fromSource ? source : path.join(import.meta.dirname, '..', 'token', 'token-service.mjs');
  const child = fork(entry, [], {
    env: fromSource ? { ...env, TSX_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.base.json') } : env,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => env.TONGBAN_TOKEN_LOG !== 'silent' && process.stderr.write(chunk));
  return {
    send: (message) => child.connected && child.send(message),
    onMessage: (listener) => child.on('message', (m) => listener(m as TokenServiceMessage)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
};

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
}

const failure = (code: string, retriable: boolean): Result<never> => ({ ok: false, error: { code, retriable } as AppError });

export class TokenClient extends EventEmitter<{ 'tokens-changed': [TokenCertificate[]]; restarted: [] }> {
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
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.abort('TIMEOUT', true), timeoutMs);
      this.pending.set(id, { resolve: resolve as Pending['resolve'], timer });
      this.process?.send({ kind: 'request', id, method, params });
    });
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
        else if (message.kind === 'response') {
          const pending = this.pending.get(message.id);
          if (!pending) return;
          this.pending.delete(message.id);
          clearTimeout(pending.timer);
          pending.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
        }
      });
      proc.onExit(() => {
        resolve(); // a process that dies before it is ready must not leave start() hanging
        if (this.process !== proc) return; // replaced on purpose
        this.process = null;
        this.failAll('TOKEN_SERVICE_UNAVAILABLE', true);
        this.restartLater();
      });
    });
  }

  private abort(code: 'TIMEOUT' | 'USER_CANCELLED', retriable: boolean): void {
    const proc = this.process;
    this.process = null;
    this.failAll(code, retriable);
    proc?.kill();
    this.restartLater();
  }

  private failAll(code: string, retriable: boolean): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve(failure(code, retriable));
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
