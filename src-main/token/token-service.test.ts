import { execFile } from 'node:child_process';
import { renameSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '@shared/contract/result';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { CKR } from './pkcs11/errors';
import { loadPkcs11Module, pkcs11js, type Pkcs11Module } from './pkcs11/module';
import { TokenService, type TokenServiceOptions } from './token-service';

const run = promisify(execFile);
let sandbox: TokenSandbox;
let tmp: string;
let service: TokenService;

beforeAll(async () => {
  sandbox = await createTokenSandbox();
  // SoftHSM reads its configuration at C_Initialize, once per process: this file's process uses its own copy.
  process.env.SOFTHSM2_CONF = sandbox.conf;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tongban-token-'));
});
afterAll(async () => {
  await sandbox.cleanup();
  await rm(tmp, { recursive: true, force: true });
});

const logs: string[] = [];
function makeService(opts: Partial<TokenServiceOptions> = {}): TokenService {
  service?.close();
  service = new TokenService({
    env: { TONGBAN_PKCS11_MODULES: sandbox.modulePath },
    log: (message, fields) => logs.push(JSON.stringify({ message, ...fields })),
    ...opts,
  });
  return service;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function opensslVerify(cmsB64: string, content: string, rootPath: string): Promise<void> {
  const sig = path.join(tmp, `sig-${Math.random()}.p7s`);
  const data = path.join(tmp, `data-${Math.random()}.bin`);
  await writeFile(sig, Buffer.from(cmsB64, 'base64'));
  await writeFile(data, content);
  await run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', data, '-CAfile', rootPath, '-purpose', 'any', '-out', '/dev/null']);
}

describe('discovery', () => {
  beforeEach(() => makeService());

  it('lists every enterprise certificate with the facts a clerk and the server need', async () => {
    const certs = value(await service.handle('list', {}));
    const issued = sandbox.manifest.tokens.filter((t) => t.kind === 'issued');
    expect(certs.map((c) => c.tokenLabel).sort()).toEqual(issued.map((t) => t.label).sort());
    for (const t of issued) {
      const c = certs.find((x) => x.tokenLabel === t.label)!;
      expect(c).toMatchObject({
        fingerprint: t.certSha256,
        profile: t.profile,
        keyType: t.keyType,
        keyBits: t.keyBits,
        uscc: t.uscc,
        usccSource: t.usccSource,
        enterpriseName: t.enterpriseName,
        validity: t.expired ? 'expired' : 'valid',
      });
      expect(c.subject).toContain(`O=${t.enterpriseName}`);
      expect(c.pin).toMatchObject({ locked: false, finalTry: false, pinPad: false });
    }
  });

  it('leaves out the CA certificates on the tokens and the empty token', async () => {
    const certs = value(await service.handle('list', {}));
    const roots = Object.values(sandbox.manifest.roots).map((r) => r.sha256);
    expect(certs.some((c) => roots.includes(c.fingerprint))).toBe(false);
    expect(certs.some((c) => c.tokenLabel === 'SZCA-EMPTY')).toBe(false);
  });

  it('decodes Chinese issuer names', async () => {
    const certs = value(await service.handle('list', {}));
    const jsca = certs.find((c) => c.tokenLabel === 'JSCA-RSA-0001')!;
    expect(jsca.issuer).toContain('江苏省电子商务服务中心有限责任公司');
  });

  it('merges a certificate seen through two module paths', async () => {
    const link = path.join(tmp, 'libsofthsm2-copy.so');
    await run('ln', ['-sf', sandbox.modulePath, link]);
    makeService({ env: { TONGBAN_PKCS11_MODULES: [sandbox.modulePath, link].join(path.delimiter) } });
    const certs = value(await service.handle('list', {}));
    expect(new Set(certs.map((c) => c.fingerprint)).size).toBe(certs.length);
  });
});

describe('signing and authentication on SoftHSM keys', () => {
  beforeEach(() => makeService());
  const content = JSON.stringify({ 企业名称: '苏州星河智能科技有限公司', uscc: '91320594MA1MXK3R3C' });

  it.each(['JSCA-RSA-0001', 'JSCA-EC-0002', 'SZCA-RSA-0003', 'SZCA-EC-0004'])(
    'signs a detached CMS with %s that openssl verifies against the CA root',
    async (label) => {
      const t = sandbox.issued(label);
      const result = value(await service.handle('signCms', { cert: t.uscc!, content: b64(content), pin: t.userPin, requireUscc: true }));
      expect(result.fingerprint).toBe(t.certSha256);
      await opensslVerify(result.cms, content, sandbox.manifest.roots[t.profile].certPath);
      await expect(opensslVerify(result.cms, content + ' ', sandbox.manifest.roots[t.profile].certPath)).rejects.toThrow();
    },
  );

  it.each([
    ['JSCA-RSA-0001', 'RS256'],
    ['JSCA-EC-0002', 'ES256'],
  ])('produces a Web eID 1.0 token with %s (%s)', async (label, algorithm) => {
    const t = sandbox.issued(label);
    const nonce = Buffer.alloc(33, 7).toString('base64');
    const token = value(await service.handle('authenticate', { cert: t.certSha256.slice(0, 12), origin: 'https://portal.example.cn', nonce, pin: t.userPin }));
    expect(token).toMatchObject({ format: 'web-eid:1.0', algorithm });
    expect(Buffer.from(token.unverifiedCertificate, 'base64').toString('hex')).toBe(
      Buffer.from((await import('node:fs')).readFileSync(t.certPath, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('hex'),
    );
    if (algorithm === 'ES256') expect(Buffer.from(token.signature, 'base64')).toHaveLength(64);
  });

  it('uses either of two keys plugged in at once, chosen by USCC', async () => {
    const a = sandbox.issued('JSCA-RSA-0001');
    const b = sandbox.issued('SZCA-EC-0004');
    const ra = value(await service.handle('signCms', { cert: a.uscc!, content: b64('a'), pin: a.userPin }));
    const rb = value(await service.handle('signCms', { cert: b.uscc!, content: b64('b'), pin: b.userPin }));
    expect([ra.fingerprint, rb.fingerprint]).toEqual([a.certSha256, b.certSha256]);
  });

  it('never logs the PIN', async () => {
    logs.length = 0;
    const t = sandbox.issued('JSCA-RSA-0001');
    await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: 'wrong-pin-4711' });
    await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: t.userPin });
    expect(logs.join('\n')).not.toMatch(/4711|12345678/);
  });
});

describe('refusals with stable codes', () => {
  beforeEach(() => makeService());

  it('PIN_INCORRECT on a wrong PIN, and the key still works with the right one', async () => {
    const t = sandbox.issued('JSCA-RSA-0001');
    const r = await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: '00000000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT', retriable: false } });
    // SoftHSM reports no final try and no count: the error says a plain wrong PIN, nothing more alarming.
    expect(!r.ok && r.error.details).toMatchObject({ finalTry: false });
    expect(!r.ok && r.error.details?.triesLeft).toBeUndefined();
    expect((await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: t.userPin })).ok).toBe(true);
  });

  it('CERT_EXPIRED for the expired certificate', async () => {
    const t = sandbox.issued('JSCA-RSA-EXPIRED');
    const r = await service.handle('signCms', { cert: t.certSha256.slice(0, 16), content: b64('x'), pin: t.userPin });
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_EXPIRED' } });
  });

  it('NO_USCC when a USCC is required and the certificate has none; signs otherwise', async () => {
    const t = sandbox.issued('JSCA-RSA-NOUSCC');
    const cert = t.certSha256.slice(0, 16);
    expect(await service.handle('signCms', { cert, content: b64('x'), pin: t.userPin, requireUscc: true })).toMatchObject({ ok: false, error: { code: 'NO_USCC' } });
    expect((await service.handle('signCms', { cert, content: b64('x'), pin: t.userPin })).ok).toBe(true);
  });

  it('TOKEN_REMOVED (retriable) when the key is pulled out between listing and signing', async () => {
    const t = sandbox.issued('SZCA-RSA-0003');
    expect(value(await service.handle('list', {})).some((c) => c.tokenLabel === t.label)).toBe(true);
    // The service has found the key; now its directory disappears, as a USB key leaves the port.
    await sandbox.removeToken(t.label);
    try {
      const r = await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: t.userPin });
      expect(r).toMatchObject({ ok: false, error: { code: 'TOKEN_REMOVED', retriable: true } });
    } finally {
      await sandbox.restoreToken(t.label);
    }
    expect((await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: t.userPin })).ok).toBe(true);
  });

  it('TOKEN_REMOVED when the key is pulled out during the login itself', async () => {
    const t = sandbox.issued('JSCA-EC-0002');
    makeService({
      loadModule: (p) => {
        const real = loadPkcs11Module(p);
        return {
          ...real,
          login: (session, pin) => {
            renameSync(path.join(sandbox.tokensDir, t.tokenDirName), path.join(tmp, t.tokenDirName));
            real.login(session, pin);
          },
        };
      },
    });
    try {
      const r = await service.handle('signCms', { cert: t.uscc!, content: b64('x'), pin: t.userPin });
      expect(r).toMatchObject({ ok: false, error: { code: 'TOKEN_REMOVED', retriable: true } });
    } finally {
      renameSync(path.join(tmp, t.tokenDirName), path.join(sandbox.tokensDir, t.tokenDirName));
    }
  });

  it('BAD_REQUEST for malformed requests, CERT_NOT_FOUND for an unknown selector', async () => {
    expect(await service.handle('signCms', { cert: 'x', content: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await service.handle('signCms', { cert: 'ffffffffffff', content: b64('x'), pin: '12345678' })).toMatchObject({ ok: false, error: { code: 'CERT_NOT_FOUND' } });
    expect(await service.handle('authenticate', { cert: sandbox.issued('JSCA-RSA-0001').uscc!, origin: 'https://a.example/path', nonce: 'short', pin: '12345678' })).toMatchObject({ ok: false });
  });

  it('MODULE_LOAD_FAILED for a missing library and for a 32-bit one, with the reason in diagnostics', async () => {
    const dll32 = path.join(tmp, 'vendor32.dll');
    const pe = Buffer.alloc(512);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    pe.writeUInt16LE(0x014c, 0x84); // IMAGE_FILE_MACHINE_I386
    await writeFile(dll32, pe);
    makeService({ env: { TONGBAN_PKCS11_MODULES: [path.join(tmp, 'missing.so'), dll32].join(path.delimiter) } });
    expect(await service.handle('list', {})).toMatchObject({ ok: true, value: [] });
    expect(await service.handle('signCms', { cert: '91320594MA1MXK3R3C', content: b64('x'), pin: '12345678' })).toMatchObject({
      ok: false,
      error: { code: 'MODULE_LOAD_FAILED' },
    });
    const report = value(await service.handle('diagnose', {}));
    expect(report.modules.slice(0, 2).map((m) => [m.present, m.architecture, m.error?.detail])).toEqual([
      [false, 'unknown', 'file not found'],
      [true, 'ia32', `wrong bitness: the library is ia32, Tongban is ${process.arch}`],
    ]);
  });

  it('NO_TOKEN when the module loads but no key is plugged in', async () => {
    const labels = sandbox.manifest.tokens.map((t) => t.label);
    for (const l of labels) await sandbox.removeToken(l);
    try {
      makeService();
      expect(await service.handle('signCms', { cert: '91320594MA1MXK3R3C', content: b64('x'), pin: '12345678' })).toMatchObject({
        ok: false,
        error: { code: 'NO_TOKEN', retriable: true },
      });
    } finally {
      for (const l of labels) await sandbox.restoreToken(l);
    }
  });
});

describe('PIN states SoftHSM cannot produce, through a substituted PKCS#11 layer', () => {
  /** The real SoftHSM module with token flags and login behaviour overridden, as a locked or PIN-pad key would. */
  function substitute(overrides: { flags?: number; login?: Pkcs11Module['login'] }, calls: Array<string | null> = []) {
    return (p: string): Pkcs11Module => {
      const real = loadPkcs11Module(p);
      return {
        ...real,
        tokenInfo: (slot) => ({ ...real.tokenInfo(slot), flags: real.tokenInfo(slot).flags | (overrides.flags ?? 0) }),
        login: (session, pin) => {
          calls.push(pin === null ? null : 'pin');
          (overrides.login ?? real.login)(session, pin);
        },
      };
    };
  }
  const pkcs11Error = (code: number) => Object.assign(new Error(`CKR ${code}`), { code });
  const t = () => sandbox.issued('JSCA-RSA-0001');

  it('shows a locked key and refuses to try the PIN', async () => {
    const calls: Array<string | null> = [];
    makeService({ loadModule: substitute({ flags: pkcs11js.CKF_USER_PIN_LOCKED }, calls) });
    const cert = value(await service.handle('list', {})).find((c) => c.tokenLabel === t().label)!;
    expect(cert.pin.locked).toBe(true);
    expect(await service.handle('signCms', { cert: t().uscc!, content: b64('x'), pin: t().userPin })).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
    expect(calls).toEqual([]);
  });

  it('reports the final try after a wrong PIN', async () => {
    makeService({
      loadModule: substitute({
        flags: pkcs11js.CKF_USER_PIN_COUNT_LOW | pkcs11js.CKF_USER_PIN_FINAL_TRY,
        login: () => {
          throw pkcs11Error(CKR.PIN_INCORRECT);
        },
      }),
    });
    const cert = value(await service.handle('list', {})).find((c) => c.tokenLabel === t().label)!;
    expect(cert.pin).toMatchObject({ countLow: true, finalTry: true });
    expect(await service.handle('signCms', { cert: t().uscc!, content: b64('x'), pin: '87654321' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT', details: { finalTry: true, triesLeft: 1 } },
    });
  });

  it('maps CKR_PIN_LOCKED from the token to PIN_LOCKED', async () => {
    makeService({ loadModule: substitute({ login: () => { throw pkcs11Error(CKR.PIN_LOCKED); } }) });
    expect(await service.handle('signCms', { cert: t().uscc!, content: b64('x'), pin: t().userPin })).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
  });

  it('refuses a PIN of the wrong length without spending a try', async () => {
    const calls: Array<string | null> = [];
    makeService({ loadModule: substitute({}, calls) });
    expect(await service.handle('signCms', { cert: t().uscc!, content: b64('x'), pin: '12' })).toMatchObject({ ok: false, error: { code: 'PIN_FORMAT' } });
    expect(await service.handle('signCms', { cert: t().uscc!, content: b64('x') })).toMatchObject({ ok: false, error: { code: 'PIN_FORMAT' } });
    expect(calls).toEqual([]);
  });

  it('logs in through the PIN pad (protected authentication path) without a PIN', async () => {
    const calls: Array<string | null> = [];
    makeService({
      loadModule: (p) => {
        const base = substitute({ flags: pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH }, calls)(p);
        const real = loadPkcs11Module(p);
        // The "pad" answers with the right PIN on the device side.
        return { ...base, login: (session, pin) => { calls.push(pin); real.login(session, t().userPin); } };
      },
    });
    expect((await service.handle('signCms', { cert: t().uscc!, content: b64('x') })).ok).toBe(true);
    expect(calls).toEqual([null]);
  });

  it('maps a cancelled PIN pad to USER_CANCELLED (retriable)', async () => {
    makeService({ loadModule: substitute({ flags: pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH, login: () => { throw pkcs11Error(CKR.FUNCTION_CANCELED); } }) });
    expect(await service.handle('signCms', { cert: t().uscc!, content: b64('x') })).toMatchObject({ ok: false, error: { code: 'USER_CANCELLED', retriable: true } });
  });
});

describe('diagnostics', () => {
  it('reports modules, slots, flags, mechanisms and certificates, and never a PIN', async () => {
    makeService();
    await service.handle('signCms', { cert: sandbox.issued('JSCA-RSA-0001').uscc!, content: b64('x'), pin: sandbox.issued('JSCA-RSA-0001').userPin });
    const report = value(await service.handle('diagnose', {}));
    expect(report.modules[0]).toMatchObject({ path: sandbox.modulePath, present: true, loaded: true, architecture: process.arch });
    expect(report.modules[0]?.info?.manufacturer).toMatch(/SoftHSM/);
    const slot = report.slots.find((s) => s.token?.label === 'JSCA-RSA-0001')!;
    expect(slot.token?.flags).toEqual(expect.arrayContaining(['LOGIN_REQUIRED', 'TOKEN_INITIALIZED', 'USER_PIN_INITIALIZED']));
    expect(slot.token?.mechanisms).toEqual(expect.arrayContaining(['CKM_SHA256_RSA_PKCS', 'CKM_ECDSA']));
    expect(slot.certificates).toBe(1);
    expect(report.certificates.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(report)).not.toContain('12345678');
  });
});
