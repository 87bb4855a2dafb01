import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { loadConfig } from '../config';
import { hashPassword, PRODUCTION_SCRYPT_LOG2N, setPasswordHashCost, verifyAgainstNothing, verifyPassword } from './passwords';

const costOf = (stored: string) => Number(stored.split('$')[1]);

// Run in order: the cost is process-wide and buildServer sets it (server test files share a worker's modules, so
// an earlier file's test server may have set it: each test sets what it relies on).
describe('password hashing cost', () => {
  let production: string;

  it('hashes at N=2^15 in production: in a server started with the default configuration', async () => {
    expect(PRODUCTION_SCRYPT_LOG2N).toBe(15);
    production = await hashPassword('Tongban#2026', PRODUCTION_SCRYPT_LOG2N);
    expect(production).toMatch(/^scrypt\$32768\$8\$1\$/);

    setPasswordHashCost(6);
    expect(costOf(await hashPassword('x'))).toBe(64);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-passwords-'));
    const app = await buildServer({ env: { TONGBAN_DATA_DIR: dir } });
    try {
      expect(costOf(await hashPassword('x'))).toBe(2 ** 15);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets a deployment raise the cost by environment but never below 2^14; code may go lower (the test servers)', () => {
    expect(loadConfig({}).scryptLog2N).toBe(15);
    expect(loadConfig({ TONGBAN_SCRYPT_LOG2N: '14' }).scryptLog2N).toBe(14);
    expect(loadConfig({ TONGBAN_SCRYPT_LOG2N: '16' }).scryptLog2N).toBe(16);
    for (const cheap of ['13', '10', '0', '14.5', 'fast', '18']) {
      expect(() => loadConfig({ TONGBAN_SCRYPT_LOG2N: cheap }), cheap).toThrow(/TONGBAN_SCRYPT_LOG2N/);
    }
    expect(() => setPasswordHashCost(0)).toThrow(/scrypt cost/);
    expect(() => setPasswordHashCost(18)).toThrow(/scrypt cost/);
  });

  it('verifies every hash with the parameters stored in it, whatever the current cost', async () => {
    setPasswordHashCost(6);
    const cheap = await hashPassword('Tongban#2026');
    expect(costOf(cheap)).toBe(64);
    expect(await verifyPassword('Tongban#2026', cheap)).toBe(true);
    expect(await verifyPassword('Tongban#2027', cheap)).toBe(false);
    // Made at 2^15 before the cost went down: still verifies, and only with its own password.
    expect(await verifyPassword('Tongban#2026', production)).toBe(true);
    expect(await verifyPassword('tongban#2026', production)).toBe(false);
    setPasswordHashCost(15);
    expect(await verifyPassword('Tongban#2026', cheap)).toBe(true);
    expect(await verifyAgainstNothing('Tongban#2026')).toBe(false);
  });
});
