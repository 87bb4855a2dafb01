/**
 * Revocation for real from the certificate (issue 17 item 3): the SoftHSM keys' certificates name their CA's OCSP
 * responder (AIA) and CRL (CDP), the snapshot's revocation service answers there, and the server's checker follows
 * them — a key revoked in the responder's index is refused, a responder that is down is left to the policy.
 */
import { readFile } from 'node:fs/promises';
import * as x509 from '@peculiar/x509';
import { expect, it } from 'vitest';
import { withSnapshotRevocation } from '../../tests/fixtures/server/revocation';
import { RevocationChecker, revocationUrls } from './revocation';

const pemDer = async (file: string) => new Uint8Array(Buffer.from((await readFile(file, 'utf8')).replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

it('follows a SoftHSM key certificate to its CA: revoked in the index → CERT_REVOKED; responder down → the policy decides', async () => {
  // Only the Suzhou CA: PDF signatures other tests make meanwhile with Jiangsu keys meet no responder.
  await withSnapshotRevocation(['suzhou-ca'], async ({ manifest, service, stop }) => {
    const token = (label: string) => manifest.tokens.find((t) => t.label === label && t.kind === 'issued') as { certPath: string; certSerialHex: string };
    const lost = token('SZCA-RSA-LOST');
    const [lostDer, otherDer, rootDer] = await Promise.all([pemDer(lost.certPath), pemDer(token('SZCA-RSA-0003').certPath), pemDer(manifest.roots['suzhou-ca'].certPath)]);
    expect(revocationUrls(lostDer)).toEqual({ ocsp: ['http://127.0.0.1:47182/'], crl: ['http://127.0.0.1:47180/suzhou-ca.crl'] });
    const now = new Date();
    const early = new RevocationChecker({ policy: 'strict' });
    expect(await early.status(lostDer, rootDer, now)).toBe('good');

    await service.revoke('SZCA-RSA-LOST');
    const checker = new RevocationChecker({ policy: 'soft' });
    expect(await outcome(checker.assertNotRevoked(lostDer, rootDer, now))).toBe('CERT_REVOKED');
    expect(await checker.status(otherDer, rootDer, now)).toBe('good');
    // The first checker keeps the responder's "good" until its nextUpdate (five minutes), not longer.
    expect(await early.status(lostDer, rootDer, now)).toBe('good');
    expect(await early.status(lostDer, rootDer, new Date(now.getTime() + 6 * 60_000))).toBe('revoked');

    // The CRL at the CDP says so too, signed by the root.
    const crl = new x509.X509Crl(await (await fetch('http://127.0.0.1:47180/suzhou-ca.crl')).arrayBuffer());
    expect(await crl.verify({ publicKey: new x509.X509Certificate(rootDer) })).toBe(true);
    expect(crl.entries.map((e) => e.serialNumber.toLowerCase())).toEqual([lost.certSerialHex]);

    // Nobody answers: strict refuses as retriable, soft lets it through.
    await stop();
    expect(await outcome(new RevocationChecker({ policy: 'strict', timeoutMs: 2000 }).assertNotRevoked(lostDer, rootDer, now))).toBe('CERT_REVOCATION_UNKNOWN');
    expect(await outcome(new RevocationChecker({ policy: 'soft', timeoutMs: 2000 }).assertNotRevoked(lostDer, rootDer, now))).toBe('ok');
  });
}, 60_000);
