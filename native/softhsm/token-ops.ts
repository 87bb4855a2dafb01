/**
 * Thin wrappers over softhsm2-util and pkcs11-tool for one token. Every call gets SOFTHSM2_CONF explicitly (never
 * the user's default config) and selects the token by label, never by slot id: SoftHSM derives slot ids from
 * the token serial, and they change whenever a token directory is re-created.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec.js';
import { SOFTHSM_MODULE_PATH, type KeyType } from './profiles.js';

/** softhsm2.conf for a token directory. Removable slots make the tokens look like USB keys to applications. */
export function renderSoftHsmConf(tokenDir: string): string {
  return [
    '# SoftHSM2 configuration written by native/softhsm (Tongban test tokens).',
    `directories.tokendir = ${tokenDir}`,
    'objectstore.backend = file',
    'log.level = ERROR',
    'slots.removable = true',
    '',
  ].join('\n');
}

export interface TokenContext {
  /** Path of the softhsm2.conf to use. */
  conf: string;
  label: string;
  userPin: string;
  /** Scratch directory for files passed to and from pkcs11-tool. */
  workDir: string;
}

function env(ctx: Pick<TokenContext, 'conf'>): Record<string, string> {
  return { SOFTHSM2_CONF: ctx.conf };
}

function p11(ctx: TokenContext, args: readonly string[], login: boolean) {
  const loginArgs = login ? ['--login', '--pin', ctx.userPin] : [];
  return run('pkcs11-tool', ['--module', SOFTHSM_MODULE_PATH, '--token-label', ctx.label, ...loginArgs, ...args], {
    env: env(ctx),
  });
}

/** Initialises the first free slot as a token with this label and both PINs. */
export async function initToken(conf: string, label: string, soPin: string, userPin: string): Promise<void> {
  await run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', userPin], {
    env: { SOFTHSM2_CONF: conf },
  });
}

/**
 * Generates the key pair inside the token. --sensitive sets CKA_SENSITIVE; leaving out --extractable keeps
 * CKA_EXTRACTABLE false, so SoftHSM marks the key "always sensitive, never extractable", like a real USB key.
 * pkcs11-tool gives a generated pair no CKA_ID, so it gets one afterwards with setKeyPairId.
 */
export async function generateKeyPair(ctx: TokenContext, keyType: KeyType, keyBits: number, objectLabel: string) {
  const keySpec = keyType === 'RSA' ? `rsa:${keyBits}` : 'EC:prime256v1';
  await p11(ctx, ['--keypairgen', '--key-type', keySpec, '--label', objectLabel, '--usage-sign', '--sensitive'], true);
}

/** Sets the CKA_ID of both halves of the key pair (found by label, the only key pair on the token). */
export async function setKeyPairId(ctx: TokenContext, objectLabel: string, idHex: string): Promise<void> {
  for (const type of ['privkey', 'pubkey']) {
    await p11(ctx, ['--set-id', idHex, '--type', type, '--label', objectLabel], true);
  }
}

/** Reads the public key object as DER SubjectPublicKeyInfo. */
export async function readPublicKeyByLabel(ctx: TokenContext, objectLabel: string): Promise<Buffer> {
  const out = path.join(ctx.workDir, 'pubkey.der');
  await p11(ctx, ['--read-object', '--type', 'pubkey', '--label', objectLabel, '--output-file', out], false);
  return readFile(out);
}

/**
 * Signs with the token's private key: RSASSA-PKCS1-v1_5 with SHA-256, or ECDSA over a SHA-256 digest computed
 * here (SoftHSM 2.6 has no CKM_ECDSA_SHA256), returned as a DER ECDSA-Sig-Value as X.509 wants it.
 * The key is found by label because it has no CKA_ID yet when its certificate request is signed.
 */
export async function signOnToken(ctx: TokenContext, objectLabel: string, keyType: KeyType, data: Buffer) {
  const input = path.join(ctx.workDir, 'to-sign.bin');
  const output = path.join(ctx.workDir, 'signature.bin');
  if (keyType === 'RSA') {
    await writeFile(input, data);
    const args = ['--sign', '--mechanism', 'SHA256-RSA-PKCS', '--label', objectLabel];
    await p11(ctx, [...args, '-i', input, '-o', output], true);
  } else {
    await writeFile(input, createHash('sha256').update(data).digest());
    const args = ['--sign', '--mechanism', 'ECDSA', '--signature-format', 'openssl', '--label', objectLabel];
    await p11(ctx, [...args, '-i', input, '-o', output], true);
  }
  return readFile(output);
}

/** Writes a DER certificate as a public token object (readable without the PIN, as the registration flow needs). */
export async function writeCertificate(ctx: TokenContext, certDer: Buffer, idHex: string, objectLabel: string) {
  const file = path.join(ctx.workDir, `cert-${idHex}.der`);
  await writeFile(file, certDer);
  await p11(ctx, ['--write-object', file, '--type', 'cert', '--id', idHex, '--label', objectLabel], true);
}

/** The token's serial number, from `pkcs11-tool --list-token-slots`. */
export async function readTokenSerial(conf: string, label: string): Promise<string> {
  const { stdout } = await run('pkcs11-tool', ['--module', SOFTHSM_MODULE_PATH, '--list-token-slots'], {
    env: { SOFTHSM2_CONF: conf },
  });
  for (const block of stdout.split(/^Slot /m)) {
    if (new RegExp(`^\\s*token label\\s*:\\s*${escapeRegExp(label)}\\s*$`, 'm').test(block)) {
      const serial = /^\s*serial num\s*:\s*(\S+)\s*$/m.exec(block)?.[1];
      if (serial) return serial;
    }
  }
  throw new Error(`token ${label} not found in pkcs11-tool --list-token-slots output`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
