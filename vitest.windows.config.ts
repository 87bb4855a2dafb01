import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests that need a real Windows (registry, ACLs, Authenticode, Windows paths), run by
// .github/workflows/windows.yml. No global setup: SoftHSM's Linux snapshot and PostgreSQL are not needed here.
export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) },
  },
  test: {
    // The POSIX-specific suites (owners, modes, /usr/lib) stay on Linux; these hold on both.
    include: ['src-main/**/*.windows.test.ts', 'src-main/update/*.test.ts', 'tools/policy-templates.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
