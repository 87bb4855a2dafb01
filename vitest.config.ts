import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test. End-to-end tests (tests/e2e) run under Playwright.
export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) },
  },
  test: {
    include: [
      'src-*/**/*.test.{ts,tsx}',
      'native/**/*.test.ts',
      'tools/**/*.test.{ts,mjs}',
      'tests/fixtures/**/*.test.ts',
    ],
    // Native modules (pkcs11js, better-sqlite3) are safest in separate processes, and every process gets its
    // own SoftHSM token directory (shared ones fail intermittently).
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on the 2-core CI machine. The suites
    // wait on PostgreSQL, SoftHSM, openssl and child processes much of the time, so two workers did 1.7× the work
    // in the same wall time (measured 2026-12-07 on the whole unit suite); more would only contend for the cores.
    maxWorkers: 2,
    // One SoftHSM snapshot and one loopback PostgreSQL cluster for the whole run (each test file gets its own
    // token directory and database); the token service and CLI bundled once, so their tests fork no tsx.
    globalSetup: ['tests/fixtures/global-setup.ts', 'tests/fixtures/postgres.ts', 'tests/fixtures/token-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
