/**
 * Copies tokens out of the (read-only by convention) snapshot into a directory of their own, with a
 * softhsm2.conf pointing at them. Used by the test sandbox and the demo: SoftHSM writes to its token files
 * (PIN counters, new objects), and two processes sharing one token directory fail intermittently.
 */
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultTokenLabels, findToken, type TokenManifest } from './manifest.js';
import { renderSoftHsmConf } from './token-ops.js';

export interface InstalledTokens {
  /** The token directory (SoftHSM's directories.tokendir). */
  tokensDir: string;
  /** The softhsm2.conf to put in SOFTHSM2_CONF. */
  conf: string;
}

/**
 * Puts one token into `tokensDir` from the snapshot. It is copied to a temp directory next to it first and
 * then renamed in, so a process enumerating tokens meanwhile never sees a half-copied token.
 */
export async function plugInFromSnapshot(manifest: TokenManifest, label: string, tokensDir: string): Promise<void> {
  const { tokenDirName } = findToken(manifest, label);
  const staging = await mkdtemp(path.join(path.dirname(tokensDir), '.incoming-'));
  try {
    await cp(path.join(manifest.tokensDir, tokenDirName), path.join(staging, tokenDirName), { recursive: true });
    await rename(path.join(staging, tokenDirName), path.join(tokensDir, tokenDirName));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Creates `<dir>/tokens` with the given tokens (default: all but renewals) and `<dir>/softhsm2.conf`. */
export async function installTokens(
  manifest: TokenManifest,
  dir: string,
  labels: readonly string[] = defaultTokenLabels(manifest),
): Promise<InstalledTokens> {
  const tokensDir = path.join(dir, 'tokens');
  const conf = path.join(dir, 'softhsm2.conf');
  await mkdir(tokensDir, { recursive: true });
  for (const label of labels) findToken(manifest, label); // fail on a typo before copying anything
  await Promise.all(labels.map((label) => plugInFromSnapshot(manifest, label, tokensDir)));
  await writeFile(conf, renderSoftHsmConf(tokensDir));
  return { tokensDir, conf };
}
