/**
 * Settings IT decides at install time, before any clerk opens Tongban: the portal's server URL, the language,
 * extra PKCS#11 libraries. Three places, first found wins per field:
 *   - the machine policy, HKLM\SOFTWARE\Policies\Tongban (Windows; group policy),
 *   - %ProgramData%\Tongban\settings.json (Windows),
 *   - <resources>/seed-settings.json, written by the installer: `Tongban-Setup.exe /S /SERVER=https://…`
 *     (assets/installer/installer.nsh).
 * A file is believed only if only administrators can have written it (MachineTrust): ProgramData is writable by
 * every local user unless its ACL says otherwise, and a planted file would load a driver into every clerk's token
 * service. What a clerk changes in Settings (the local store) overrides these, except drivers (settings.addDriver).
 * A file that is not valid or not trusted is ignored, with a log line saying why, never a crash: a typo by IT must
 * not stop the clerks from working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsSchema, type Settings } from '@shared/contract/client-api';
import type { MachineTrust } from '../trust/machine-trust';

export function seedSettingsFiles(env: NodeJS.ProcessEnv = process.env, resourcesPath?: string): string[] {
  const files: string[] = [];
  if (env.ProgramData) files.push(path.join(env.ProgramData, 'Tongban', 'settings.json'));
  if (resourcesPath) files.push(path.join(resourcesPath, 'seed-settings.json'));
  return files;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

export function readSeedSettings(files: readonly string[], trust: MachineTrust, log: Log = () => {}): Partial<Settings> {
  const seed: Partial<Settings> = {};
  const take = (data: Partial<Settings>) => {
    for (const [key, value] of Object.entries(data) as Array<[keyof Settings, never]>) {
      if (value !== undefined && seed[key] === undefined) seed[key] = value;
    }
  };
  const policy = trust.policySettings();
  if (Object.keys(policy).length > 0) {
    const result = settingsSchema.partial().safeParse(policy);
    if (result.success) take(result.data);
    else log('machine policy ignored: invalid', { field: result.error.issues[0]?.path.join('.') ?? '' });
  }
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
    const result = settingsSchema.partial().safeParse(parsed);
    if (!result.success) {
      log('seed settings ignored: invalid', { file, field: result.error.issues[0]?.path.join('.') ?? '' });
      continue;
    }
    take(result.data);
  }
  return seed;
}
