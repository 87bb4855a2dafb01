// Bundles the Node-side entry points with esbuild: Electron main and preload, the browser-mode host and the
// platform server. esbuild because these are plain bundles with externals, no HTML or CSS: it builds all of them
// in well under a second, reads the `@shared/*` path alias from tsconfig, and needs no config framework.
// (Vite builds the renderer and web pages, where HMR, CSS and asset handling matter.)
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  tsconfig: 'tsconfig.base.json',
  define: { __TONGBAN_VERSION__: JSON.stringify(pkg.version) },
};

/** Node ESM bundles keep npm packages external: native modules (pkcs11js, better-sqlite3) cannot be bundled. */
const esm = { ...common, format: 'esm', packages: 'external' };

await Promise.all([
  // Electron loads main as CommonJS; the sandboxed preload must be CommonJS and self-contained (it may require
  // nothing but `electron`).
  build({ ...common, format: 'cjs', entryPoints: ['src-main/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron'], packages: 'external' }),
  build({ ...common, format: 'cjs', entryPoints: ['src-main/preload.ts'], outfile: 'dist/main/preload.cjs', external: ['electron'] }),
  build({ ...esm, entryPoints: ['src-main/host/index.ts'], outfile: 'dist/host/host.mjs' }),
  build({ ...esm, entryPoints: ['src-server/index.ts'], outfile: 'dist/server/server.mjs' }),
  // The token service runs in its own process; the CLI starts it from the same folder.
  build({ ...esm, entryPoints: ['src-main/token/service-process.ts'], outfile: 'dist/token/token-service.mjs' }),
  build({ ...esm, entryPoints: ['src-main/token/cli/main.ts'], outfile: 'dist/token/tongban-ca.mjs' }),
]);
