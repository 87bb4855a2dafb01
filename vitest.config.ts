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
    // One SoftHSM snapshot and one loopback PostgreSQL cluster for the whole run (each test file gets its own
    // token directory and database).
    globalSetup: ['tests/fixtures/global-setup.ts', 'tests/fixtures/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
