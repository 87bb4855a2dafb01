import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/host';

const repo = path.resolve(import.meta.dirname, '../..');

/** Where screenshots of each screen go (kept by CI, looked at by people). */
export const screensDir = path.join(repo, 'test-results', 'screens');

export async function saveScreen(page: Page, name: string): Promise<string> {
  await mkdir(screensDir, { recursive: true });
  const file = path.join(screensDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The built renderer served by the real browser-mode host (`npm run build` first: test:e2e does). */
export const test = base.extend<object, { host: BrowserHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
    async ({}, use) => {
      const host = await startBrowserHost({ rendererDir: path.join(repo, 'dist', 'renderer') });
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
