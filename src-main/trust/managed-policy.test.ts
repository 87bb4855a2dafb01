import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePolicyHives, parseRegQuery } from '@shared/policy/policies';
import { checkDriver } from './driver-policy';
import { posixMachineTrust } from './machine-trust';
import { windowsMachineTrust } from './machine-trust-windows';
import { managedPolicy } from './managed-policy';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-policy-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('group policy', () => {
  it('reads both hives, the machine over the user, and the user never for drivers or updates', () => {
    const hklm = ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Tongban', '    ServerUrl    REG_SZ    https://one.sipac.gov.cn', '    Pkcs11Modules    REG_MULTI_SZ    C:\\Program Files\\JSCA\\a.dll\\0C:\\Windows\\System32\\b.dll', '    TrustSignedDrivers    REG_DWORD    0x1', '    AllowServerChange    REG_SZ    1'].join('\r\n');
    const hkcu = ['    ServerUrl    REG_SZ    https://user.example', '    Language    REG_SZ    en', '    UpdateFeedUrl    REG_SZ    https://evil.example', '    DriverDirectories    REG_MULTI_SZ    C:\\Users\\x'].join('\r\n');
    // A flag written as a string is not guessed at.
    expect(parseRegQuery(hklm)).toEqual({ ServerUrl: 'https://one.sipac.gov.cn', Pkcs11Modules: ['C:\\Program Files\\JSCA\\a.dll', 'C:\\Windows\\System32\\b.dll'], TrustSignedDrivers: true });
    const trust = windowsMachineTrust({ env: { SystemRoot: 'C:\\Windows' }, run: (_f, args) => (args[1]!.startsWith('HKLM') ? hklm : hkcu) });
    expect(trust.policy()).toEqual({ ...parseRegQuery(hklm), Language: 'en' });
    expect(mergePolicyHives({}, parseRegQuery(hkcu))).toEqual({ ServerUrl: 'https://user.example', Language: 'en' });
  });

  it('enforces valid values, locks the server, and ignores a bad value by name without failing', () => {
    const logs: unknown[] = [];
    const m = managedPolicy({ ServerUrl: 'http://portal.example', Language: 'fr', Portal: 'beijing-sme', AllowServerChange: false, Pkcs11Modules: ['C:\\Program Files\\JSCA\\a.dll'] }, (msg, f) => logs.push([msg, f?.policy]));
    expect(m).toEqual({ settings: {}, serverLocked: true, drivers: ['C:\\Program Files\\JSCA\\a.dll'], portal: 'beijing-sme', managed: ['serverUrl', 'pkcs11Modules', 'portal'] });
    expect(logs).toEqual([
      ['policy ignored: invalid', 'ServerUrl'],
      ['policy ignored: invalid', 'Language'],
    ]);
    expect(managedPolicy({ ServerUrl: 'https://one.sipac.gov.cn', Language: 'en', Portal: 'shanghai' })).toEqual({ settings: { serverUrl: 'https://one.sipac.gov.cn', language: 'en' }, serverLocked: true, drivers: [], managed: ['serverUrl', 'language'] });
    expect(managedPolicy({ AllowServerChange: true }).managed).toEqual([]);
  });

  it('lets drivers load from a DriverDirectories folder only administrators can write', async () => {
    const admin = path.join(dir, 'ca-drivers');
    const open = path.join(dir, 'shared-drivers');
    await mkdir(admin);
    await mkdir(open);
    await chmod(open, 0o777);
    await writeFile(path.join(admin, 'vendor.so'), '');
    await writeFile(path.join(open, 'vendor.so'), '');
    await chmod(open, 0o777);
    // This user stands in for the administrator: the folders above the temp dir are root's or sticky.
    const trust = posixMachineTrust({ adminUid: process.getuid?.() ?? 0, driverFolders: [], policy: { DriverDirectories: [admin, open, 'relative/dir', '//server/share'] } });
    expect(trust.driverFolders()).toEqual([admin]);
    expect(checkDriver(path.join(admin, 'vendor.so'), trust)).toEqual({ ok: true, path: path.join(admin, 'vendor.so') });
    expect(checkDriver(path.join(open, 'vendor.so'), trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_ALLOWED' });
  });
});
