import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSandbox, type TokenSandbox } from '../../../tests/fixtures/tokens';
import { provisionUnseenToken } from '../../../tests/fixtures/unseen-token';
import { pdfsig } from '../../../tests/fixtures/pdf-signature-checks';
import { startTsa } from '../../../tests/fixtures/tsa';
import { PDFDocument } from 'pdf-lib';

const repo = path.resolve(import.meta.dirname, '../../..');
// The command as built for this test run (tests/fixtures/token-bundle.ts): from the sources through bin/ every call
// ran tsx twice (the CLI and the token service it forks). One test still goes through bin/ (cli.test.ts).
const bin = process.env.TONGBAN_TEST_CLI_BUNDLE || path.join(repo, 'bin', 'tongban-ca.mjs');
let sandbox: TokenSandbox;
let tmp: string;

beforeAll(async () => {
  sandbox = await createTokenSandbox({ only: ['JSCA-RSA-0001', 'JSCA-EC-0002', 'JSCA-RSA-EXPIRED'] });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tongban-cli-'));
});
afterAll(async () => {
  await sandbox.cleanup();
  await rm(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command, as support staff would: `npx tongban-ca …`. */
function cli(args: string[], opts: { env?: Record<string, string>; stdin?: string; conf?: string; bin?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [opts.bin ?? bin, ...args],
      {
        cwd: repo,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          LANG: 'en_US.UTF-8',
          SOFTHSM2_CONF: opts.conf ?? sandbox.conf,
          TONGBAN_PKCS11_MODULES: sandbox.modulePath,
          ...opts.env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

async function opensslCmsVerify(sig: string, content: string, root: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', content, '-CAfile', root, '-purpose', 'any', '-out', '/dev/null'], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('tongban-ca', () => {
  it('list --json gives every certificate with the fields support needs', async () => {
    const r = await cli(['list', '--json']);
    expect(r.code).toBe(0);
    const certs = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(certs.map((c) => c.tokenLabel).sort()).toEqual(['JSCA-EC-0002', 'JSCA-RSA-0001', 'JSCA-RSA-EXPIRED']);
    expect(certs.find((c) => c.tokenLabel === 'JSCA-EC-0002')).toMatchObject({
      uscc: '913205940892347182',
      usccSource: 'subject-serialNumber',
      enterpriseName: '苏州工业园区明德人力资源有限公司',
      profile: 'jiangsu-ca',
      keyType: 'EC',
      keyBits: 256,
      fingerprint: sandbox.issued('JSCA-EC-0002').certSha256,
    });
  });

  it('list prints a readable table, in Chinese where the desk speaks it', async () => {
    const r = await cli(['list'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout).toContain('苏州星河智能科技有限公司');
    expect(r.stdout).toContain('91320594MA1MXK3R3C (GM/T 0015-2023 extension 1.2.156.10260.4.4)');
    expect(r.stdout).toMatch(/有效期\s+\d{4}-\d{2}-\d{2} → /);
  });

  it('sign writes a detached CMS that openssl verifies; the PIN comes from standard input', async () => {
    const input = path.join(tmp, 'form.json');
    const out = path.join(tmp, 'form.json.p7s');
    await writeFile(input, JSON.stringify({ 企业名称: '苏州星河智能科技有限公司' }));
    const r = await cli(['sign', '--cert', '91320594MA1MXK3R3C', '--in', input, '--out', out], { stdin: '12345678\n' });
    expect(r.code).toBe(0);
    expect((await opensslCmsVerify(out, input, sandbox.manifest.roots['jiangsu-ca'].certPath)).code).toBe(0);
  });

  it('auth prints a Web eID token (PIN from TONGBAN_PIN)', async () => {
    const nonce = 'n'.repeat(44);
    const r = await cli(['auth', '--cert', sandbox.issued('JSCA-EC-0002').certSha256.slice(0, 10), '--origin', 'https://one.sipac.gov.cn', '--nonce', nonce], { env: { TONGBAN_PIN: '12345678' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'web-eid:1.0', algorithm: 'ES256' });
  });

  it.each([
    [['sign', '--cert', '91320594MA1MXK3R3C', '--in', '/etc/hostname', '--out', '/dev/null'], { TONGBAN_PIN: '11111111' }, 4, /^PIN_INCORRECT: Incorrect PIN\.\nhint: /],
    [['sign', '--cert', '91320594MA1P0LW291', '--in', '/etc/hostname', '--out', '/dev/null'], { TONGBAN_PIN: '12345678' }, 6, /^CERT_EXPIRED: /],
    [['sign', '--cert', '91320500MA27QF5NXE', '--in', '/etc/hostname', '--out', '/dev/null'], { TONGBAN_PIN: '12345678' }, 3, /^CERT_NOT_FOUND: /],
    [['sign', '--cert', '91320594MA1MXK3R3C', '--in', '/etc/hostname'], {}, 2, /^USAGE: --out is required/],
    [['frobnicate'], {}, 2, /^USAGE: unknown command/],
    [['list', '--bogus'], {}, 2, /^USAGE: /],
  ] as const)('%j with %j exits %i', async (args, env, code, stderr) => {
    const r = await cli([...args], { env: { ...env } });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
  });

  it('exits 3 with NO_TOKEN when no key is plugged in (through bin/, as `npx tongban-ca` runs it)', async () => {
    const empty = path.join(tmp, 'empty');
    await mkdir(path.join(empty, 'tokens'), { recursive: true });
    await writeFile(path.join(empty, 'softhsm2.conf'), `directories.tokendir = ${path.join(empty, 'tokens')}\nobjectstore.backend = file\n`);
    // The service it forks from the run's bundle, or the two tsx starts together outlast the test on a loaded machine.
    const env = { TONGBAN_TOKEN_SERVICE_BUNDLE: process.env.TONGBAN_TOKEN_SERVICE_BUNDLE ?? '' };
    const r = await cli(['list'], { conf: path.join(empty, 'softhsm2.conf'), bin: path.join(repo, 'bin', 'tongban-ca.mjs'), env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^NO_TOKEN: /);
  });

  it('diagnose reports modules, slots, flags and mechanisms, and never the PIN', async () => {
    const r = await cli(['diagnose'], { env: { TONGBAN_PIN: '12345678' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${sandbox.modulePath}\n    source=env profile=unknown present=true arch=${process.arch} loaded=true`);
    expect(r.stdout).toMatch(/C_GetInfo: SoftHSM/);
    expect(r.stdout).toMatch(/token "JSCA-RSA-0001"/);
    expect(r.stdout).toMatch(/flags: .*LOGIN_REQUIRED/);
    expect(r.stdout).toMatch(/mechanisms: .*CKM_SHA256_RSA_PKCS/);
    expect(r.stdout).not.toContain('12345678');
  });
});

describe('tongban-ca on a key it has never seen', () => {
  // Another vendor's label, another PIN, another CA root that matches no profile, the USCC only in the
  // GM/T 0015-2023 extension: nothing about it is in the fixtures or the profiles.
  it('lists it, signs with it and authenticates with it', async () => {
    const dir = path.join(tmp, 'unseen');
    await mkdir(dir);
    const { conf, label, pin, rootPath } = await provisionUnseenToken(dir);
    const ca = { certPath: rootPath };

    const listed = await cli(['list', '--json'], { conf });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ tokenLabel: label, uscc: '91320594608114356L', usccSource: 'gmt0015-2023', profile: 'unknown', enterpriseName: '苏州未见过科技有限公司' }),
    ]);

    const input = path.join(dir, 'data.bin');
    await writeFile(input, '申请表');
    const signed = await cli(['sign', '--cert', '91320594608114356L', '--in', input, '--out', `${input}.p7s`], { conf, stdin: `${pin}\n` });
    expect(signed.stderr).not.toMatch(/^[A-Z_]+: /m);
    expect(signed.code).toBe(0);
    expect((await opensslCmsVerify(`${input}.p7s`, input, ca.certPath)).code).toBe(0);

    const auth = await cli(['auth', '--cert', '91320594608114356L', '--origin', 'https://portal.example.cn:8443', '--nonce', 'x'.repeat(60)], { conf, env: { TONGBAN_PIN: pin } });
    expect(auth.code).toBe(0);
    expect(JSON.parse(auth.stdout).algorithm).toBe('RS256');
  }, 60_000);
});

describe('tongban-ca sign-pdf', () => {
  it('signs a PDF at B-T with the PIN from standard input; pdfsig finds the signature valid; a file that is no PDF exits 2', async () => {
    const tsa = await startTsa();
    try {
      const doc = await PDFDocument.create();
      doc.addPage([595.28, 841.89]);
      const input = path.join(tmp, 'form.pdf');
      const out = path.join(tmp, 'form-signed.pdf');
      await writeFile(input, await doc.save());
      const r = await cli(['sign-pdf', '--cert', '91320594MA1MXK3R3C', '--in', input, '--out', out, '--tsa', tsa.url, '--reason', '开工备案'], { stdin: '12345678\n' });
      expect(r.stderr).toContain('PAdES B-T');
      expect(r.code).toBe(0);
      const report = await pdfsig(new Uint8Array(await readFile(out)));
      expect(report.stdout).toContain('Signer Certificate Common Name: 苏州星河智能科技有限公司');
      expect(report.stdout).toContain('Signature is Valid.');
      expect(tsa.requests()).toBe(1);

      const bad = await cli(['sign-pdf', '--cert', '91320594MA1MXK3R3C', '--in', '/etc/hostname', '--out', out], { env: { TONGBAN_PIN: '12345678' } });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^PDF_INVALID: /);
    } finally {
      await tsa.stop();
    }
    // Two runs of the real command (tsx start-up and a service process each).
  }, 120_000);
});
