import type { AppInfo } from '@shared/contract/client-api';

declare const __TONGBAN_VERSION__: string;

/** Version is injected at build time by tools/build-node.mjs; tests run from source and see `dev`. */
export function appInfo(shell: AppInfo['shell']): AppInfo {
  return {
    version: typeof __TONGBAN_VERSION__ === 'string' ? __TONGBAN_VERSION__ : 'dev',
    shell,
    platform: process.platform,
  };
}
