/**
 * Provisions the SoftHSM2 test-token snapshot, or reuses it when it is still current.
 *
 *   npx tsx native/softhsm/provision.ts [--out DIR] [--force]
 *
 * The snapshot is current when its manifest carries the same tooling hash (provisioning sources + tool
 * versions) and no certificate meant to be valid is about to expire. Otherwise it is rebuilt in a temp
 * directory next to it and renamed into place, under a lock directory, so concurrent callers (Vitest's global
 * setup, a developer's shell, the demo) either reuse a complete snapshot or wait for one.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSnapshot } from './build.js';
import { run } from './exec.js';
import { MANIFEST_VERSION, mapManifestPaths, readManifest, type TokenManifest } from './manifest.js';
import { withDirLock } from './lock.js';
import { SOFTHSM_MODULE_PATH } from './profiles.js';
import { renderSoftHsmConf } from './token-ops.js';

export type { TokenManifest } from './manifest.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SNAPSHOT_DIR = path.join(HERE, '.tokens', 'snapshot');

/** Rebuild well before a "valid" certificate expires, so tests never meet one that is unexpectedly expired. */
const MIN_REMAINING_VALIDITY_MS = 30 * 24 * 60 * 60 * 1000;

export interface ProvisionOptions {
  /** Snapshot directory (default native/softhsm/.tokens/snapshot). */
  outDir?: string;
  /** Rebuild even if the snapshot is current. */
  force?: boolean;
  /** Progress messages; default: none. */
  log?: (msg: string) => void;
}

/** Sources that do not shape the snapshot, so editing them should not force a rebuild. */
const NOT_HASHED = new Set(['demo-token.ts', 'revocation-service.ts']);

/**
 * Hash of what determines the snapshot's content: the source files in this directory (all but tests and the
 * demo, so a new module is covered without anyone remembering to list it), the manifest version, and the
 * SoftHSM and OpenSSL versions (SoftHSM's on-disk token format belongs to its version).
 */
export async function computeToolingHash(): Promise<string> {
  const hash = createHash('sha256').update(`manifest v${MANIFEST_VERSION}\n`);
  const files = (await readdir(HERE))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_HASHED.has(f))
    .sort();
  for (const file of files) {
    hash.update(`${file}\n`).update(await readFile(path.join(HERE, file))).update('\n');
  }
  const [softhsm, openssl] = await Promise.all([run('softhsm2-util', ['--version']), run('openssl', ['version'])]);
  return hash.update(softhsm.stdout).update(openssl.stdout).digest('hex');
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function isCurrent(m: TokenManifest, toolingHash: string): Promise<boolean> {
  if (m.toolingHash !== toolingHash) return false;
  const horizon = Date.now() + MIN_REMAINING_VALIDITY_MS;
  for (const t of m.tokens) {
    if (t.kind === 'issued' && !t.expired && Date.parse(t.notAfter) < horizon) return false;
  }
  // The snapshot's conf names its tokens by absolute path: a moved checkout needs a rebuild.
  const conf = await readFile(m.softhsmConfPath, 'utf8').catch(() => '');
  if (conf !== renderSoftHsmConf(m.tokensDir)) return false;
  const tokenDirs = m.tokens.map((t) => path.join(m.tokensDir, t.tokenDirName));
  return (await Promise.all(tokenDirs.map(exists))).every(Boolean);
}

/** Fails early with the fix, rather than with whatever the first missing tool would print. */
async function preflight(): Promise<void> {
  try {
    await access(SOFTHSM_MODULE_PATH);
  } catch {
    throw new Error(
      `SoftHSM2 module not found at ${SOFTHSM_MODULE_PATH}: install the Debian packages softhsm2, opensc, openssl`,
    );
  }
}

/** Builds into a sibling temp directory, then swaps it in with renames (atomic on one filesystem). */
async function rebuild(outDir: string, toolingHash: string, log: (msg: string) => void): Promise<TokenManifest> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  // Holding the lock, any temp or old snapshot next to ours is debris from a crashed run.
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${base}.tmp-`) || entry.startsWith(`.${base}.old-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  const started = Date.now();
  const tmp = await mkdtemp(path.join(parent, `.${base}.tmp-`));
  try {
    log(`provisioning SoftHSM test tokens into ${outDir}`);
    const manifest = await buildSnapshot(tmp, outDir, toolingHash, log);
    const old = path.join(parent, `.${base}.old-${process.pid}`);
    if (await exists(outDir)) await rename(outDir, old);
    await rename(tmp, outDir);
    await rm(old, { recursive: true, force: true });
    log(`provisioned ${manifest.tokens.length} tokens in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return mapManifestPaths(manifest, (p) => path.resolve(outDir, p));
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Returns the manifest of a current snapshot (absolute paths), building one first if needed. */
export async function ensureSnapshot(opts: ProvisionOptions = {}): Promise<TokenManifest> {
  const outDir = path.resolve(opts.outDir ?? DEFAULT_SNAPSHOT_DIR);
  const log = opts.log ?? (() => {});
  await preflight();
  const toolingHash = await computeToolingHash();
  const existing = await readManifest(outDir);
  if (existing && !opts.force && (await isCurrent(existing, toolingHash))) return existing;

  await mkdir(path.dirname(outDir), { recursive: true });
  return withDirLock(`${outDir}.lock`, async () => {
    // Someone else may have built it while we waited for the lock.
    const again = await readManifest(outDir);
    if (again && !opts.force && (await isCurrent(again, toolingHash))) return again;
    return rebuild(outDir, toolingHash, log);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  let outDir: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1]) outDir = argv[++i];
    else if (arg === '--force') force = true;
    else {
      console.error('usage: tsx native/softhsm/provision.ts [--out DIR] [--force]');
      process.exitCode = 2;
      return;
    }
  }
  const manifest = await ensureSnapshot({ outDir, force, log: (m) => console.log(m) });
  console.log(`snapshot: ${path.dirname(manifest.tokensDir)} (build ${manifest.buildId})`);
  for (const t of manifest.tokens) {
    const what = t.kind === 'issued' ? `${t.profile} ${t.keyType} ${t.uscc ?? '(no USCC)'}` : 'empty';
    console.log(`  ${t.label.padEnd(18)} serial ${t.serial}  ${what}`);
  }
  console.log('PINs and details: manifest.json in the snapshot directory');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
