#!/usr/bin/env node
// `npx tongban-ca …`: in a checkout (after `npm ci`) it runs the TypeScript sources through tsx; in a build
// without sources it runs the bundle in dist/token/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'src-main', 'token', 'cli', 'main.ts');
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: path.join(root, 'tsconfig.base.json') });
  cli = await import(pathToFileURL(source).href);
} else {
  cli = await import(pathToFileURL(path.join(root, 'dist', 'token', 'tongban-ca.mjs')).href);
}
await cli.main();
