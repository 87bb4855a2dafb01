// electron-builder afterPack hook (electron-builder.yml): flips the Electron fuses of the packaged executable,
// after the asar and its integrity hash are in place and before code signing (a flipped binary must be signed
// afterwards). Fuses are compiled-in switches a user cannot change back without breaking the signature.
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** Every fuse this Electron has, set explicitly: a new one in a later Electron fails the build until decided. */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // `ELECTRON_RUN_AS_NODE=1 Tongban.exe script.js` would run any script with the app's identity and signature.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone who starts the app inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code only from app.asar, and only as hashed at packaging (the hash is embedded in the executable).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app:// (src-main/security.ts): file:// pages get no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packaged executable electron-builder wrote for this platform. */
export function executableOf(context) {
  const ext = { win32: '.exe', darwin: '.app', mas: '.app', linux: '' }[context.electronPlatformName] ?? '';
  const name = context.electronPlatformName === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

export default async function afterPack(context) {
  await flipFuses(executableOf(context), FUSES);
}
