import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const resolve = { alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) } };

const common = {
  // Native modules (pkcs11js, better-sqlite3) are safest in separate processes, and every process gets its
  // own SoftHSM token directory (shared ones fail intermittently).
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 120_000,
} as const;

// Unit and integration tests sit beside the code they test. End-to-end tests (tests/e2e) run under Playwright.
export default defineConfig({
  resolve,
  test: {
    // Vitest's default is one worker per core minus one: a single worker on the 2-core CI machine. The suites
    // wait on PostgreSQL, SoftHSM, openssl and child processes much of the time, so two workers did 1.7× the work
    // in the same wall time (measured 2026-12-07 on the whole unit suite); more would only contend for the cores.
    maxWorkers: 2,
    // One SoftHSM snapshot and one loopback PostgreSQL cluster for the whole run (each test file gets its own
    // token directory and database); the token service and CLI bundled once, so their tests fork no tsx. Here and
    // not in the projects: a project's own globalSetup would run once per project.
    globalSetup: ['tests/fixtures/global-setup.ts', 'tests/fixtures/postgres.ts', 'tests/fixtures/token-bundle.ts'],
    projects: [
      {
        resolve,
        test: {
          ...common,
          name: 'server',
          include: ['src-server/**/*.test.ts'],
          // A worker keeps the server's modules loaded from one test file to the next instead of importing them
          // again for each (the whole of app.ts: every route, pkijs, the PDF libraries): 6 server files took
          // 177 s isolated and 105 s not, one worker back to back. Safe because every server test builds its own
          // server, database and data directory, and none mocks a module (vi.mock would leak to the next file).
          isolate: false,
        },
      },
      {
        resolve,
        test: {
          ...common,
          name: 'desk',
          include: ['src-*/**/*.test.{ts,tsx}', 'native/**/*.test.ts', 'tools/**/*.test.{ts,mjs}', 'tests/fixtures/**/*.test.ts'],
          exclude: ['src-server/**', '**/node_modules/**'],
        },
      },
    ],
  },
});
