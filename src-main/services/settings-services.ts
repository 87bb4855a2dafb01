/**
 * Settings and the self-check's server test, for `window.tongban.settings` and `app.checkServer`. What the
 * renderer may change is the server URL (https, or http on loopback: server-url.ts) and the language. Drivers are
 * native code the token service loads with the clerk's PIN in reach, so the renderer never names one: main asks
 * the clerk with its own file dialog (`pickDriver`; none in browser mode, where the host's configuration
 * brings drivers) and keeps only what the driver rules allow (trust/driver-policy.ts).
 */
import type { ServerCheck, Settings } from '@shared/contract/client-api';
import type { ManagedState } from '@shared/contract/delivery';
import { healthRoute } from '@shared/contract/http/system';
import { fail, ok, type Result } from '@shared/contract/result';
import { serverUrlAllowed } from '@shared/contract/server-url';
import { allowedDrivers, checkDriver } from '../trust/driver-policy';
import type { MachineTrust } from '../trust/machine-trust';
import type { TokenClient } from '../token/token-client';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface SettingsContext {
  settings(): Settings;
  store(): LocalStore;
  tokens(): Pick<TokenClient, 'setSettingsModules'>;
  trust(): MachineTrust;
  /** The native "choose a driver" dialog (a full path, or null when the clerk cancelled); undefined: none here. */
  pickDriver(): (() => Promise<string | null>) | undefined;
  /** The server URL changed: a new portal client, no session. */
  serverChanged(): void;
  portal(): PortalClient;
  log: Log;
  /** What group policy decides and how updates come (issue 19). */
  managed(): ManagedState;
}

const MAX_DRIVERS = 16;

export function settingsHandlers(ctx: SettingsContext) {
  const saveDrivers = async (modules: string[]): Promise<Result<Settings>> => {
    // The policy's drivers are the policy's: only the clerk's own are stored, so a GPO removing one removes it.
    const policyDrivers = ctx.managed().managedDrivers;
    ctx.store().setSetting('pkcs11Modules', modules.filter((m) => !policyDrivers.includes(m)));
    // What an older version stored is judged again: only allowed drivers reach the token service.
    await ctx.tokens().setSettingsModules(allowedDrivers(modules, ctx.trust(), ctx.log));
    return ok(ctx.settings());
  };
  return {
    'settings.get': async () => ok(ctx.settings()),
    'settings.managed': async () => ok(ctx.managed()),
    'settings.update': async (patch: Partial<Omit<Settings, 'pkcs11Modules'>>) => {
      const managed = ctx.managed().managed;
      const locked = (Object.keys(patch) as Array<keyof typeof patch>).find((k) => patch[k] !== undefined && (managed as readonly string[]).includes(k) && patch[k] !== ctx.settings()[k]);
      if (locked) return fail('SETTING_MANAGED', false, { field: locked });
      const before = ctx.settings();
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) ctx.store().setSetting(key, value);
      const after = ctx.settings();
      if (after.serverUrl !== before.serverUrl) ctx.serverChanged();
      return ok(after);
    },
    'settings.addDriver': async (): Promise<Result<Settings>> => {
      const pick = ctx.pickDriver();
      if (!pick) return fail('DRIVER_PICKER_UNAVAILABLE');
      const file = await pick();
      if (file === null) return ok(ctx.settings());
      const verdict = checkDriver(file, ctx.trust());
      if (!verdict.ok) {
        ctx.log('driver refused', { file, code: verdict.code, reason: verdict.reason });
        return fail(verdict.code, false, { path: file });
      }
      const current = ctx.settings().pkcs11Modules;
      if (current.includes(file)) return ok(ctx.settings());
      if (current.length >= MAX_DRIVERS) return fail('INPUT_INVALID', false, { reason: `at most ${MAX_DRIVERS} drivers` });
      return saveDrivers([...current, file]);
    },
    'settings.removeDriver': async (i: { path: string }) =>
      ctx.managed().managedDrivers.includes(i.path) ? fail('SETTING_MANAGED', false, { field: 'pkcs11Modules' }) : saveDrivers(ctx.settings().pkcs11Modules.filter((p) => p !== i.path)),

    'app.checkServer': async (): Promise<Result<ServerCheck>> => {
      const serverUrl = ctx.settings().serverUrl;
      if (!serverUrlAllowed(serverUrl)) return ok({ serverUrl, allowed: false, reachable: false, error: 'SERVER_URL_NOT_HTTPS' });
      const started = performance.now();
      const r = await ctx.portal().call(healthRoute, { anonymous: true });
      const ms = Math.round(performance.now() - started);
      if (!r.ok) return ok({ serverUrl, allowed: true, reachable: false, error: r.error.code, ms });
      return ok({ serverUrl, allowed: true, reachable: true, ...(r.value.version ? { version: r.value.version } : {}), ms });
    },
  };
}
