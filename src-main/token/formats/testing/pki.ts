/**
 * Test-only PKI for the signature formats: CAs and end-entity certificates with Chinese names, made by the
 * openssl CLI (an independent encoder), and software keys standing in for the token behind a RawSigner.
 * Every openssl call goes through execFile with an argument list, never a shell string.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pemToDer } from '@shared/encoding/bytes';
import { ecdsaDerToRaw } from '../ecdsa';
import { sha256, type RawSigner } from '../raw-signer';

const execFileAsync = promisify(execFile);

export interface OpensslResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs openssl and returns its exit code and output (does not throw on a non-zero exit). */
export async function openssl(args: readonly string[], cwd?: string): Promise<OpensslResult> {
  try {
    const { stdout, stderr } = await execFileAsync('openssl', args, { cwd, encoding: 'utf8', maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e; // openssl missing, not a verification failure
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

async function opensslOk(args: readonly string[], cwd?: string): Promise<string> {
  const result = await openssl(args, cwd);
  if (result.code !== 0) throw new Error(`openssl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/**
 * `string_mask = utf8only` writes Chinese (and all other) name values as UTF8String, which Chinese CAs mostly
 * use; `default` writes PrintableString where possible and BMPString for Chinese, which older CAs use and which a
 * re-encoding CMS library turns into different bytes.
 */
export type StringMask = 'utf8only' | 'default';

function config(stringMask: StringMask, extensions: readonly string[]): string {
  return [
    '[req]',
    'distinguished_name = dn',
    `string_mask = ${stringMask}`,
    'utf8 = yes',
    'prompt = no',
    '[dn]',
    'CN = unused',
    '[root]',
    'basicConstraints = critical, CA:TRUE',
    'keyUsage = critical, keyCertSign, cRLSign',
    'subjectKeyIdentifier = hash',
    '[ee]',
    ...extensions,
    '',
  ].join('\n');
}

/** EC is P-256; EC384 is P-384 (signs through a RawSigner of keyType 'EC'). */
export type TestKeyType = 'RSA' | 'EC' | 'EC384' | 'SM2';

export class TestPki {
  private counter = 0;

  private constructor(readonly dir: string) {}

  static async create(): Promise<TestPki> {
    return new TestPki(await mkdtemp(path.join(os.tmpdir(), 'tongban-formats-')));
  }

  cleanup(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }

  /** A fresh file path inside the PKI directory. */
  file(name: string): string {
    return path.join(this.dir, `${++this.counter}-${name}`);
  }

  private async newKey(keyType: TestKeyType): Promise<{ keyPath: string; privateKey?: KeyObject }> {
    const keyPath = this.file('key.pem');
    if (keyType === 'SM2') {
      await opensslOk(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', keyPath]);
      return { keyPath };
    }
    const { privateKey } =
      keyType === 'RSA'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: keyType === 'EC384' ? 'P-384' : 'P-256' });
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    return { keyPath, privateKey };
  }

  /** A self-signed root CA. `subject` in openssl -subj syntax, UTF-8. */
  async rootCa(opts: { keyType: TestKeyType; subject: string; stringMask: StringMask }): Promise<TestCa> {
    const { keyPath } = await this.newKey(opts.keyType);
    const configPath = this.file('root.cnf');
    await writeFile(configPath, config(opts.stringMask, []));
    const certPath = this.file('root.pem');
    await opensslOk(['req', '-x509', '-new', '-key', keyPath, '-config', configPath, '-extensions', 'root',
      '-utf8', '-subj', opts.subject, '-days', '3650', '-sha256', '-out', certPath]);
    return { certPath, keyPath, der: pemToDer(await readFile(certPath, 'utf8')) };
  }

  /**
   * An end-entity certificate from `ca` for a new software key. `serialHex` defaults to one with the top bit set,
   * so the serial INTEGER carries a leading 00 byte that must be copied, not dropped.
   */
  async issue(
    ca: TestCa,
    opts: { keyType: TestKeyType; subject: string; extensions: readonly string[]; serialHex?: string; stringMask?: StringMask },
  ): Promise<TestIdentity> {
    const { keyPath, privateKey } = await this.newKey(opts.keyType);
    const configPath = this.file('ee.cnf');
    await writeFile(configPath, config(opts.stringMask ?? 'utf8only', opts.extensions));
    const csrPath = this.file('ee.csr');
    await opensslOk(['req', '-new', '-key', keyPath, '-config', configPath, '-utf8', '-subj', opts.subject, '-out', csrPath]);
    const certPath = this.file('ee.pem');
    await opensslOk(['x509', '-req', '-in', csrPath, '-CA', ca.certPath, '-CAkey', ca.keyPath,
      '-set_serial', `0x${opts.serialHex ?? '8a1b2c3d4e5f60718293'}`, '-days', '365', '-sha256',
      '-extfile', configPath, '-extensions', 'ee', '-out', certPath]);
    const certificate = pemToDer(await readFile(certPath, 'utf8'));
    const calls: SignCall[] = [];
    const signer = privateKey ? this.softwareSigner(opts.keyType, privateKey, keyPath, calls) : null;
    return { certificate, certPath, keyPath, signer, calls };
  }

  /**
   * A RawSigner with the token's contract: RSA signs the message (CKM_SHA256_RSA_PKCS); EC signs the given digest
   * as CKM_ECDSA does — through `openssl pkeyutl`, because node:crypto cannot sign a pre-computed digest — and
   * returns raw r||s. It rejects a digest that is not SHA-256 of the message.
   */
  private softwareSigner(keyType: TestKeyType, privateKey: KeyObject, keyPath: string, calls: SignCall[]): RawSigner {
    return {
      keyType: keyType === 'RSA' ? 'RSA' : 'EC',
      sign: async ({ message, digest }) => {
        calls.push({ message: message.slice(), digest: digest.slice() });
        if (Buffer.compare(Buffer.from(digest), Buffer.from(sha256(message))) !== 0) throw new Error('digest is not SHA-256(message)');
        if (keyType === 'RSA') return new Uint8Array(cryptoSign('sha256', message, privateKey));
        const inPath = this.file('digest.bin');
        const outPath = this.file('sig.der');
        await writeFile(inPath, digest);
        await opensslOk(['pkeyutl', '-sign', '-inkey', keyPath, '-in', inPath, '-out', outPath]);
        return ecdsaDerToRaw(new Uint8Array(await readFile(outPath)), keyType === 'EC384' ? 384 : 256);
      },
    };
  }

  /** `openssl cms -verify` of a detached DER CMS against one root. */
  async cmsVerify(cms: Uint8Array, content: Uint8Array, ca: TestCa, extraArgs: readonly string[] = ['-purpose', 'any']) {
    const cmsPath = this.file('sig.p7s');
    const contentPath = this.file('data.bin');
    await writeFile(cmsPath, cms);
    await writeFile(contentPath, content);
    return openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsPath, '-content', contentPath,
      '-CAfile', ca.certPath, ...extraArgs, '-out', this.file('verified.bin')]);
  }

  /** `openssl cms -cmsout -print`: openssl's own reading of the structure. */
  async cmsPrint(cms: Uint8Array): Promise<string> {
    const cmsPath = this.file('print.p7s');
    await writeFile(cmsPath, cms);
    return opensslOk(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsPath]);
  }
}

export interface TestCa {
  certPath: string;
  keyPath: string;
  der: Uint8Array;
}

export interface SignCall {
  message: Uint8Array;
  digest: Uint8Array;
}

export interface TestIdentity {
  certificate: Uint8Array;
  certPath: string;
  keyPath: string;
  /** Null for SM2, which the formats layer refuses before signing. */
  signer: RawSigner | null;
  /** What the signer was asked to sign, in order. */
  calls: SignCall[];
}
