/**
 * `tongban-ca` against keys and drivers that misbehave (native/p11-faults): what support reads and the exit codes
 * scripts rely on — 3 a key pulled out mid-signature, 4 a wrong PIN, 5 a locked PIN (with where to unlock it),
 * 6 a driver that hangs or crashes (with the driver's name).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultEnv, type Fault } from '../../../tests/fixtures/fault-module';
import { createTokenSandbox, type TokenSandbox } from '../../../tests/fixtures/tokens';

const repo = path.resolve(import.meta.dirname, '../../..');
// Built for this run (tests/fixtures/token-bundle.ts): see cli.test.ts.
const bin = process.env.TONGBAN_TEST_CLI_BUNDLE || path.join(repo, 'bin', 'tongban-ca.mjs');
const KEY = 'JSCA-RSA-0001';
let sandbox: TokenSandbox;

beforeAll(async () => {
  sandbox = await createTokenSandbox({ only: [KEY] });
});
afterAll(() => sandbox.cleanup());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], faults: Fault[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...faultEnv(sandbox, faults), ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const sign = (faults: Fault[], pin: string, env: Record<string, string> = {}) =>
  cli(['sign', '--cert', sandbox.issued(KEY).uscc!, '--in', '/etc/hostname', '--out', '/dev/null'], faults, { TONGBAN_PIN: pin, ...env });

describe('tongban-ca with a misbehaving key', () => {
  it('list shows the final try before the PIN is typed', async () => {
    const r = await cli(['list'], ['pin-final-try']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PIN\s+final try \(1 left\): one more wrong PIN locks the key/);
  });

  it('list shows a locked key with where the CA unlocks it, in Chinese for the desk', async () => {
    const r = await cli(['list'], ['pin-locked'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PIN 状态\s+已锁定；解锁：苏州工业园区一站式服务中心 3 楼 CA 窗口，电话 0512-68701110、025-96010/);
  });

  it('exits 4 on a wrong PIN while tries remain', async () => {
    const r = await sign(['pin-count-low'], '00000000');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^PIN_INCORRECT: /);
  });

  it('exits 5 when the final try locks the key, and says where to unlock it', async () => {
    const r = await sign(['pin-final-try'], '00000000');
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^PIN_LOCKED: .*\nhint: .*\nunlock: unlock at the CA window, 3rd floor, SIP One-Stop Service Center, phone 0512-68701110, 025-96010\n/);
  });

  it('exits 3 when the key is pulled out while it signs', async () => {
    const r = await sign(['remove-on-sign'], sandbox.issued(KEY).userPin);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^TOKEN_REMOVED: /);
  });

  it('exits 6 when the driver hangs past the limit, naming the driver', async () => {
    const r = await sign(['hang-on-sign=3'], sandbox.issued(KEY).userPin, { TONGBAN_TOKEN_TIMEOUT_MS: '1000' });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^TIMEOUT: .*\nhint: .*\ndriver: libp11faults\.so\n/);
  });

  it('exits 6 when the driver crashes, naming the driver', async () => {
    const r = await sign(['crash-on-sign'], sandbox.issued(KEY).userPin);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^TOKEN_DRIVER_CRASHED: .*\nhint: .*\ndriver: libp11faults\.so\n/);
  });
});
