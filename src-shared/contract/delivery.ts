/**
 * What IT decided for this desktop (issue 19): the settings group policy manages, the portal IT chose and how the
 * client is updated. `settings.managed` answers it; Settings shows managed fields read-only with
 * 由您的组织管理 and the update line from `update`.
 */

/** Settings fields a policy can decide. */
export type ManagedField = 'serverUrl' | 'language' | 'pkcs11Modules' | 'portal';

/**
 * A portal id as IT types it (`/PORTAL=sip`, `PORTAL=beijing-sme`, the Portal policy). The installers take any
 * string; it is checked, when read, against the portals Tongban serves: the catalogue's ids (src-shared/portals).
 */
import type { PortalId } from '../portals/catalogue';

export { PORTAL_IDS, portalIdSchema, type PortalId } from '../portals/catalogue';

/**
 * How this installation is updated: `self` (NSIS install: electron-updater from the feed), `it` (MSI install: the IT
 * department deploys new versions, the client never updates itself), `off` (policy turned updates off, or the
 * installer's update feed is not signed), `none` (not an installed app: development, browser mode).
 */
export interface UpdateStatus {
  mode: 'self' | 'it' | 'off' | 'none';
  channel?: 'stable' | 'beta';
  /** Why `off`: the UpdatesEnabled policy, or no publisher to check the update's signature against. */
  reason?: 'policy' | 'unsigned';
  /** The updater's last state, for `self`. */
  state?: 'checking' | 'current' | 'downloading' | 'ready' | 'failed';
  /** The version being downloaded or ready to install at the next start. */
  version?: string;
}

export interface ManagedState {
  managed: ManagedField[];
  /** Drivers the policy names: listed, loaded, not removable by the clerk. */
  managedDrivers: string[];
  /** The portal chosen by policy, else at install time; absent when IT chose none. */
  portal?: PortalId;
  update: UpdateStatus;
}
