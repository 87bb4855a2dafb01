import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chmod } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { posixMachineTrust, type MachineTrust } from '../trust/machine-trust';
import { readSeedSettings, seedSettingsFiles } from './seed-settings';

// The files below are this user's, in folders only this user writes: as an administrator's would be.
const trust = posixMachineTrust({ adminUid: process.getuid?.() ?? 0 });

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
    expect(readSeedSettings([policy, installer], trust)).toEqual({ serverUrl: 'https://one.sipac.gov.cn', pkcs11Modules: ['C:\\Windows\\System32\\vendor.dll'] });
  });

  it('ignores a broken or invalid file and says so, without failing', async () => {
    await mkdir(path.join(dir, 'x'));
    const broken = path.join(dir, 'broken.json');
    const invalid = path.join(dir, 'invalid.json');
    await writeFile(broken, '{ serverUrl: nope');
    await writeFile(invalid, JSON.stringify({ serverUrl: 'ftp://x' }));
    const logs: string[] = [];
    expect(readSeedSettings([broken, invalid, path.join(dir, 'missing.json')], trust, (m) => logs.push(m))).toEqual({});
    expect(logs).toEqual(['seed settings ignored: not JSON', 'seed settings ignored: invalid']);
  });

  it('ignores a settings file other users could have written, saying why (a planted driver)', async () => {
    const planted = path.join(dir, 'settings.json');
    await writeFile(planted, JSON.stringify({ pkcs11Modules: ['/tmp/evil.so'] }));
    await chmod(planted, 0o666);
    const logs: Array<{ message: string; reason?: unknown }> = [];
    expect(readSeedSettings([planted], trust, (message, fields) => logs.push({ message, reason: fields?.reason }))).toEqual({});
    expect(logs).toEqual([{ message: 'seed settings ignored: not admin-only', reason: expect.stringMatching(/writable by group or others/) }]);
  });

  it("takes the MSI's SERVER and PORTAL after the files, and drops only the field that is wrong", async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ serverUrl: 'http://portal.example', language: 'en', portal: 'nowhere' }));
    const msi: MachineTrust = { ...trust, installRecord: () => ({ InstallKind: 'msi', ServerUrl: 'https://one.sipac.gov.cn', Portal: 'beijing-sme' }) };
    const logs: unknown[] = [];
    expect(readSeedSettings([file], msi, (m, f) => logs.push([m, f?.field]))).toEqual({ language: 'en', serverUrl: 'https://one.sipac.gov.cn', portal: 'beijing-sme' });
    // An http server off loopback and an unknown portal id are refused by name; the rest of the file stands.
    expect(logs).toEqual([
      ['seed settings ignored: invalid', 'serverUrl'],
      ['seed settings ignored: invalid', 'portal'],
    ]);
  });

  it("reads the NSIS installer's file with /PORTAL= beside /SERVER=", async () => {
    const file = path.join(dir, 'seed-settings.json');
    await writeFile(file, '{"serverUrl":"https://www.smebj.cn","portal":"beijing-sme"}');
    expect(readSeedSettings([file], trust)).toEqual({ serverUrl: 'https://www.smebj.cn', portal: 'beijing-sme' });
  });
});
