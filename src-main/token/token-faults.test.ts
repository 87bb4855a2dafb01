/**
 * The token service process against a driver that misbehaves as real ones do (native/p11-faults in front of
 * SoftHSM): PIN counters and locks as the token reports them, a key pulled mid-signature, a C_Sign that hangs, one
 * that aborts the process, a slow C_Initialize. Each test starts its own service with its own faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceFailure } from '@shared/contract/token';
import { faultEnv, type Fault } from '../../tests/fixtures/fault-module';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { TokenClient } from './token-client';

const KEY = 'JSCA-RSA-0001';
const OTHER = 'SZCA-EC-0004';
let sandbox: TokenSandbox;
let client: TokenClient | null = null;

beforeAll(async () => {
  sandbox = await createTokenSandbox({ only: [KEY, OTHER] });
});
afterEach(async () => {
  await client?.stop();
  client = null;
});
afterAll(() => sandbox.cleanup());

/** A service whose driver has `faults` on KEY only (the other key stays healthy). */
function faulty(faults: Fault[], timeoutMs = 20_000): TokenClient {
  client = new TokenClient({ env: { ...process.env, ...faultEnv(sandbox, faults, KEY), TONGBAN_TOKEN_LOG: 'silent' }, timeoutMs });
  return client;
}
const uscc = () => sandbox.issued(KEY).uscc!;
const sign = (c: TokenClient, pin: string) => c.call('signCms', { cert: uscc(), content: Buffer.from('申请表').toString('base64'), pin });
const pinOf = async (c: TokenClient, label = KEY) => {
  const r = await c.call('list', {});
  if (!r.ok) throw new Error(r.error.code);
  return r.value.find((cert) => cert.tokenLabel === label)?.pin;
};
const right = () => sandbox.issued(KEY).userPin;

describe('PIN states as a real key reports them', () => {
  it('a count low is seen before typing, a wrong PIN says so, a right one resets it', async () => {
    const c = faulty(['pin-count-low']);
    expect(await pinOf(c)).toMatchObject({ countLow: true, finalTry: false, locked: false });
    expect(await pinOf(c, OTHER)).toMatchObject({ countLow: false, finalTry: false, locked: false });
    expect(await sign(c, '00000000')).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT', details: { countLow: true, finalTry: false } } });
    expect((await sign(c, right())).ok).toBe(true);
    expect(await pinOf(c)).toMatchObject({ countLow: false, finalTry: false });
  });

  it('the final try is seen before typing, and a wrong PIN then locks the key', async () => {
    const c = faulty(['pin-final-try']);
    expect(await pinOf(c)).toMatchObject({ finalTry: true, locked: false });
    expect(await sign(c, '00000000')).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED', retriable: false } });
    expect(await pinOf(c)).toMatchObject({ locked: true });
    // Locked: even the right PIN is refused, before it reaches the key.
    expect(await sign(c, right())).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
  });

  it('a locked key is reported locked and never asked to log in', async () => {
    const c = faulty(['pin-locked']);
    expect(await pinOf(c)).toMatchObject({ locked: true });
    expect(await sign(c, right())).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
    const report = await c.call('diagnose', {});
    const slot = report.ok ? report.value.slots.find((s) => s.token?.label === KEY) : undefined;
    expect(slot?.token?.flags).toContain('USER_PIN_LOCKED');
  });
});

describe('a key pulled out while it signs', () => {
  it('is TOKEN_REMOVED (retriable) and gone from the list; the other key stays', async () => {
    const c = faulty(['remove-on-sign']);
    expect(await sign(c, right())).toMatchObject({ ok: false, error: { code: 'TOKEN_REMOVED', retriable: true } });
    const list = await c.call('list', {});
    expect(list.ok && list.value.map((cert) => cert.tokenLabel)).toEqual([OTHER]);
  });
});

describe('a driver that hangs or crashes', () => {
  const failureOf = (c: TokenClient) => new Promise<ServiceFailure>((resolve) => c.once('service-failure', resolve));
  const restarted = (c: TokenClient) => new Promise<void>((resolve) => c.once('restarted', () => resolve()));

  it('a hanging C_Sign: TIMEOUT within the limit, the service replaced, the driver named, the next call works', async () => {
    const c = faulty(['hang-on-sign=3'], 1_000);
    expect((await c.call('list', {})).ok).toBe(true);
    const failure = failureOf(c);
    const again = restarted(c);
    const started = Date.now();
    expect(await sign(c, right())).toMatchObject({ ok: false, error: { code: 'TIMEOUT', retriable: true, details: { driver: 'libp11faults.so' } } });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await failure).toMatchObject({ kind: 'hang', method: 'signCms', module: expect.stringMatching(/libp11faults\.so$/) });
    await again;
    const list = await c.call('list', {});
    expect(list.ok && list.value).toHaveLength(2);
  });

  it('a crashing C_Sign: TOKEN_DRIVER_CRASHED (retriable), the crash with the module in the self-check report', async () => {
    const c = faulty(['crash-on-sign']);
    expect((await c.call('list', {})).ok).toBe(true);
    const again = restarted(c);
    expect(await sign(c, right())).toMatchObject({ ok: false, error: { code: 'TOKEN_DRIVER_CRASHED', retriable: true, details: { driver: 'libp11faults.so' } } });
    await again;
    const report = await c.call('diagnose', {});
    expect(report.ok && report.value.serviceFailures).toEqual([
      expect.objectContaining({ kind: 'crash', method: 'signCms', module: expect.stringMatching(/libp11faults\.so$/), exit: 'SIGABRT' }),
    ]);
    expect(report.ok && report.value.certificates).toHaveLength(2);
  });

  it('a slow C_Initialize delays the first answer but the keys are listed', async () => {
    const c = faulty(['slow-init=0.5']);
    const started = Date.now();
    const list = await c.call('list', {});
    expect(list.ok && list.value).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});
