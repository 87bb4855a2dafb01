import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { posixMachineTrust } from './machine-trust';
import { aclProblem, windowsMachineTrust, type Run } from './machine-trust-windows';

const me = process.getuid?.() ?? 0;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-trust-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('POSIX: only the administrator can have written it', () => {
  const trust = posixMachineTrust({ adminUid: me });

  it('believes a file the administrator owns, not writable by others, in folders the same', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{}', { mode: 0o644 });
    expect(trust.whyNotAdminOnly(file)).toBeNull();
  });

  it('refuses a file others may write, or one in a folder others may write', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{}');
    await chmod(file, 0o666);
    expect(trust.whyNotAdminOnly(file)).toMatch(/settings\.json is writable by group or others \(mode 666\)/);
    await chmod(file, 0o644);
    await chmod(dir, 0o777); // not sticky: anyone could replace the file
    expect(trust.whyNotAdminOnly(file)).toMatch(/tongban-trust-\w+ is writable by group or others \(mode 777\)/);
  });

  it.runIf(me === 0)('refuses a file owned by another user', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{}', { mode: 0o644 });
    await chown(file, 65534, 65534);
    expect(trust.whyNotAdminOnly(file)).toMatch(/owned by uid 65534/);
  });

  it('refuses what it cannot read', () => {
    expect(posixMachineTrust().whyNotAdminOnly(path.join(dir, 'missing.json'))).toMatch(/cannot read/);
  });
});

describe('Windows: ACLs by SID, the machine policy, signatures', () => {
  const system = 'S-1-5-18';
  const admins = 'S-1-5-32-544';
  const users = 'S-1-5-32-545';

  it('accepts administrators and SYSTEM writing, and anyone reading', () => {
    expect(aclProblem([`OWNER|${admins}`, `ACE|${system}|2032127|Allow|0`, `ACE|${admins}|2032127|Allow|0`, `ACE|${users}|1179817|Allow|0`].join('\r\n'))).toBeNull();
  });

  it('refuses an owner or a writer who is not an administrator (ProgramData lets Users create files)', () => {
    expect(aclProblem(`OWNER|S-1-5-21-1-2-3-1001\r\nACE|${system}|2032127|Allow|0`)).toMatch(/owned by S-1-5-21-1-2-3-1001/);
    expect(aclProblem(`OWNER|${system}\nACE|${users}|6|Allow|0`)).toMatch(/writable by S-1-5-32-545/); // WriteData, AppendData
    expect(aclProblem(`OWNER|${system}\nACE|S-1-1-0|2032127|Allow|0`, 'folder')).toMatch(/writable by S-1-1-0/); // Everyone: full control
    expect(aclProblem(`OWNER|${system}\nACE|${users}|64|Allow|0`, 'folder')).toMatch(/writable by/); // DeleteSubdirectoriesAndFiles
  });

  it('lets users add files to the folder (ProgramData\'s default), not replace ours', () => {
    // BUILTIN\Users inherit CreateFiles + CreateDirectories (+ attributes) on ProgramData's subfolders.
    expect(aclProblem(`OWNER|${admins}\nACE|${users}|278|Allow|0\nACE|${users}|1179817|Allow|0`, 'folder')).toBeNull();
    expect(aclProblem(`OWNER|${admins}\nACE|${users}|278|Allow|0`, 'file')).toMatch(/writable by/);
    expect(aclProblem(`OWNER|${system}\nACE|S-1-3-0|268435456|Allow|2`)).toBeNull(); // CREATOR OWNER, inherit-only
    expect(aclProblem(`OWNER|${system}\nACE|${users}|6|Deny|0`)).toBeNull();
    expect(aclProblem('')).toMatch(/no ACL/);
  });

  it('runs System32 tools with fixed arguments and passes the path only in the environment', () => {
    const calls: Array<{ file: string; args: string[]; target?: string }> = [];
    const run: Run = (file, args, env) => {
      calls.push({ file, args, ...(env.TONGBAN_TRUST_PATH ? { target: env.TONGBAN_TRUST_PATH } : {}) });
      if (file.endsWith('reg.exe')) return '    TrustSignedDrivers    REG_DWORD    0x1\r\n';
      if (args.at(-1)!.includes('Get-AuthenticodeSignature')) return 'Valid\r\n';
      return `OWNER|${admins}\r\nACE|${system}|2032127|Allow|0\r\n`;
    };
    const trust = windowsMachineTrust({ env: { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' }, run });
    const file = 'C:\\ProgramData\\Tongban\\settings.json" & calc & "';
    expect(trust.whyNotAdminOnly(file)).toBeNull();
    expect(trust.signedByTrustedPublisher('D:\\drivers\\vendor.dll')).toBe(true);
    expect(trust.driverFolders()).toEqual(expect.arrayContaining(['C:\\Program Files', 'C:\\Windows\\System32']));
    for (const c of calls) {
      expect(['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'C:\\Windows\\System32\\reg.exe']).toContain(c.file);
      expect(c.args.join(' ')).not.toMatch(/ProgramData|drivers/);
    }
    expect(calls.map((c) => c.target).filter(Boolean)).toEqual([file, 'C:\\ProgramData\\Tongban', 'D:\\drivers\\vendor.dll']);
  });

  it('trusts no signature unless the machine policy says so, and no file whose ACL cannot be read', () => {
    const trust = windowsMachineTrust({
      env: {},
      run: (file) => {
        if (file.endsWith('reg.exe')) throw new Error('ERROR: The system was unable to find the specified registry key');
        throw new Error('Get-Acl: access denied');
      },
    });
    expect(trust.signedByTrustedPublisher('D:\\x.dll')).toBe(false);
    expect(trust.policy()).toEqual({});
    expect(trust.installRecord()).toEqual({});
    expect(trust.whyNotAdminOnly('C:\\ProgramData\\Tongban\\settings.json')).toMatch(/ACL not readable/);
  });
});
