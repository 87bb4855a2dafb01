/**
 * The desktop client's services, wired once for both shells: the Electron main process (token service in a
 * utility process, store in userData) and the browser-mode host (token service in a Node child process, store in
 * the data directory).
 */
import path from 'node:path';
import type { AppInfo } from '@shared/contract/client-api';
import { portalIdSchema, type PortalId } from '@shared/portals/catalogue';
import type { ServiceFailure } from '@shared/contract/token';
import { HOT_PLUG_POLL_MS, TokenClient, type SpawnService } from '../token/token-client';
import { ClientServices } from './client-services';
import { createDesktopLog } from './desktop-log';
import { loadFormFont } from './form-font';
import { LocalStore } from './local-store';
import { renderRegistrationForms } from './registration-forms';
import { readSeedSettings, seedSettingsFiles } from './seed-settings';
import { allowedDrivers, envWithAllowedDrivers } from '../trust/driver-policy';
import { machineTrustFor, type MachineTrust } from '../trust/machine-trust';
import { managedPolicy, withPolicyDrivers } from '../trust/managed-policy';
import type { UpdateStatus } from '@shared/contract/delivery';

export interface DesktopServices {
  services: ClientServices;
  close(): Promise<void>;
}

export function createDesktopServices(opts: {
  shell: AppInfo['shell'];
  storeFile: string;
  /** Electron passes its utility-process spawner; browser mode forks Node. */
  spawn?: SpawnService;
  env?: NodeJS.ProcessEnv;
  /** Where the installer puts seed-settings.json (Electron's process.resourcesPath). */
  resourcesPath?: string;
  log: (message: string, fields?: Record<string, unknown>) => void;
  /**
   * A running token service to use instead of starting one; close() leaves it running. End-to-end tests give
   * each test fresh services and store but share one token service per worker: starting one costs seconds.
   */
  tokens?: TokenClient;
  /** Where the rotating log file goes; `logs` beside the store unless given. */
  logDir?: string;
  /** What only administrators control; this platform's implementation unless given (tests). */
  trust?: MachineTrust;
  /** Electron's native dialog for adding a driver (settings.addDriver). */
  pickDriver?: () => Promise<string | null>;
  /** How this installation is updated (Electron main: update/updates.ts); none in browser mode. */
  updateStatus?: () => UpdateStatus;
}): DesktopServices {
  const journal = createDesktopLog({ dir: opts.logDir ?? path.join(path.dirname(opts.storeFile), 'logs') });
  const env = opts.env ?? process.env;
  const store = new LocalStore(opts.storeFile);
  const trust = opts.trust ?? machineTrustFor(process.platform, env);
  const seed = readSeedSettings(seedSettingsFiles(env, opts.resourcesPath), trust, opts.log);
  const policy = managedPolicy(trust.policy(), opts.log);
  const tokens =
    opts.tokens ??
    new TokenClient({
      ...(opts.spawn ? { spawn: opts.spawn } : {}),
      env: envWithAllowedDrivers(env, trust, opts.log),
      pollMs: HOT_PLUG_POLL_MS,
      // Drivers from the clerk's settings or IT's seed load only if the driver rules allow them (trust/).
      settingsModules: allowedDrivers(withPolicyDrivers(policy.drivers, store.getSetting<string[]>('pkcs11Modules') ?? seed.pkcs11Modules ?? []), trust, opts.log),
    });
  const onRestart = () => journal.write('warn', 'token service restarted');
  tokens.on('restarted', onRestart);
  // A driver that crashed or hung, by name, for support (issue 18); the self-check report shows the same.
  const onFailure = (f: ServiceFailure) => journal.write('error', f.kind === 'crash' ? 'token driver crashed' : 'token driver hung', { module: f.module, method: f.method, exit: f.exit });
  tokens.on('service-failure', onFailure);
  void tokens.start();
  const envPortal = portalFromEnv(env);
  const services = new ClientServices({
    shell: opts.shell,
    store,
    tokens,
    defaultServerUrl: env.TONGBAN_SERVER_URL ?? 'http://127.0.0.1:8787',
    seed,
    policy,
    ...(opts.updateStatus ? { updateStatus: opts.updateStatus } : {}),
    // A developer's or test's server (TONGBAN_SERVER_URL) is SIP's unless TONGBAN_PORTAL names another portal.
    ...(envPortal ? { defaultPortal: envPortal } : {}),
    printRegistrationForms: async (form, way) => renderRegistrationForms(form, await loadFormFont(), way),
    log: opts.log,
    journal,
    trust,
    ...(opts.pickDriver ? { pickDriver: opts.pickDriver } : {}),
  });
  journal.write('info', 'started', { shell: opts.shell });
  return {
    services,
    async close() {
      await services.close();
      services.detach();
      tokens.off('restarted', onRestart);
      tokens.off('service-failure', onFailure);
      if (!opts.tokens) await tokens.stop();
      store.close();
    },
  };
}

/** TONGBAN_PORTAL if it names a portal, else SIP when TONGBAN_SERVER_URL is set; otherwise the first start asks. */
function portalFromEnv(env: NodeJS.ProcessEnv): PortalId | undefined {
  const named = portalIdSchema.safeParse(env.TONGBAN_PORTAL);
  if (named.success) return named.data;
  return env.TONGBAN_SERVER_URL ? 'sip' : undefined;
}
