import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive the system Chromium (Debian's /usr/bin/chromium): Playwright's own browser downloads are
// not reachable from our machines. The renderer runs in browser mode (DESIGN.md decision 3).
const chromiumPath = process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // The token service bundled once for the run: each world's service (and every restart after a key fault) then
  // forks without tsx compiling its sources (tests/fixtures/token-bundle.ts).
  globalSetup: './tests/fixtures/token-bundle.ts',
  // A journey through the desk and the console takes ~30 s alone; on a shared machine (load well above its cores)
  // the same steps took over a minute. A limit, not a wait: a passing test is not slower for it.
  timeout: 120_000,
  // Waits are on conditions, so a longer limit costs nothing when the page is quick; on a shared CI machine the
  // first render, a scrypt password check or a token service restart can take longer than Playwright's 5 s.
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
