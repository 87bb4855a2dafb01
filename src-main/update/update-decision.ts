/**
 * How this installation is updated (issue 19), decided from how it was installed and what group policy says. Pure,
 * so every combination is tested (update-decision.test.ts); updates.ts acts on it.
 *
 * How the app knows an MSI installed it: the MSI writes InstallKind=msi and InstallDir under HKLM\SOFTWARE\Tongban
 * (tools/msi-project.mjs), a key only administrators write and Windows Installer removes with the product; the NSIS
 * installer leaves its uninstaller (`Uninstall 通办 Tongban.exe`) beside the app. The uninstaller is checked first:
 * it is where the running exe is, so an MSI once installed elsewhere on the machine cannot switch an NSIS copy
 * off, and an MSI install is recognised only for the folder it recorded. Anything else (development, an unpacked
 * folder copied around) is `none`: no installer means nothing could install an update.
 */
import path from 'node:path';
import type { UpdateStatus } from '@shared/contract/delivery';
import type { PolicyValues } from '@shared/policy/policies';
import type { InstallRecord } from '../trust/managed-policy';

export type InstallKind = 'nsis' | 'msi' | 'unpacked';

export function detectInstallKind(o: { platform: NodeJS.Platform; packaged: boolean; exePath: string; record: InstallRecord; listDir: (dir: string) => string[] }): InstallKind {
  if (!o.packaged || o.platform !== 'win32') return 'unpacked';
  const dir = path.win32.dirname(o.exePath);
  let files: string[] = [];
  try {
    files = o.listDir(dir);
  } catch {
    // an unreadable install folder: decide by the record alone
  }
  if (files.some((f) => /^Uninstall .+\.exe$/i.test(f))) return 'nsis';
  const same = (a: string, b: string) => path.win32.resolve(a).toLowerCase() === path.win32.resolve(b).toLowerCase();
  if (o.record.InstallKind === 'msi' && (!o.record.InstallDir || same(o.record.InstallDir, dir))) return 'msi';
  return 'unpacked';
}

/**
 * electron-updater checks a downloaded installer's Authenticode publisher against `publisherName` in the app's
 * app-update.yml (NsisUpdater.verifyUpdateCodeSignature). A build without it would install whatever the feed
 * serves, so such a build does not update itself at all.
 */
export function feedIsSigned(appUpdateYml: string | null): boolean {
  return appUpdateYml !== null && /^publisherName:\s*(\S|\n\s*-\s*\S)/m.test(appUpdateYml);
}

export interface UpdateDecision {
  status: UpdateStatus;
  /** For `self`: electron-updater's channel file (latest.yml, beta.yml) and the feed IT set, if any. */
  feed?: { channel: 'latest' | 'beta'; url?: string };
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

export function decideUpdates(kind: InstallKind, policy: PolicyValues, signed: boolean, log: Log = () => {}): UpdateDecision {
  if (kind === 'unpacked') return { status: { mode: 'none' } };
  if (kind === 'msi') return { status: { mode: 'it' } };
  if (policy.UpdatesEnabled === false) return { status: { mode: 'off', reason: 'policy' } };
  if (!signed) return { status: { mode: 'off', reason: 'unsigned' } };
  const channel = policy.UpdateChannel === 'beta' ? 'beta' : 'stable';
  let url: string | undefined;
  if (typeof policy.UpdateFeedUrl === 'string') {
    // https only: the feed says which installer to fetch and its SHA-512; the signature check is the second lock.
    if (/^https:\/\/[^\s/]+/i.test(policy.UpdateFeedUrl)) url = policy.UpdateFeedUrl;
    else log('policy ignored: invalid', { policy: 'UpdateFeedUrl' });
  }
  return { status: { mode: 'self', channel }, feed: { channel: channel === 'beta' ? 'beta' : 'latest', ...(url ? { url } : {}) } };
}
