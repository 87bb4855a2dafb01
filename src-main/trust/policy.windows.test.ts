import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppUrl } from '../security';
import { checkDriver } from './driver-policy';
import { windowsMachineTrust } from './machine-trust-windows';

// On a real Windows (the CI runner, an administrator): the registry, ACLs and paths as the shipped client meets
// them. Elsewhere these are skipped; their logic is tested everywhere with recorded outputs (machine-trust.test.ts).
const reg = (...args: string[]) => execFileSync('reg.exe', args, { encoding: 'utf8' });
const KEY = 'Software\\Policies\\Tongban';

describe.runIf(process.platform === 'win32')('on Windows', () => {
  const dir = process.platform === 'win32' ? mkdtempSync(path.join(os.tmpdir(), 'tongban-win-')) : '';
  afterAll(() => {
    for (const hive of ['HKLM', 'HKCU']) {
      try {
        reg('delete', `${hive}\\${KEY}`, '/f');
      } catch {
        // not there
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads group policy from HKLM over HKCU, with the registry types the ADMX writes', () => {
    reg('add', `HKLM\\${KEY}`, '/v', 'ServerUrl', '/t', 'REG_SZ', '/d', 'https://one.sipac.gov.cn', '/f');
    reg('add', `HKLM\\${KEY}`, '/v', 'Pkcs11Modules', '/t', 'REG_MULTI_SZ', '/d', 'C:\\Program Files\\JSCA\\a.dll\\0C:\\Windows\\System32\\b.dll', '/f');
    reg('add', `HKLM\\${KEY}`, '/v', 'UpdatesEnabled', '/t', 'REG_DWORD', '/d', '0', '/f');
    reg('add', `HKCU\\${KEY}`, '/v', 'ServerUrl', '/t', 'REG_SZ', '/d', 'https://user.example', '/f');
    reg('add', `HKCU\\${KEY}`, '/v', 'Language', '/t', 'REG_SZ', '/d', 'en', '/f');
    reg('add', `HKCU\\${KEY}`, '/v', 'UpdateFeedUrl', '/t', 'REG_SZ', '/d', 'https://evil.example', '/f');
    expect(windowsMachineTrust().policy()).toEqual({ ServerUrl: 'https://one.sipac.gov.cn', Language: 'en', Pkcs11Modules: ['C:\\Program Files\\JSCA\\a.dll', 'C:\\Windows\\System32\\b.dll'], UpdatesEnabled: false });
  });

  it('judges ACLs for real: System32 is the administrators\', the user\'s temp folder is not', () => {
    const trust = windowsMachineTrust();
    expect(trust.whyNotAdminOnly('C:\\Windows\\System32\\drivers\\etc\\hosts')).toBeNull();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{}');
    expect(trust.whyNotAdminOnly(file)).toMatch(/owned by|writable by/);
  });

  it('loads drivers from System32, never from a share, a \\\\?\\ path or the user\'s temp folder', () => {
    const trust = windowsMachineTrust();
    expect(checkDriver('C:\\Windows\\System32\\kernel32.dll', trust)).toMatchObject({ ok: true });
    expect(checkDriver('\\\\server\\share\\p11.dll', trust)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID' });
    expect(checkDriver('\\\\?\\C:\\Windows\\System32\\kernel32.dll', trust)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID' });
    const planted = path.join(dir, 'p11.dll');
    writeFileSync(planted, 'MZ');
    expect(checkDriver(planted, trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_ALLOWED' });
  });

  it('serves app:// only from the renderer folder, with Windows paths and drive letters', () => {
    const root = 'C:\\Program Files\\通办 Tongban\\resources\\app.asar\\dist\\renderer';
    expect(isAppUrl(APP_ENTRY, root)).toBe(true);
    expect(isAppUrl('app://tongban/..%5C..%5Cmain%5Cmain.cjs', root)).toBe(false);
    expect(isAppUrl('app://tongban/C:%5CWindows%5Cwin.ini', root)).toBe(false);
  });
});
