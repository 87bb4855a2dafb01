/**
 * Runs the update decision: for an NSIS install, electron-updater downloads from the feed (staged rollouts are the
 * feed's `stagingPercentage`, which electron-updater applies per machine) and installs when the clerk quits; the
 * status is what Settings shows. Nothing here runs for MSI installs, for a policy that turned updates off, or
 * outside an installed app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { UpdateStatus } from '@shared/contract/delivery';
import type { MachineTrust } from '../trust/machine-trust';
import { loadElectronUpdater, type Updater } from './electron-updater';
import { decideUpdates, detectInstallKind, feedIsSigned, type UpdateDecision } from './update-decision';

type Log = (message: string, fields?: Record<string, unknown>) => void;

export function startUpdates(decision: UpdateDecision, updater: Updater | null, log: Log): () => UpdateStatus {
  let status: UpdateStatus = decision.status;
  if (decision.status.mode !== 'self' || !decision.feed) return () => status;
  if (!updater) {
    log('updates unavailable: electron-updater missing');
    status = { ...status, state: 'failed' };
    return () => status;
  }
  const set = (state: UpdateStatus['state'], version?: string) => {
    status = { ...decision.status, state, ...(version ? { version } : {}) };
  };
  updater.autoDownload = true;
  // Installs when the clerk quits, never in the middle of a signature or an upload.
  updater.autoInstallOnAppQuit = true;
  if (decision.feed.url) updater.setFeedURL({ provider: 'generic', url: decision.feed.url, channel: decision.feed.channel });
  else updater.channel = decision.feed.channel;
  // Setting a channel turns downgrades on in electron-updater; the local store only migrates forward.
  updater.allowDowngrade = false;
  updater.on('checking-for-update', () => set('checking'));
  updater.on('update-not-available', () => set('current'));
  updater.on('update-available', (info) => set('downloading', info?.version));
  updater.on('update-downloaded', (info) => {
    set('ready', info?.version);
    log('update downloaded', { version: info?.version ?? '' });
  });
  updater.on('error', (e) => {
    set('failed');
    // The message only: electron-updater's errors carry URLs of the feed, never secrets, but no stack.
    log('update failed', { error: e?.message?.split('\n')[0] ?? '' });
  });
  void updater.checkForUpdates().catch(() => set('failed'));
  return () => status;
}

/** The packaged app's updates, from where Electron says it runs (main.ts). */
export function appUpdates(o: { packaged: boolean; exePath: string; resourcesPath: string; appPath: string; trust: MachineTrust; log: Log }): () => UpdateStatus {
  const kind = detectInstallKind({ platform: process.platform, packaged: o.packaged, exePath: o.exePath, record: o.trust.installRecord(), listDir: (dir) => readdirSync(dir) });
  let yml: string | null = null;
  try {
    yml = readFileSync(path.join(o.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    // no feed configured in this build
  }
  const decision = decideUpdates(kind, o.trust.policy(), feedIsSigned(yml), o.log);
  o.log('updates', { install: kind, mode: decision.status.mode, ...(decision.status.channel ? { channel: decision.status.channel } : {}) });
  return startUpdates(decision, decision.status.mode === 'self' ? loadElectronUpdater(o.appPath) : null, o.log);
}
