/**
 * What is on the tokens, read back through PKCS#11 (pkcs11-tool) from a sandbox copy: key protection flags,
 * certificate and root objects, and that the certificate belongs to the key in the token.
 */
import { createHash, createVerify, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSandbox, type IssuedTokenEntry, type TokenSandbox } from '../../tests/fixtures/tokens.js';
import { pemToDer } from './csr.js';
import { ROOT_OBJECT_LABEL } from './profiles.js';

let hsm: TokenSandbox;
let scratch: string;

beforeAll(async () => {
  hsm = await createTokenSandbox();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'tongban-tokens-test-'));
});

afterAll(async () => {
  await hsm?.cleanup();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const issuedTokens = () => hsm.manifest.tokens.filter((t): t is IssuedTokenEntry => t.kind === 'issued');

/** One object block per "... Object;" header in pkcs11-tool --list-objects output. */
function objectBlocks(listing: string): string[] {
  return listing.split(/^(?=\S.* Object;)/m).filter((b) => /Object;/.test(b));
}

async function readObject(label: string, type: 'cert' | 'pubkey', idHex: string): Promise<Buffer> {
  const out = path.join(scratch, `${label}-${type}-${idHex}.der`);
  await hsm.pkcs11Tool(['--token-label', label, '--read-object', '--type', type, '--id', idHex, '-o', out]);
  return readFile(out);
}

describe('private keys', () => {
  it.each(['JSCA-RSA-0001', 'JSCA-EC-0002'])('on %s are sensitive and never extractable', async (label) => {
    const t = hsm.issued(label);
    const listing = await hsm.pkcs11Tool([
      '--token-label', label, '--login', '--pin', t.userPin, '--list-objects', '--type', 'privkey',
    ]);
    const blocks = objectBlocks(listing);
    expect(blocks, listing).toHaveLength(1);
    const [key] = blocks as [string];
    expect(key).toMatch(t.keyType === 'RSA' ? /^Private Key Object; RSA/ : /^Private Key Object; EC/);
    expect(key).toMatch(new RegExp(`^\\s*ID:\\s*${t.ckaIdHex}\\s*$`, 'm'));
    const access = /^\s*Access:\s*(.*)$/m.exec(key)?.[1]?.split(/,\s*/) ?? [];
    expect(access).toEqual(expect.arrayContaining(['sensitive', 'always sensitive', 'never extractable', 'local']));
    expect(access).not.toContain('extractable');
  });

  it('are invisible without logging in (CKA_PRIVATE)', async () => {
    const listing = await hsm.pkcs11Tool(['--token-label', 'JSCA-RSA-0001', '--list-objects']);
    expect(listing).not.toMatch(/Private Key Object/);
    expect(listing).toMatch(/Certificate Object/);
  });
});

describe('certificates on the tokens', () => {
  it('match the manifest byte for byte, carry the key pair CKA_ID, and hold the token public key', async () => {
    for (const t of issuedTokens()) {
      const onToken = await readObject(t.label, 'cert', t.ckaIdHex);
      expect(onToken.equals(pemToDer(await readFile(t.certPath, 'utf8'))), t.label).toBe(true);
      const pubkey = await readObject(t.label, 'pubkey', t.ckaIdHex);
      const certSpki = new X509Certificate(onToken).publicKey.export({ format: 'der', type: 'spki' });
      expect(pubkey.equals(certSpki), t.label).toBe(true);
    }
  });

  it('include the issuing root under its own CKA_ID', async () => {
    for (const t of issuedTokens()) {
      const root = hsm.manifest.roots[t.profile];
      expect(t.rootCkaIdHex).toBe(root.ckaIdHex);
      expect(t.rootCkaIdHex).not.toBe(t.ckaIdHex);
      const onToken = await readObject(t.label, 'cert', root.ckaIdHex);
      expect(onToken.equals(pemToDer(await readFile(root.certPath, 'utf8'))), t.label).toBe(true);
    }
    const listing = await hsm.pkcs11Tool(['--token-label', 'SZCA-RSA-0003', '--list-objects', '--type', 'cert']);
    expect(listing).toContain(`label:      ${ROOT_OBJECT_LABEL}`);
  });

  it('belong to the key: a signature made in the token verifies with the certificate', async () => {
    const data = Buffer.from('通办 signature check');
    const input = path.join(scratch, 'data.bin');
    await writeFile(input, data);
    for (const label of ['JSCA-RSA-0001', 'SZCA-EC-0004']) {
      const t = hsm.issued(label);
      const sig = path.join(scratch, `${label}.sig`);
      const mechanism = t.keyType === 'RSA' ? ['--mechanism', 'SHA256-RSA-PKCS'] : ['--mechanism', 'ECDSA'];
      // SoftHSM has no CKM_ECDSA_SHA256: ECDSA signs a digest we compute.
      const toSign = t.keyType === 'RSA' ? input : path.join(scratch, 'digest.bin');
      if (t.keyType === 'EC') {
        await writeFile(toSign, createHash('sha256').update(data).digest());
      }
      await hsm.pkcs11Tool([
        '--token-label', label, '--login', '--pin', t.userPin, '--sign', ...mechanism,
        '--signature-format', 'openssl', '--id', t.ckaIdHex, '-i', toSign, '-o', sig,
      ]);
      const ok = createVerify('sha256').update(data).verify(await readFile(t.certPath, 'utf8'), await readFile(sig));
      expect(ok, label).toBe(true);
    }
  });
});

describe('tokens', () => {
  it('show the manifest serials and are removable-device slots', async () => {
    const slots = await hsm.pkcs11Tool(['--list-token-slots']);
    for (const t of hsm.manifest.tokens) {
      expect(slots).toMatch(new RegExp(`token label\\s*: ${t.label}\\n(?:.*\\n)*?\\s*serial num\\s*: ${t.serial}\\n`));
    }
    // slots.removable = true: applications see USB-key-like slots (CKF_REMOVABLE_DEVICE).
    const verbose = await hsm.pkcs11Tool(['--list-token-slots', '--verbose']);
    const flags = [...verbose.matchAll(/^\s*flags:\s*(.*)$/gm)].map((m) => m[1]);
    // SoftHSM always adds one slot with an uninitialised token (for --init-token --free).
    expect(flags).toHaveLength(hsm.manifest.tokens.length + 1);
    for (const f of flags) expect(f).toContain('removable device');
  });

  it('SZCA-EMPTY is initialised, accepts the user PIN and holds no objects', async () => {
    const t = hsm.token('SZCA-EMPTY');
    const listing = await hsm.pkcs11Tool(['--token-label', t.label, '--login', '--pin', t.userPin, '--list-objects']);
    expect(objectBlocks(listing)).toEqual([]);
    await expect(
      hsm.pkcs11Tool(['--token-label', t.label, '--login', '--pin', '00000000', '--list-objects']),
    ).rejects.toThrow(/CKR_PIN_INCORRECT/);
  });
});
