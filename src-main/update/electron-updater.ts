/**
 * The one place that touches electron-updater (issue 19). It is loaded from the packaged app's own node_modules at
 * run time, so the rest of main depends only on the few members below (as documented for electron-updater 6:
 * AppUpdater's channel, allowDowngrade, autoDownload, autoInstallOnAppQuit, setFeedURL, checkForUpdates and
 * its events) and builds and tests without the package.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Updater {
  channel: string | null;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'checking-for-update' | 'update-not-available' | 'update-available' | 'update-downloaded' | 'error', listener: (arg?: { version?: string } & Partial<Error>) => void): unknown;
}

/** electron-updater's `autoUpdater` from the app at `appPath`; null when the package is not there. */
export function loadElectronUpdater(appPath: string): Updater | null {
  try {
    const mod = createRequire(path.join(appPath, 'package.json'))('electron-updater') as { autoUpdater: Updater };
    return mod.autoUpdater;
  } catch {
    return null;
  }
}
