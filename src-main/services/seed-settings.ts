/**
 * Settings IT decides at install time, before any clerk opens Tongban: the portal's server URL, the portal, the
 * language, extra PKCS#11 libraries. Three places, first found wins per field:
 *   - %ProgramData%\Tongban\settings.json (Windows),
 *   - <resources>/seed-settings.json, written by the NSIS installer: `Tongban-Setup.exe /S /SERVER=https://…
 *     /PORTAL=sip` (assets/installer/installer.nsh),
 *   - what the MSI recorded under HKLM\SOFTWARE\Tongban: `msiexec /i Tongban.msi /qn SERVER=https://… PORTAL=sip`
 *     (tools/msi-project.mjs).
 * Group policy is not a seed but a rule: it wins over the clerk too (trust/managed-policy.ts).
 * A file is believed only if only administrators can have written it (MachineTrust): ProgramData is writable by
 * every local user unless its ACL says otherwise, and a planted file would load a driver into every clerk's token
 * service. What a clerk changes in Settings (the local store) overrides these, except drivers (settings.addDriver).
 * The portal id is taken as any string by the installers and checked here (PORTAL_IDS).
 * A file that is not valid or not trusted is ignored, with a log line saying why, never a crash: a typo by IT must
 * not stop the clerks from working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsSchema, type Settings } from '@shared/contract/client-api';
import { portalIdSchema, type PortalId } from '@shared/contract/delivery';
import type { MachineTrust } from '../trust/machine-trust';

export type SeedSettings = Partial<Settings> & { portal?: PortalId };

const seedSchema = settingsSchema.partial().extend({ portal: portalIdSchema.optional() });

export function seedSettingsFiles(env: NodeJS.ProcessEnv = process.env, resourcesPath?: string): string[] {
  const files: string[] = [];
  if (env.ProgramData) files.push(path.join(env.ProgramData, 'Tongban', 'settings.json'));
  if (resourcesPath) files.push(path.join(resourcesPath, 'seed-settings.json'));
  return files;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

export function readSeedSettings(files: readonly string[], trust: MachineTrust, log: Log = () => {}): SeedSettings {
  const seed: SeedSettings = {};
  const take = (data: SeedSettings) => {
    for (const [key, value] of Object.entries(data) as Array<[keyof SeedSettings, never]>) {
      if (value !== undefined && seed[key] === undefined) seed[key] = value;
    }
  };
  /** One source's fields; an invalid one is dropped alone, saying which, so a wrong PORTAL keeps the SERVER. */
  const takeValid = (data: Record<string, unknown>, where: Record<string, unknown>) => {
    const valid: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const field = seedSchema.shape[key as keyof typeof seedSchema.shape];
      if (!field) continue;
      const r = field.safeParse(value);
      if (r.success) valid[key] = r.data;
      else log('seed settings ignored: invalid', { ...where, field: key });
    }
    take(valid as SeedSettings);
  };
  for (const file of files) {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      continue; // not there: the usual case
    }
    const untrusted = trust.whyNotAdminOnly(file);
    if (untrusted) {
      log('seed settings ignored: not admin-only', { file, reason: untrusted });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.replace(/^\uFEFF/, '')); // Notepad writes a BOM
    } catch {
      log('seed settings ignored: not JSON', { file });
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      log('seed settings ignored: invalid', { file, field: '' });
      continue;
    }
    takeValid(parsed as Record<string, unknown>, { file });
  }
  // The MSI and the NSIS seed file never meet on one machine (one installer or the other), so after the files.
  const install = trust.installRecord();
  takeValid({ ...(install.ServerUrl ? { serverUrl: install.ServerUrl } : {}), ...(install.Portal ? { portal: install.Portal } : {}) }, { file: 'HKLM\\SOFTWARE\\Tongban' });
  return seed;
}
