/**
 * What only an administrator of this machine can have put there. Two questions, asked before the desktop client
 * believes anything that is not its own clerk's doing:
 *   - may a machine-wide settings file be believed (only administrators can write it, nor replace it through its
 *     folder)? A settings file any local user could write would let that user plant a PKCS#11 driver into every
 *     clerk's token service: it sees their PINs at C_Login and uses their keys.
 *   - may a PKCS#11 driver be loaded (driver-policy.ts asks for the folders and, on Windows, the signature)?
 * One interface, one implementation per platform: Windows reads ACLs and signatures with PowerShell and the HKLM
 * policy with `reg query` (execFile, fixed arguments, the path in an environment variable, never in a command
 * line); POSIX (this machine, the tests, SoftHSM) reads owners and modes.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { PolicyValues } from '@shared/policy/policies';
import { windowsMachineTrust } from './machine-trust-windows';
import { policyDriverFolders, type InstallRecord } from './managed-policy';

export interface MachineTrust {
  readonly platform: 'win32' | 'posix';
  /** Why `file` may have been written by someone other than an administrator; null when it cannot have been. */
  whyNotAdminOnly(file: string): string | null;
  /**
   * Group policy (HKLM\SOFTWARE\Policies\Tongban over HKCU's, src-shared/policy/policies.ts) as read, unchecked;
   * {} when there is none. managed-policy.ts turns it into settings.
   */
  policy(): PolicyValues;
  /** What the MSI recorded under HKLM\SOFTWARE\Tongban (install kind, SERVER, PORTAL); {} otherwise. */
  installRecord(): InstallRecord;
  /** The folders drivers may be loaded from: administrators' install places, and the policy's DriverDirectories. */
  driverFolders(): string[];
  /** A driver outside those folders is still allowed when this says so (Windows Authenticode, when policy allows). */
  signedByTrustedPublisher(file: string): boolean;
}

export interface PosixTrustOptions {
  /** The administrator's uid (root). Tests running without root pass their own. */
  adminUid?: number;
  driverFolders?: string[];
  /** Group policy as a Windows machine would have it (tests, and the e2e's managed settings). */
  policy?: PolicyValues;
  installRecord?: InstallRecord;
}

/** Owner root (or the given admin uid), not writable by group or others — the file and every folder above it. */
export function posixMachineTrust(opts: PosixTrustOptions = {}): MachineTrust {
  const adminUid = opts.adminUid ?? 0;
  const builtIn = opts.driverFolders ?? ['/usr/lib', '/usr/local/lib'];
  const policy = opts.policy ?? {};
  let folders: string[] | null = null;
  const trust: MachineTrust = {
    platform: 'posix',
    whyNotAdminOnly(file) {
      let p = path.resolve(file);
      for (;;) {
        let st;
        try {
          st = statSync(p);
        } catch {
          return `cannot read ${p}`;
        }
        if (st.uid !== adminUid && st.uid !== 0) return `${p} is owned by uid ${st.uid}, not an administrator`;
        // A sticky folder (/tmp) lets others create files but not replace ours: only its owner matters there.
        const sticky = st.isDirectory() && (st.mode & 0o1000) !== 0;
        if ((st.mode & 0o022) !== 0 && !sticky) return `${p} is writable by group or others (mode ${(st.mode & 0o7777).toString(8)})`;
        const parent = path.dirname(p);
        if (parent === p) return null;
        p = parent;
      }
    },
    policy: () => policy,
    installRecord: () => opts.installRecord ?? {},
    driverFolders: () => (folders ??= [...builtIn, ...policyDriverFolders(policy, trust)]),
    signedByTrustedPublisher: () => false,
  };
  return trust;
}

/** The implementation for the platform this process runs on. */
export function machineTrustFor(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): MachineTrust {
  return platform === 'win32' ? windowsMachineTrust({ env }) : posixMachineTrust();
}
