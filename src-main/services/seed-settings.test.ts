import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedSettings, seedSettingsFiles } from './seed-settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-seed-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('install-time settings', () => {
  it('looks in ProgramData first, then beside the app', () => {
    expect(seedSettingsFiles({ ProgramData: 'C:\\ProgramData' }, '/app/resources')).toEqual([
      path.join('C:\\ProgramData', 'Tongban', 'settings.json'),
      path.join('/app/resources', 'seed-settings.json'),
    ]);
    expect(seedSettingsFiles({}, undefined)).toEqual([]);
  });

  it('takes each field from the first file that has it (group policy over the installer)', async () => {
    const policy = path.join(dir, 'policy.json');
    const installer = path.join(dir, 'installer.json');
    await writeFile(policy, '\uFEFF{"serverUrl":"https://one.sipac.gov.cn"}');
    await writeFile(installer, JSON.stringify({ serverUrl: 'https://old.example', pkcs11Modules: ['C:\\Windows\\System32\\vendor.dll'] }));
    expect(readSeedSettings([policy, installer])).toEqual({ serverUrl: 'https://one.sipac.gov.cn', pkcs11Modules: ['C:\\Windows\\System32\\vendor.dll'] });
  });

  it('ignores a broken or invalid file and says so, without failing', async () => {
    await mkdir(path.join(dir, 'x'));
    const broken = path.join(dir, 'broken.json');
    const invalid = path.join(dir, 'invalid.json');
    await writeFile(broken, '{ serverUrl: nope');
    await writeFile(invalid, JSON.stringify({ serverUrl: 'ftp://x' }));
    const logs: string[] = [];
    expect(readSeedSettings([broken, invalid, path.join(dir, 'missing.json')], (m) => logs.push(m))).toEqual({});
    expect(logs).toEqual(['seed settings ignored: not JSON', 'seed settings ignored: invalid']);
  });
});
