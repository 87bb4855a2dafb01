/**
 * Group policy as settings (issue 19). The policy wins over what the clerk saved and over the installer's seed:
 * that is what "managed by your organisation" means, and IT rolling out a new server must not depend on a
 * thousand clerks. A value that fails the contract's rule is ignored with a log line, never a crash (a typo in a
 * GPO must not stop the clerks), and the field stays the clerk's.
 */
import type { Settings } from '@shared/contract/client-api';
import { portalIdSchema, type ManagedField, type PortalId } from '@shared/contract/delivery';
import { serverUrlSchema } from '@shared/contract/server-url';
import type { PolicyValues } from '@shared/policy/policies';
import type { MachineTrust } from './machine-trust';

type Log = (message: string, fields?: Record<string, unknown>) => void;

/** What the MSI wrote under HKLM\SOFTWARE\Tongban (tools/msi-project.mjs). */
export interface InstallRecord {
  InstallKind?: string;
  InstallDir?: string;
  ServerUrl?: string;
  Portal?: string;
}

export interface ManagedPolicy {
  /** Values the policy enforces. */
  settings: Partial<Pick<Settings, 'serverUrl' | 'language'>>;
  /** The clerk may not change the server (AllowServerChange = 0, or ServerUrl set). */
  serverLocked: boolean;
  drivers: string[];
  portal?: PortalId;
  managed: ManagedField[];
}

const isNetworkPath = (p: string) => /^[\\/]{2}/.test(p);

/**
 * The policy's DriverDirectories that count: absolute, local, and writable by administrators only — a folder
 * every user may add a DLL to would make any file a "driver an administrator installed".
 */
export function policyDriverFolders(values: PolicyValues, trust: Pick<MachineTrust, 'platform' | 'whyNotAdminOnly'>, log: Log = () => {}): string[] {
  const listed = Array.isArray(values.DriverDirectories) ? values.DriverDirectories : [];
  return listed.filter((dir) => {
    const absolute = trust.platform === 'win32' ? /^[a-zA-Z]:\\/.test(dir) : dir.startsWith('/');
    const why = isNetworkPath(dir) || !absolute ? 'not a local absolute path' : trust.whyNotAdminOnly(dir);
    if (why) log('policy driver directory ignored', { dir, reason: why });
    return !why;
  });
}

export function managedPolicy(values: PolicyValues, log: Log = () => {}): ManagedPolicy {
  const out: ManagedPolicy = { settings: {}, serverLocked: values.AllowServerChange === false, drivers: [], managed: [] };
  if (typeof values.ServerUrl === 'string') {
    const url = serverUrlSchema.safeParse(values.ServerUrl);
    if (url.success) {
      out.settings.serverUrl = url.data;
      out.serverLocked = true;
    } else log('policy ignored: invalid', { policy: 'ServerUrl' });
  }
  if (values.Language === 'zh-CN' || values.Language === 'en') out.settings.language = values.Language;
  else if (values.Language !== undefined) log('policy ignored: invalid', { policy: 'Language' });
  if (Array.isArray(values.Pkcs11Modules)) out.drivers = values.Pkcs11Modules.slice(0, 16);
  if (values.Portal !== undefined) {
    const portal = portalIdSchema.safeParse(values.Portal);
    if (portal.success) out.portal = portal.data;
    else log('policy ignored: invalid', { policy: 'Portal' });
  }
  if (out.serverLocked) out.managed.push('serverUrl');
  if (out.settings.language) out.managed.push('language');
  if (out.drivers.length > 0) out.managed.push('pkcs11Modules');
  if (out.portal) out.managed.push('portal');
  return out;
}

/** The policy's drivers first, then the clerk's (or the seed's) that are not among them. */
export function withPolicyDrivers(policyDrivers: readonly string[], own: readonly string[]): string[] {
  return [...policyDrivers, ...own.filter((d) => !policyDrivers.includes(d))];
}
