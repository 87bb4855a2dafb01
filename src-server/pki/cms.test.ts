import { execFile } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { getTestPki, signDetachedCms, testUscc, type TestSigner } from '../../tests/fixtures/server/pki';
import { ApiError } from '../http/api-error';
import { verifyDetachedCms } from './cms';

const exec = promisify(execFile);

async function pem(signer: TestSigner, dir: string) {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', signer.privateKey as webcrypto.CryptoKey));
  const keyPath = path.join(dir, `${signer.keyType}.key`);
  const certPath = path.join(dir, `${signer.keyType}.pem`);
  await writeFile(keyPath, `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64')}\n-----END PRIVATE KEY-----\n`);
  await writeFile(certPath, signer.certificate.toString('pem'));
  return { keyPath, certPath };
}

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ApiError ? e.code : String(e)));

describe('CMS detached SignedData verification', () => {
  let dir: string;
  const data = canonicalBytes({ type: 'tongban.registration/v1', enterprise: { name: '苏州星河智能科技有限公司' } });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-cms-'));
    await writeFile(path.join(dir, 'data.json'), data);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(['RSA', 'EC'] as const)('accepts what `openssl cms -sign -binary -md sha256` produces (%s)', async (keyType) => {
    const signer = await (await getTestPki()).issue({ uscc: testUscc(1), keyType });
    const { keyPath, certPath } = await pem(signer, dir);
    const out = path.join(dir, `${keyType}.p7s`);
    await exec('openssl', ['cms', '-sign', '-binary', '-md', 'sha256', '-in', path.join(dir, 'data.json'), '-signer', certPath, '-inkey', keyPath, '-outform', 'DER', '-out', out]);
    const cms = await readFile(out);
    const verified = await verifyDetachedCms(cms, data);
    expect(Buffer.from(verified.signerCertificateDer)).toEqual(Buffer.from(signer.certDer));
    expect(verified.signingTime).toBeInstanceOf(Date);
    expect(await codeOf(verifyDetachedCms(cms, canonicalBytes({ other: 1 })))).toBe('SIGNATURE_INVALID');
  });

  it('refuses encapsulated content: only the bytes the server recomputed count', async () => {
    const signer = await (await getTestPki()).issue({ uscc: testUscc(2) });
    const { keyPath, certPath } = await pem(signer, dir);
    const out = path.join(dir, 'attached.p7s');
    await exec('openssl', ['cms', '-sign', '-binary', '-nodetach', '-md', 'sha256', '-in', path.join(dir, 'data.json'), '-signer', certPath, '-inkey', keyPath, '-outform', 'DER', '-out', out]);
    expect(await codeOf(verifyDetachedCms(await readFile(out), data))).toBe('SIGNATURE_MALFORMED');
  });

  it('refuses SHA-1 digests', async () => {
    const signer = await (await getTestPki()).issue({ uscc: testUscc(3) });
    const { keyPath, certPath } = await pem(signer, dir);
    const out = path.join(dir, 'sha1.p7s');
    await exec('openssl', ['cms', '-sign', '-binary', '-md', 'sha1', '-in', path.join(dir, 'data.json'), '-signer', certPath, '-inkey', keyPath, '-outform', 'DER', '-out', out]);
    expect(await codeOf(verifyDetachedCms(await readFile(out), data))).toBe('SIGNATURE_INVALID');
  });

  it('verifies what the test fixture signs with pkijs, so the fixture is the standard format too', async () => {
    const signer = await (await getTestPki()).issue({ uscc: testUscc(4), keyType: 'EC' });
    const cms = Buffer.from(await signDetachedCms(signer, data), 'base64');
    await writeFile(path.join(dir, 'fixture.p7s'), cms);
    const { certPath } = await pem(signer, dir);
    // openssl agrees (signature only: -noverify skips the chain, which is the server's job).
    await exec('openssl', ['cms', '-verify', '-binary', '-noverify', '-inform', 'DER', '-in', path.join(dir, 'fixture.p7s'), '-content', path.join(dir, 'data.json'), '-certfile', certPath, '-out', '/dev/null']);
    expect((await verifyDetachedCms(cms, data)).signerCertificateDer.length).toBeGreaterThan(100);
  });
});
