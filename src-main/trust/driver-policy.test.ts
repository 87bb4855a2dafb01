import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowedDrivers, checkDriver, envWithAllowedDrivers } from './driver-policy';
import { posixMachineTrust, type MachineTrust } from './machine-trust';

const me = process.getuid?.() ?? 0;
const SOFTHSM = '/usr/lib/softhsm/libsofthsm2.so';
let dir: string;
let installed: string;
let trust: MachineTrust;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-driver-'));
  // A stand-in for /usr/lib: an install folder the tests may write.
  installed = path.join(dir, 'lib');
  await mkdir(installed, { mode: 0o755 });
  trust = posixMachineTrust({ adminUid: me, driverFolders: [installed] });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('which PKCS#11 drivers may load', () => {
  it('loads SoftHSM from /usr/lib through its symlink, and refuses a driver in /tmp', async () => {
    const planted = path.join(dir, 'evil-pkcs11.so');
    await writeFile(planted, 'ELF', { mode: 0o755 });
    const real = posixMachineTrust();
    if (existsSync(SOFTHSM)) expect(checkDriver(SOFTHSM, real)).toEqual({ ok: true, path: SOFTHSM });
    expect(checkDriver(planted, real)).toMatchObject({ ok: false, code: 'DRIVER_NOT_ALLOWED', reason: expect.stringMatching(/outside \/usr\/lib, \/usr\/local\/lib/) });
  });

  it('refuses network and relative paths before touching the disk', () => {
    expect(checkDriver('\\\\fileserver\\share\\pkcs11.dll', trust)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID', reason: 'network path' });
    expect(checkDriver('//fileserver/share/pkcs11.so', trust)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID' });
    expect(checkDriver('lib/pkcs11.so', trust)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID', reason: 'relative path' });
    const windows: MachineTrust = { ...trust, platform: 'win32' };
    expect(checkDriver('C:vendor.dll', windows)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID' });
    expect(checkDriver('\\\\?\\UNC\\server\\share\\x.dll', windows)).toMatchObject({ ok: false, code: 'DRIVER_PATH_INVALID' });
  });

  it('says when the file is not there', () => {
    expect(checkDriver(path.join(installed, 'missing.so'), trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_FOUND' });
    expect(checkDriver(installed, trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_FOUND', reason: 'not a file' });
  });

  it('judges where a symlink leads, not where it sits', async () => {
    const outside = path.join(dir, 'outside.so');
    const inside = path.join(installed, 'vendor.so');
    await writeFile(outside, 'ELF', { mode: 0o755 });
    await writeFile(inside, 'ELF', { mode: 0o755 });
    const linkIn = path.join(installed, 'looks-installed.so');
    await symlink(outside, linkIn);
    const linkOut = path.join(dir, 'shortcut.so');
    await symlink(inside, linkOut);
    expect(checkDriver(linkIn, trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_ALLOWED' });
    expect(checkDriver(linkOut, trust)).toEqual({ ok: true, path: linkOut });
    expect(checkDriver(path.join(installed, '..', 'outside.so'), trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_ALLOWED' });
  });

  it('refuses a file in an install folder that others may overwrite', async () => {
    const file = path.join(installed, 'vendor.so');
    await writeFile(file, 'ELF');
    await chmod(file, 0o666);
    expect(checkDriver(file, trust)).toMatchObject({ ok: false, code: 'DRIVER_NOT_ALLOWED', reason: expect.stringMatching(/writable by group or others/) });
  });

  it('allows a signed driver outside the folders only when the platform vouches for it', async () => {
    const file = path.join(dir, 'signed.dll');
    await writeFile(file, 'MZ', { mode: 0o755 });
    expect(checkDriver(file, { ...trust, signedByTrustedPublisher: (f) => f === file })).toEqual({ ok: true, path: file });
  });

  it('keeps the allowed drivers of a settings list and logs each refusal with its reason', async () => {
    const good = path.join(installed, 'vendor.so');
    await writeFile(good, 'ELF', { mode: 0o755 });
    const logs: unknown[] = [];
    expect(allowedDrivers([good, '/tmp/x.so', 'rel.so'], trust, (m, f) => logs.push({ m, ...f }))).toEqual([good]);
    expect(logs).toEqual([
      { m: 'driver refused', file: '/tmp/x.so', code: 'DRIVER_NOT_FOUND', reason: 'no such file' },
      { m: 'driver refused', file: 'rel.so', code: 'DRIVER_PATH_INVALID', reason: 'relative path' },
    ]);
  });

  it('holds the host\'s TONGBAN_PKCS11_MODULES to the same rules (browser mode)', async () => {
    const good = path.join(installed, 'vendor.so');
    await writeFile(good, 'ELF', { mode: 0o755 });
    const env = { PATH: '/usr/bin', TONGBAN_PKCS11_MODULES: [good, path.join(dir, 'planted.so')].join(':') };
    expect(envWithAllowedDrivers(env, trust, () => {})).toEqual({ PATH: '/usr/bin', TONGBAN_PKCS11_MODULES: good });
    expect(envWithAllowedDrivers({ PATH: '/usr/bin' }, trust, () => {})).toEqual({ PATH: '/usr/bin' });
  });
});
