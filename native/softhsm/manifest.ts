/**
 * manifest.json: the contract between the provisioning tool and every test that uses the test tokens.
 *
 * On disk, paths are relative to the snapshot directory (so the snapshot can be built in a temp directory and
 * renamed into place); readManifest() returns them resolved to absolute paths.
 * Bump MANIFEST_VERSION on any incompatible change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaProfileId, KeyType, UsccSource } from './profiles.js';

export type { CaProfileId, KeyType, UsccSource } from './profiles.js';

export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface RootEntry {
  profile: CaProfileId;
  /** e.g. 江苏CA */
  displayName: string;
  /** RFC 4514 string, UTF-8 (e.g. "CN=江苏CA测试根证书 (TEST),O=…,C=CN"). */
  subject: string;
  certPath: string;
  /** The test CA's private key (PEM, unencrypted): lets tests issue extra certificates, e.g. a revoked one. */
  keyPath: string;
  /** SHA-256 of the DER certificate, lowercase hex. */
  sha256: string;
  /** The root's subjectKeyIdentifier; also the CKA_ID of the root certificate object on this CA's tokens. */
  ckaIdHex: string;
  notBefore: string;
  notAfter: string;
}

interface TokenEntryBase {
  /** CKA token label, e.g. "JSCA-RSA-0001". */
  label: string;
  /** Token serial number (CK_TOKEN_INFO.serialNumber) as pkcs11-tool prints it. */
  serial: string;
  /** Name of this token's directory (a UUID, chosen by SoftHSM) inside the tokens directory. */
  tokenDirName: string;
  userPin: string;
  soPin: string;
}

/** A token with a key pair generated inside it and a certificate for that key. */
export interface IssuedTokenEntry extends TokenEntryBase {
  kind: 'issued';
  profile: CaProfileId;
  keyType: KeyType;
  /** 2048 for RSA, 256 for EC (curve P-256). */
  keyBits: 2048 | 256;
  /** CKA_ID shared by the private key, public key and certificate; equals the certificate's subjectKeyIdentifier. */
  ckaIdHex: string;
  /** CKA_LABEL shared by the key pair and certificate. */
  objectLabel: string;
  /** The end-entity certificate, PEM. */
  certPath: string;
  /** SHA-256 of the DER certificate, lowercase hex. */
  certSha256: string;
  /** Certificate serial number, lowercase hex. */
  certSerialHex: string;
  /** RFC 4514 subject string, UTF-8. */
  subject: string;
  enterpriseName: string;
  uscc: string | null;
  usccSource: UsccSource | null;
  notBefore: string;
  notAfter: string;
  /** Whether the certificate had expired when the snapshot was built. */
  expired: boolean;
  /** CKA_ID of the issuing root's certificate object on this token (= roots[profile].ckaIdHex). */
  rootCkaIdHex: string;
  /** The label of the token this certificate renews (profiles.ts `renews`); such tokens are installed only when named. */
  renews?: string;
  /** Installed only when named (profiles.ts `namedOnly`; renewals too). */
  namedOnly?: boolean;
}

/** An initialised token with no objects on it (user PIN set). */
export interface EmptyTokenEntry extends TokenEntryBase {
  kind: 'empty';
  profile: null;
}

export type TokenEntry = IssuedTokenEntry | EmptyTokenEntry;

export interface TokenManifest {
  manifestVersion: typeof MANIFEST_VERSION;
  /** SHA-256 over the provisioning sources and tool versions: a different value means the snapshot is stale. */
  toolingHash: string;
  /** Random id of this build: changes whenever the snapshot is rebuilt. */
  buildId: string;
  createdAt: string;
  modulePath: string;
  /** A softhsm2.conf pointing at the snapshot's own tokens (inspection only: tests use a sandbox copy). */
  softhsmConfPath: string;
  /** The SoftHSM token directory: one subdirectory per token. */
  tokensDir: string;
  roots: Record<CaProfileId, RootEntry>;
  tokens: TokenEntry[];
}

/** Applies `fn` to every path field; used to go between relative (on disk) and absolute (in memory) paths. */
export function mapManifestPaths(m: TokenManifest, fn: (p: string) => string): TokenManifest {
  const roots = Object.fromEntries(
    Object.entries(m.roots).map(([id, r]) => [id, { ...r, certPath: fn(r.certPath), keyPath: fn(r.keyPath) }]),
  ) as Record<CaProfileId, RootEntry>;
  return {
    ...m,
    softhsmConfPath: fn(m.softhsmConfPath),
    tokensDir: fn(m.tokensDir),
    roots,
    tokens: m.tokens.map((t) => (t.kind === 'issued' ? { ...t, certPath: fn(t.certPath) } : t)),
  };
}

/** Reads `<snapshotDir>/manifest.json` with absolute paths; null if missing, unreadable or of another version. */
export async function readManifest(snapshotDir: string): Promise<TokenManifest | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(snapshotDir, MANIFEST_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const m = parsed as TokenManifest;
  if (m.manifestVersion !== MANIFEST_VERSION || !Array.isArray(m.tokens)) return null;
  return mapManifestPaths(m, (p) => path.resolve(snapshotDir, p));
}

export function findToken(manifest: TokenManifest, label: string): TokenEntry {
  const entry = manifest.tokens.find((t) => t.label === label);
  if (!entry) {
    throw new Error(`no test token labelled ${label}; known: ${manifest.tokens.map((t) => t.label).join(', ')}`);
  }
  return entry;
}

export function findIssuedToken(manifest: TokenManifest, label: string): IssuedTokenEntry {
  const entry = findToken(manifest, label);
  if (entry.kind !== 'issued') throw new Error(`test token ${label} has no key or certificate`);
  return entry;
}

/** The tokens installed when none are named: all but renewals and other named-only keys (one key per enterprise, as tests and the demo expect). */
export function defaultTokenLabels(manifest: TokenManifest): string[] {
  return manifest.tokens.filter((t) => t.kind !== 'issued' || !t.namedOnly).map((t) => t.label);
}
