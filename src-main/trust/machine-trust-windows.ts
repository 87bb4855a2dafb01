/**
 * MachineTrust on Windows. ACLs and signatures are read by PowerShell (Get-Acl, Get-AuthenticodeSignature) and the
 * machine policy by `reg query`, each by its full path under System32 with fixed arguments; the file to look at
 * goes in an environment variable, so no path ever becomes part of a command line. Principals compare by SID:
 * names are localised (BUILTIN\Administrators is VORDEFINIERT\Administratoren in German).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { mergePolicyHives, parseRegQuery, POLICY_KEY, type PolicyValues } from '@shared/policy/policies';
import { policyDriverFolders, type InstallRecord } from './managed-policy';
import type { MachineTrust } from './machine-trust';

/** SYSTEM, Administrators, TrustedInstaller: the principals that may write machine-wide settings. */
const ADMIN_SIDS = new Set(['S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464']);
/** FileSystemRights that let a principal take over an object: Delete, ChangePermissions, TakeOwnership, GenericAll. */
const TAKEOVER = 0x10000 | 0x40000 | 0x80000 | 0x10000000;
/**
 * What must be the administrators' alone. On the file: changing its content too (WriteData, AppendData,
 * GenericWrite). On its folder: deleting or renaming what is in it (DeleteSubdirectoriesAndFiles) — adding a file
 * is harmless (ProgramData lets every user create files; a new settings.json would be theirs and fail the owner
 * check), replacing ours is not.
 */
const WRITE_RIGHTS = { file: TAKEOVER | 0x2 | 0x4 | 0x40000000, folder: TAKEOVER | 0x40 } as const;
/** PropagationFlags.InheritOnly: the entry applies to children only, not to the folder itself. */
const INHERIT_ONLY = 0x2;

const ACL_SCRIPT = [
  '$ErrorActionPreference = "Stop"',
  '$sid = [Security.Principal.SecurityIdentifier]',
  '$acl = Get-Acl -LiteralPath $env:TONGBAN_TRUST_PATH',
  '"OWNER|" + $acl.GetOwner($sid).Value',
  'foreach ($a in $acl.GetAccessRules($true, $true, $sid)) { "ACE|" + $a.IdentityReference.Value + "|" + [int]$a.FileSystemRights + "|" + $a.AccessControlType + "|" + [int]$a.PropagationFlags }',
].join('; ');

const SIGNATURE_SCRIPT = '$ErrorActionPreference = "Stop"; (Get-AuthenticodeSignature -LiteralPath $env:TONGBAN_TRUST_PATH).Status.ToString()';

export type Run = (file: string, args: string[], env: NodeJS.ProcessEnv) => string;

const execRun: Run = (file, args, env) => execFileSync(file, args, { env, encoding: 'utf8', timeout: 15_000, windowsHide: true });

/** Why the Get-Acl lines show a non-administrator owner or a non-administrator allowed to write; null if none. */
export function aclProblem(output: string, object: keyof typeof WRITE_RIGHTS = 'file'): string | null {
  let sawOwner = false;
  for (const line of output.split(/\r?\n/)) {
    const [kind, sid = '', rights = '0', type = '', propagation = '0'] = line.trim().split('|');
    if (kind === 'OWNER') {
      sawOwner = true;
      if (!ADMIN_SIDS.has(sid)) return `owned by ${sid}, not an administrator`;
    } else if (kind === 'ACE' && type === 'Allow' && (Number(propagation) & INHERIT_ONLY) === 0) {
      if ((Number(rights) & WRITE_RIGHTS[object]) !== 0 && !ADMIN_SIDS.has(sid)) return `writable by ${sid}`;
    }
  }
  return sawOwner ? null : 'no ACL could be read';
}

export function windowsMachineTrust(opts: { env?: NodeJS.ProcessEnv; run?: Run } = {}): MachineTrust {
  const env = opts.env ?? process.env;
  const run = opts.run ?? execRun;
  const systemRoot = env.SystemRoot ?? 'C:\\Windows';
  const system32 = path.win32.join(systemRoot, 'System32');
  const powershell = path.win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  const ps = (script: string, file: string) => run(powershell, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script], { ...env, TONGBAN_TRUST_PATH: file });
  const reg = (key: string) => run(path.win32.join(system32, 'reg.exe'), ['query', key], env);
  let policy: PolicyValues | null = null;
  const readPolicy = (): PolicyValues => {
    if (policy) return policy;
    const hive = (root: string) => {
      try {
        return parseRegQuery(reg(`${root}\\${POLICY_KEY}`));
      } catch {
        return {}; // no policy key: the usual case
      }
    };
    policy = mergePolicyHives(hive('HKLM'), hive('HKCU'));
    return policy;
  };
  let install: InstallRecord | null = null;
  let folders: string[] | null = null;
  const trust: MachineTrust = {
    platform: 'win32',
    whyNotAdminOnly(file) {
      // The folder too: whoever may write it can delete the file and put their own in its place.
      for (const [target, kind] of [[file, 'file'], [path.win32.dirname(file), 'folder']] as const) {
        let problem: string | null;
        try {
          problem = aclProblem(ps(ACL_SCRIPT, target), kind);
        } catch (e) {
          problem = `ACL not readable (${(e as Error).message.split('\n')[0]})`;
        }
        if (problem) return `${target}: ${problem}`;
      }
      return null;
    },
    policy: readPolicy,
    installRecord() {
      if (install) return install;
      install = {};
      try {
        // Written by the MSI (tools/msi-project.mjs) under HKLM, which only administrators write.
        for (const line of reg('HKLM\\SOFTWARE\\Tongban').split(/\r?\n/)) {
          const m = /^\s+(InstallKind|ServerUrl|Portal)\s+REG_SZ\s*(.*)$/.exec(line);
          if (m?.[1] && m[2]?.trim()) install[m[1] as keyof InstallRecord] = m[2].trim();
        }
      } catch {
        // not installed by the MSI
      }
      return install;
    },
    driverFolders() {
      if (folders) return folders;
      const builtIn = [env.ProgramW6432, env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)', system32].filter((f): f is string => !!f);
      folders = [...new Set([...builtIn, ...policyDriverFolders(readPolicy(), trust)])];
      return folders;
    },
    signedByTrustedPublisher(file) {
      if (readPolicy().TrustSignedDrivers !== true) return false;
      try {
        return ps(SIGNATURE_SCRIPT, file).trim() === 'Valid';
      } catch {
        return false;
      }
    },
  };
  return trust;
}
