import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

// The installer is built on a Windows machine that can download Electron, never here; this keeps the
// configuration valid against electron-builder's own schema and holds the promises the packaging relies on.
describe('electron-builder.yml', () => {
  it('is valid and builds a Windows x64 NSIS installer with the native modules unpacked', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();

    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    const unpacked = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(unpacked).toEqual(expect.arrayContaining(['**/node_modules/pkcs11js/**', '**/node_modules/better-sqlite3/**']));
    // The installer include that writes IT's /SERVER= into seed-settings.json exists and does that.
    const include = config.nsis?.include;
    expect(include).toBe('assets/installer/installer.nsh');
    expect(readFileSync(path.join(root, include!), 'utf8')).toMatch(/\/SERVER=[\s\S]*seed-settings\.json/);
    // Fuses are flipped by our afterPack hook (tools/after-pack.test.ts), not twice by electron-builder.
    expect(config.afterPack).toBe('tools/after-pack.mjs');
    expect(config.electronFuses ?? null).toBeNull();
  });
});
