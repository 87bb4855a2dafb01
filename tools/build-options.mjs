// The esbuild options of the Node-side bundles (tools/build-node.mjs), shared with the test that loads the built
// Electron main (tools/main-bundle.test.ts).
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  tsconfig: 'tsconfig.base.json',
  define: { __TONGBAN_VERSION__: JSON.stringify(pkg.version) },
};

/** Node ESM bundles keep npm packages external: native modules (pkcs11js, better-sqlite3) cannot be bundled. */
export const esm = { ...common, format: 'esm', packages: 'external' };
/**
 * Electron's main is CommonJS, where esbuild empties `import.meta`: modules shared with the ESM bundles (the token
 * client, the form font) read `import.meta.dirname`/`url`, and an empty one made main throw at load
 * (path.resolve(undefined)). They get CommonJS's own values instead.
 */
export const cjs = {
  ...common,
  format: 'cjs',
  define: { ...common.define, 'import.meta.dirname': '__dirname', 'import.meta.url': '__tongbanModuleUrl' },
  banner: { js: 'var __tongbanModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** Electron's main process: CommonJS, `electron` provided by the runtime, npm packages from node_modules. */
export const mainOptions = { ...cjs, entryPoints: ['src-main/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron'], packages: 'external' };
