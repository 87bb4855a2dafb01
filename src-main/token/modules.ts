/**
 * Which PKCS#11 libraries exist on this machine, and loading them. Candidates come from the vendor profiles (for
 * this platform), the user's settings and TONGBAN_PKCS11_MODULES. A missing profile candidate is normal (that
 * vendor's driver is not installed); a missing or unloadable path the user or IT configured is an error worth
 * showing. Every attempt is kept for the diagnostic report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ModuleReport } from '@shared/contract/token';
import { libraryArchitecture } from './pkcs11/architecture';
import { CKR, ckrName, ckrOf } from './pkcs11/errors';
import { TokenError } from './token-error';
import type { Pkcs11Module } from './pkcs11/module';
import type { ProfileSet } from './profiles';

export interface ModuleCandidate {
  path: string;
  source: ModuleReport['source'];
  profile: string;
}

export interface LoadedModule {
  candidate: ModuleCandidate;
  module: Pkcs11Module;
  rescan: 'slot-list' | 'reinitialize';
}

export type ModuleLoader = (path: string) => Pkcs11Module;

export function moduleCandidates(opts: {
  profiles: ProfileSet;
  settingsModules?: string[];
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): ModuleCandidate[] {
  const platform = opts.platform ?? process.platform;
  const fromEnv = (opts.env ?? process.env).TONGBAN_PKCS11_MODULES?.split(path.delimiter).filter(Boolean) ?? [];
  const all: ModuleCandidate[] = [
    ...fromEnv.map((p) => ({ path: p, source: 'env' as const, profile: 'unknown' })),
    ...(opts.settingsModules ?? []).map((p) => ({ path: p, source: 'settings' as const, profile: 'unknown' })),
    ...opts.profiles.profiles.flatMap((profile) =>
      (profile.modules[platform] ?? []).map((p) => ({ path: p, source: 'profile' as const, profile: profile.id })),
    ),
  ];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = platform === 'win32' ? path.win32.normalize(c.path).toLowerCase() : path.resolve(c.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export class ModuleRegistry {
  readonly reports: ModuleReport[] = [];
  readonly loaded: LoadedModule[] = [];

  constructor(
    private readonly candidates: ModuleCandidate[],
    private readonly profiles: ProfileSet,
    private readonly load: ModuleLoader,
  ) {}

  /** Loads and initialises every present candidate once; later calls are no-ops. `enter` hears each library
   *  before its code runs (C_Initialize may hang or crash). */
  async loadAll(enter?: (modulePath: string) => void): Promise<void> {
    if (this.reports.length > 0) return;
    for (const candidate of this.candidates) {
      if (existsSync(candidate.path)) enter?.(candidate.path);
      this.reports.push(await this.loadOne(candidate));
    }
  }

  /** The configured modules that failed (not the absent vendor candidates), as errors worth telling the user. */
  failures(): ModuleReport[] {
    return this.reports.filter((r) => r.error && (r.source !== 'profile' || r.present));
  }

  private async loadOne(candidate: ModuleCandidate): Promise<ModuleReport> {
    const report: ModuleReport = { ...candidate, present: existsSync(candidate.path), architecture: 'unknown', loaded: false };
    if (!report.present) {
      report.error = { code: 'MODULE_LOAD_FAILED', detail: 'file not found' };
      return report;
    }
    report.architecture = await libraryArchitecture(candidate.path);
    if (report.architecture !== 'unknown' && report.architecture !== process.arch) {
      report.error = {
        code: 'MODULE_LOAD_FAILED',
        detail: `wrong bitness: the library is ${report.architecture}, Tongban is ${process.arch}`,
      };
      return report;
    }
    let module: Pkcs11Module;
    try {
      module = this.load(candidate.path);
    } catch (e) {
      report.error = { code: 'MODULE_LOAD_FAILED', detail: `load failed: ${(e as Error).message}` };
      return report;
    }
    try {
      module.initialize();
    } catch (e) {
      // Another user of the library in this process initialised it already: that is fine.
      if (ckrOf(e) !== CKR.CRYPTOKI_ALREADY_INITIALIZED) {
        report.error = { code: 'MODULE_LOAD_FAILED', detail: `C_Initialize: ${ckrName(e)}` };
        return report;
      }
    }
    try {
      report.info = module.info();
    } catch (e) {
      report.error = { code: 'MODULE_LOAD_FAILED', detail: `C_GetInfo: ${ckrName(e)}` };
      return report;
    }
    report.loaded = true;
    this.loaded.push({ candidate, module, rescan: this.profiles.rescanStrategy(candidate.path) });
    return report;
  }

  /** Re-reads a library's slot list where it only notices token changes at initialisation. */
  refresh(loaded: LoadedModule): void {
    if (loaded.rescan !== 'reinitialize') return;
    try {
      loaded.module.finalize();
    } catch {
      /* not initialised: fine */
    }
    loaded.module.initialize();
  }

  close(): void {
    for (const { module } of this.loaded) {
      try {
        module.finalize();
      } catch {
        /* closing anyway */
      }
    }
    this.loaded.length = 0;
  }
}

/** Why no certificate was found: a driver that is there but would not load says more than "no key". */
export function noModuleError(registry: ModuleRegistry): TokenError {
  const failed = registry.failures();
  if (failed.length > 0) {
    return new TokenError('MODULE_LOAD_FAILED', failed.map((f) => `${f.path}: ${f.error?.detail}`).join('; '));
  }
  return new TokenError('NO_TOKEN', registry.loaded.length === 0 ? 'no PKCS#11 module loaded' : 'no certificate on any token');
}
