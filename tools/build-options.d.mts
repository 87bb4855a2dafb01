import type { BuildOptions } from 'esbuild';

export const common: BuildOptions;
export const esm: BuildOptions;
export const cjs: BuildOptions;
export const mainOptions: BuildOptions;
