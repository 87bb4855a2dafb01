/**
 * Which PKCS#11 drivers the token service may load. A driver is native code running with the clerk's rights and
 * seeing their PIN, so it must be something an administrator installed: a file inside the install folders
 * (Program Files, System32; /usr/lib, /usr/local/lib here), judged after symlinks and junctions are resolved, or on
 * Windows a file with a valid Authenticode signature when the machine policy allows that. Network (UNC, `\\?\`)
 * and relative paths are refused before the disk is touched: a relative path means whatever the working folder
 * holds, a share whatever its owner puts there.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MachineTrust } from './machine-trust';

export type DriverRefusal = 'DRIVER_PATH_INVALID' | 'DRIVER_NOT_FOUND' | 'DRIVER_NOT_ALLOWED';
export type DriverVerdict = { ok: true; path: string } | { ok: false; code: DriverRefusal; reason: string };

const isNetworkPath = (p: string) => /^[\\/]{2}/.test(p);

function inside(folder: string, file: string, p: typeof path.posix): boolean {
  const rel = p.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !p.isAbsolute(rel);
}

export function checkDriver(file: string, trust: MachineTrust): DriverVerdict {
  const windows = trust.platform === 'win32';
  const p = windows ? path.win32 : path.posix;
  if (isNetworkPath(file)) return { ok: false, code: 'DRIVER_PATH_INVALID', reason: 'network path' };
  if (!p.isAbsolute(file)) return { ok: false, code: 'DRIVER_PATH_INVALID', reason: 'relative path' };
  let real: string;
  try {
    real = realpathSync.native(file);
    if (!statSync(real).isFile()) return { ok: false, code: 'DRIVER_NOT_FOUND', reason: 'not a file' };
  } catch {
    return { ok: false, code: 'DRIVER_NOT_FOUND', reason: 'no such file' };
  }
  // A link or junction may lead to a share or out of the install folders: judge where it leads.
  if (isNetworkPath(real)) return { ok: false, code: 'DRIVER_PATH_INVALID', reason: `leads to a network path ${real}` };
  const norm = (x: string) => (windows ? p.resolve(x).toLowerCase() : p.resolve(x));
  const inFolder = trust.driverFolders().some((folder) => {
    let root = folder;
    try {
      root = realpathSync.native(folder);
    } catch {
      // a folder this machine lacks allows nothing, but compare anyway
    }
    return inside(norm(root), norm(real), p);
  });
  if (inFolder) {
    // POSIX folders hold files anyone may chmod only if root let them: a writable file in /usr/lib is not root's.
    const why = trust.platform === 'posix' ? trust.whyNotAdminOnly(real) : null;
    if (!why) return { ok: true, path: file };
    return { ok: false, code: 'DRIVER_NOT_ALLOWED', reason: why };
  }
  if (trust.signedByTrustedPublisher(real)) return { ok: true, path: file };
  return { ok: false, code: 'DRIVER_NOT_ALLOWED', reason: `${real} is outside ${trust.driverFolders().join(', ')}` };
}

/** The drivers of a settings list that pass, each refusal logged with its reason (never stops the others). */
export function allowedDrivers(files: readonly string[], trust: MachineTrust, log: (message: string, fields?: Record<string, unknown>) => void): string[] {
  return files.filter((file) => {
    const verdict = checkDriver(file, trust);
    if (!verdict.ok) log('driver refused', { file, code: verdict.code, reason: verdict.reason });
    return verdict.ok;
  });
}

/**
 * The host's own configuration (TONGBAN_PKCS11_MODULES, how browser mode and IT scripts bring a driver) under the
 * same rules: the environment with only the allowed drivers left in it.
 */
export function envWithAllowedDrivers(env: NodeJS.ProcessEnv, trust: MachineTrust, log: (message: string, fields?: Record<string, unknown>) => void): NodeJS.ProcessEnv {
  const delimiter = trust.platform === 'win32' ? ';' : ':';
  const listed = env.TONGBAN_PKCS11_MODULES?.split(delimiter).filter(Boolean) ?? [];
  if (listed.length === 0) return env;
  return { ...env, TONGBAN_PKCS11_MODULES: allowedDrivers(listed, trust, log).join(delimiter) };
}
