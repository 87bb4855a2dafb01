/**
 * The test CAs' revocation services, for tests and the demo: what the AIA and CDP of every snapshot certificate
 * point at (profiles.ts `revocationUrls`). Per CA an `openssl ocsp` responder over an index of the CA's issued
 * tokens, signing as the CA's root, and one HTTP server with each CA's CRL (`openssl ca -gencrl` over the same
 * index). A revocation rewrites the index, restarts the responder and publishes a new CRL.
 *
 *   npx tsx native/softhsm/revocation-service.ts [--revoke LABEL]…     (tools/start.mjs runs it with the demo keys)
 *   curl -X POST http://127.0.0.1:47180/revoke/JSCA-RSA-0001           (the demo's "the key was lost")
 *
 * Answers say "valid for five minutes" (OCSP nextUpdate, CRL nextUpdate one hour), so a server that cached a
 * "good" hears of a revocation within minutes, as with a real CA's short-lived answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { run } from './exec.js';
import type { IssuedTokenEntry, TokenManifest } from './manifest.js';
import { CA_PROFILES, CRL_PORT, REVOCATION_HOST, type CaProfile, type CaProfileId } from './profiles.js';

export interface RevocationService {
  /** Revokes the certificate of a token (by label): the responder and the CRL say so from now on. */
  revoke(label: string): Promise<void>;
  stop(): Promise<void>;
}

/** `YYMMDDHHMMSSZ`, the CA database's time format. */
const indexTime = (iso: string | Date) => new Date(iso).toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';

const CRL_CONFIG = ['[ ca ]', 'default_ca = c', '[ c ]', 'database = ./index.txt', 'default_md = sha256', 'default_crl_hours = 1', ''].join('\n');

class CaServices {
  private responder: ChildProcess | null = null;
  crl: Buffer = Buffer.alloc(0);

  constructor(
    private readonly profile: CaProfile,
    private readonly root: { certPath: string; keyPath: string },
    private readonly tokens: readonly IssuedTokenEntry[],
    private readonly dir: string,
  ) {}

  /** Writes the index with `revoked`, (re)starts the responder and regenerates the CRL. */
  async publish(revoked: ReadonlySet<string>, revokedAt: Date): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const lines = this.tokens.map((t) => {
      const r = revoked.has(t.label);
      return [r ? 'R' : 'V', indexTime(t.notAfter), r ? indexTime(revokedAt) : '', t.certSerialHex.toUpperCase(), 'unknown', `/CN=${t.label}`].join('\t');
    });
    await writeFile(path.join(this.dir, 'index.txt'), lines.join('\n') + '\n');
    await writeFile(path.join(this.dir, 'ca.cnf'), CRL_CONFIG);
    const ca = ['-keyfile', this.root.keyPath, '-cert', this.root.certPath];
    await run('openssl', ['ca', '-gencrl', '-batch', '-config', 'ca.cnf', ...ca, '-out', 'crl.pem'], { cwd: this.dir });
    await run('openssl', ['crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der'], { cwd: this.dir });
    this.crl = await readFile(path.join(this.dir, 'crl.der'));
    await this.stopResponder();
    this.responder = await startResponder(this.profile.ocspPort, path.join(this.dir, 'index.txt'), this.root);
  }

  async stopResponder(): Promise<void> {
    const child = this.responder;
    this.responder = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    });
  }
}

async function startResponder(port: number, index: string, root: { certPath: string; keyPath: string }): Promise<ChildProcess> {
  const args = ['ocsp', '-index', index, '-port', String(port), '-rsigner', root.certPath, '-rkey', root.keyPath, '-CA', root.certPath, '-nmin', '5'];
  const child = spawn('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  // Ready when it says so (a probe connection would be taken for a client: the responder serves one at a time).
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`openssl ocsp on port ${port} did not start: ${said}`)), 10_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('waiting for OCSP client connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp on port ${port} exited with ${code} (port taken?): ${said}`));
    });
  });
  return child;
}

/**
 * Starts the CAs' responders (`profiles`, default all) and the CRL server on their fixed loopback ports; state lives
 * in `dir`. A test names only the CA it needs, so signatures other tests make meanwhile meet no responder.
 */
export async function startRevocationService(
  manifest: TokenManifest,
  dir: string,
  opts: { revoked?: readonly string[]; profiles?: readonly CaProfileId[] } = {},
): Promise<RevocationService> {
  const revoked = new Set(opts.revoked ?? []);
  const issued = manifest.tokens.filter((t): t is IssuedTokenEntry => t.kind === 'issued');
  for (const label of revoked) if (!issued.some((t) => t.label === label)) throw new Error(`no issued token ${label}`);
  const cas = new Map<string, CaServices>();
  for (const profile of CA_PROFILES.filter((p) => !opts.profiles || opts.profiles.includes(p.id))) {
    const tokens = issued.filter((t) => t.profile === profile.id);
    cas.set(profile.id, new CaServices(profile, manifest.roots[profile.id], tokens, path.join(dir, profile.id)));
  }
  const stopAll = async () => {
    await Promise.all([...cas.values()].map((ca) => ca.stopResponder()));
  };

  const revoke = async (label: string) => {
    const token = issued.find((t) => t.label === label && cas.has(t.profile));
    if (!token) throw new Error(`no issued token ${label} of a CA served here`);
    revoked.add(label);
    await cas.get(token.profile)!.publish(revoked, new Date());
  };

  const server = http.createServer((req, res) => {
    const crl = /^\/([a-z-]+)\.crl$/.exec(req.url ?? '');
    const ca = crl && req.method === 'GET' ? cas.get(crl[1]!) : undefined;
    if (ca) return void res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(ca.crl);
    const lost = /^\/revoke\/([A-Za-z0-9-]+)$/.exec(req.url ?? '');
    if (lost && req.method === 'POST') {
      revoke(lost[1]!).then(
        () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`revoked ${lost[1]}\n`),
        (e: unknown) => res.writeHead(404, { 'content-type': 'text/plain' }).end(`${e instanceof Error ? e.message : e}\n`),
      );
      return;
    }
    res.writeHead(404).end();
  });
  try {
    const now = new Date();
    for (const ca of cas.values()) await ca.publish(revoked, now);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(CRL_PORT, REVOCATION_HOST, resolve);
    });
  } catch (e) {
    await stopAll();
    throw e;
  }
  return {
    revoke,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopAll();
    },
  };
}

async function main(): Promise<void> {
  const { ensureSnapshot } = await import('./provision.js');
  const manifest = await ensureSnapshot({ log: (m) => console.log(m) });
  const revoked = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--revoke' ? [a] : []));
  const dir = path.resolve(process.env.TONGBAN_DATA_DIR ?? './data', 'demo-revocation');
  const service = await startRevocationService(manifest, dir, { revoked });
  console.log(`[tongban] 测试 CA 吊销服务 / test CAs' OCSP and CRL: ${CA_PROFILES.map((p) => `${p.id} OCSP :${p.ocspPort}`).join(', ')}, CRL http://${REVOCATION_HOST}:${CRL_PORT}/<profile>.crl`);
  console.log(`[tongban] 吊销一把 Key / revoke a key: curl -X POST http://${REVOCATION_HOST}:${CRL_PORT}/revoke/<label>`);
  const quit = () => void service.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
