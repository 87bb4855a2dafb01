// Bundles the Node-side entry points with esbuild: Electron main and preload, the browser-mode host and the
// platform server. esbuild because these are plain bundles with externals, no HTML or CSS: it builds all of them
// in well under a second, reads the `@shared/*` path alias from tsconfig, and needs no config framework.
// (Vite builds the renderer and web pages, where HMR, CSS and asset handling matter.)
import { build } from 'esbuild';
import { common, esm, mainOptions } from './build-options.mjs';

await Promise.all([
  // Electron loads main as CommonJS; the sandboxed preload must be CommonJS and self-contained (it may require
  // nothing but `electron`).
  build(mainOptions),
  build({ ...common, format: 'cjs', entryPoints: ['src-main/preload.ts'], outfile: 'dist/main/preload.cjs', external: ['electron'] }),
  build({ ...esm, entryPoints: ['src-main/host/index.ts'], outfile: 'dist/host/host.mjs' }),
  build({ ...esm, entryPoints: ['src-server/index.ts'], outfile: 'dist/server/server.mjs' }),
  // The token service runs in its own process; the CLI starts it from the same folder.
  // Split into chunks so what is loaded only when needed (PDF signing's libraries) stays out of every start.
  build({
    ...esm,
    entryPoints: { 'token-service': 'src-main/token/service-process.ts', 'tongban-ca': 'src-main/token/cli/main.ts' },
    outdir: 'dist/token',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
]);
