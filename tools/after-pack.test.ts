import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import afterPack, { FUSES, executableOf } from './after-pack.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** How the wire stores a fuse: ASCII '1' on, '0' off (@electron/fuses' FuseState, not exported). */
const FuseState = { ENABLE: 0x31, DISABLE: 0x30 } as const;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-fuses-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the afterPack hook', () => {
  it('turns off running as Node, NODE_OPTIONS, --inspect and file:// privileges; loads the app only from the checked asar', () => {
    expect(FUSES).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    // Every fuse @electron/fuses knows is decided (strictlyRequireAllFuses fails the build on a new one).
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(known.every((fuse) => typeof (FUSES as Record<number, unknown>)[fuse as number] === 'boolean')).toBe(true);
  });

  it('flips them in the packaged Windows executable', async () => {
    // A stand-in for Tongban.exe: Electron's fuse wire (sentinel, version 1, 8 fuses, all enabled) amid other bytes.
    const exe = path.join(dir, '通办 Tongban.exe');
    const wire = Buffer.concat([Buffer.from('MZ…'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, FuseState.ENABLE), Buffer.from('…rest')]);
    await writeFile(exe, wire);
    const context = { appOutDir: dir, electronPlatformName: 'win32', packager: { appInfo: { productFilename: '通办 Tongban' } } };
    expect(executableOf(context)).toBe(exe);
    await afterPack(context);
    const flipped = await getCurrentFuseWire(exe);
    expect(flipped[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(flipped[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(flipped[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(flipped[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(flipped[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
  });
});
