/**
 * Settings IT decides at install time, before any clerk opens Tongban: the portal's server URL, the language,
 * extra PKCS#11 libraries. Two places, first found wins per field:
 *   - %ProgramData%\Tongban\settings.json (Windows; e.g. pushed by group policy),
 *   - <resources>/seed-settings.json, written by the installer: `Tongban-Setup.exe /S /SERVER=https://…`
 *     (assets/installer/installer.nsh).
 * What a clerk changes in Settings (the local store) overrides both. A file that is not valid is ignored, with a
 * log line, never a crash: a typo by IT must not stop the clerks from working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsSchema, type Settings } from '@shared/contract/client-api';

export function seedSettingsFiles(env: NodeJS.ProcessEnv = process.env, resourcesPath?: string): string[] {
  const files: string[] = [];
  if (env.ProgramData) files.push(path.join(env.ProgramData, 'Tongban', 'settings.json'));
  if (resourcesPath) files.push(path.join(resourcesPath, 'seed-settings.json'));
  return files;
}

export function readSeedSettings(files: readonly string[], log: (message: string, fields?: Record<string, unknown>) => void = () => {}): Partial<Settings> {
  const seed: Partial<Settings> = {};
  for (const file of files) {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      continue; // not there: the usual case
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
    for (const [key, value] of Object.entries(result.data) as Array<[keyof Settings, never]>) {
      if (value !== undefined && seed[key] === undefined) seed[key] = value;
    }
  }
  return seed;
}
