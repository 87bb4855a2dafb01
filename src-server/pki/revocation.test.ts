/**
 * Revocation against a real `openssl ocsp` responder and a CRL over HTTP (issue 17 item 3): revoked, good,
 * unknown under both policies, answers cached until their nextUpdate, a CRL signed by another CA ignored.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestPki, type TestPki } from '../../tests/fixtures/server/pki';
import { freePort, serveCrl, startOcspResponder } from '../../tests/fixtures/server/revocation';
import { RevocationChecker } from './revocation';

const pemDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('revocation: OCSP from the AIA, CRL from the CDP', () => {
  let pki: TestPki;
  let dir: string;
  let rootDer: Uint8Array;
  const stops: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    pki = await getTestPki();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-revocation-'));
    rootDer = pemDer(await readFile(pki.rootFiles('jiangsu-ca').certPath, 'utf8'));
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses what the OCSP responder says is revoked, passes what it says is good, and applies the policy to what it does not know', async () => {
    const port = await freePort();
    const ocspUrl = `http://127.0.0.1:${port}`;
    const revoked = await pki.issue({ uscc: null, ocspUrl });
    const good = await pki.issue({ uscc: null, ocspUrl });
    const unknown = await pki.issue({ uscc: null, ocspUrl });
    const responder = await startOcspResponder(pki, 'jiangsu-ca', dir, port, [
      { serial: revoked.certificate.serialNumber, revoked: true },
      { serial: good.certificate.serialNumber },
    ]);
    stops.push(responder.stop);
    const strict = new RevocationChecker({ policy: 'strict' });
    const soft = new RevocationChecker({ policy: 'soft' });
    const now = new Date();
    expect(await outcome(strict.assertNotRevoked(revoked.certDer, rootDer, now))).toBe('CERT_REVOKED');
    expect(await outcome(soft.assertNotRevoked(revoked.certDer, rootDer, now))).toBe('CERT_REVOKED');
    expect(await outcome(strict.assertNotRevoked(good.certDer, rootDer, now))).toBe('ok');
    expect(await outcome(strict.assertNotRevoked(unknown.certDer, rootDer, now))).toBe('CERT_REVOCATION_UNKNOWN');
    expect(await outcome(soft.assertNotRevoked(unknown.certDer, rootDer, now))).toBe('ok');

    // Cached until the answer's nextUpdate (openssl -ndays 1): with the responder gone, the answers stand.
    await responder.stop();
    expect(await outcome(strict.assertNotRevoked(revoked.certDer, rootDer, now))).toBe('CERT_REVOKED');
    expect(await outcome(strict.assertNotRevoked(good.certDer, rootDer, now))).toBe('ok');
    // A day and a bit later the cache is over and nobody answers: strict refuses, soft lets it through.
    const later = new Date(now.getTime() + 25 * 3600_000);
    expect(await outcome(strict.assertNotRevoked(good.certDer, rootDer, later))).toBe('CERT_REVOCATION_UNKNOWN');
    expect(await outcome(soft.assertNotRevoked(good.certDer, rootDer, later))).toBe('ok');
  });

  it('reads the CRL from the CDP, cached until its nextUpdate, and ignores a CRL another CA signed', async () => {
    let profile: 'jiangsu-ca' | 'suzhou-ca' = 'jiangsu-ca';
    const nextUpdate = new Date(Date.now() + 3600_000);
    const crls = new Map<string, Uint8Array>();
    const server = await serveCrl(() => crls.get(profile)!);
    stops.push(server.stop);
    const revoked = await pki.issue({ uscc: null, crlUrl: server.url });
    const good = await pki.issue({ uscc: null, crlUrl: server.url });
    crls.set('jiangsu-ca', await pki.crl('jiangsu-ca', [revoked.certificate.serialNumber], nextUpdate));
    crls.set('suzhou-ca', await pki.crl('suzhou-ca', [], nextUpdate));

    const strict = new RevocationChecker({ policy: 'strict' });
    const now = new Date();
    expect(await outcome(strict.assertNotRevoked(revoked.certDer, rootDer, now))).toBe('CERT_REVOKED');
    expect(await outcome(strict.assertNotRevoked(good.certDer, rootDer, now))).toBe('ok');
    expect(server.fetched()).toBe(1);

    // Someone serving another CA's CRL at that address cannot clear a revoked key.
    profile = 'suzhou-ca';
    const fresh = new RevocationChecker({ policy: 'strict' });
    expect(await outcome(fresh.assertNotRevoked(revoked.certDer, rootDer, now))).toBe('CERT_REVOCATION_UNKNOWN');
    // …and a CRL past its nextUpdate is fetched again.
    expect(await outcome(strict.assertNotRevoked(revoked.certDer, rootDer, new Date(nextUpdate.getTime() + 1000)))).toBe('CERT_REVOCATION_UNKNOWN');
  });

  it('has nothing to ask for a certificate without AIA or CDP: the policy decides', async () => {
    const bare = await pki.issue({ uscc: null });
    expect(await outcome(new RevocationChecker({ policy: 'strict' }).assertNotRevoked(bare.certDer, rootDer, new Date()))).toBe('CERT_REVOCATION_UNKNOWN');
    expect(await outcome(new RevocationChecker({ policy: 'soft' }).assertNotRevoked(bare.certDer, rootDer, new Date()))).toBe('ok');
  });
});
