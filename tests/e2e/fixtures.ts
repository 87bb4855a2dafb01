/**
 * End-to-end fixtures: the real platform server (SQLite), SoftHSM keys in this worker's own token directory, and
 * the desktop client in browser mode (the same services as Electron: token service process, local store, portal
 * client) served to Chromium by the browser-mode host.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/host';
import type { ClientServices } from '../../src-main/services/client-services';
import { createDesktopServices } from '../../src-main/services/compose';
import { TokenClient } from '../../src-main/token/token-client';
import { e2eServers, startPortal, type Portal, type RegistryRow } from '../fixtures/portal';
import { portalLink, scenario, softHsmKey, type EnterpriseKey, type Scenario } from '../fixtures/scenario';
import { createTokenSandbox, type TokenSandbox } from '../fixtures/tokens';
import { faultEnv, type Fault } from '../fixtures/fault-module';
import type { PolicyValues } from '../../src-shared/policy/policies';
import type { UpdateStatus } from '../../src-shared/contract/delivery';
import { posixMachineTrust } from '../../src-main/trust/machine-trust';
import { expectAccessible } from './accessibility';

const repo = path.resolve(import.meta.dirname, '../..');

/** Where screenshots of each screen go (kept by CI, looked at by people). */
export const screensDir = path.join(repo, 'test-results', 'screens');

/** Saves the screen for people to look at, and checks it for WCAG 2.1 AA findings (accessibility.ts). */
export async function saveScreen(page: Page, name: string): Promise<string> {
  await mkdir(screensDir, { recursive: true });
  const file = path.join(screensDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await expectAccessible(page, name);
  return file;
}

/** The enterprises of the SoftHSM keys that the registry knows. SZCA-EC-0004's is left out on purpose. */
export const REGISTERED_KEYS = ['JSCA-RSA-0001', 'JSCA-EC-0002', 'SZCA-RSA-0003'] as const;
export const LEGAL_REPRESENTATIVE = '张伟';
export const ADDRESS = '江苏省苏州市工业园区星湖街328号';

export interface DesktopClient {
  /** Open this: the renderer with this launch's secret. */
  url: string;
  host: BrowserHost;
  services: ClientServices;
}

/** Issue 18: a key whose driver misbehaves (native/p11-faults), for this test's client only. */
export interface KeyFaults {
  faults: Fault[];
  /** The key (label) the faults hit; the others behave. */
  token: string;
  /** The token service's per-call limit, short so a hanging driver is given up on quickly. */
  timeoutMs?: number;
}

interface TestFixtures {
  /** `test.use({ keyFaults })`: the client gets a token service of its own, its driver the fault module. */
  keyFaults: KeyFaults | null;
  /** `test.use({ managedDesk })`: group policy as a Windows machine would have it, and how it is updated (issue 19). */
  managedDesk: { policy: PolicyValues; update: UpdateStatus } | null;
  /**
   * A desktop client of this test's own: a fresh local store (no drafts, settings or session left by another
   * test) and its own token service, pointed at the worker's keys and portal. A test that needs a session or a
   * draft makes one (setup.ts `signInClient`).
   */
  client: DesktopClient;
  // ── Portals (issue 16) ──
  /** `test.use({ firstStart: true })`: the client has no server or portal from the environment, so it asks which portal. */
  firstStart: boolean;
}

interface WorkerFixtures {
  /**
   * Which world the worker's keys and portal belong to. Files that need enterprises of their own (every
   * registered key is taken by another spec) say `test.use({ world: 'name' })`: Playwright runs them in a worker of
   * their own, with fresh keys and a fresh portal.
   */
  world: string;
  /** Server instances behind the portal's URL: 2 puts a round-robin proxy before two (TONGBAN_E2E_SERVERS=2 for all). */
  servers: 1 | 2;
  keys: TokenSandbox;
  portal: Portal;
  /** The worker's token service on its keys, shared by the tests' clients (starting one takes seconds). */
  tokenService: TokenClient;
  /** The scenario builder on the worker's portal (tests/fixtures/scenario): enterprises, accounts, applications. */
  scene: Scenario;
  /** A SoftHSM key of the worker's sandbox, as the scenario builder signs with it (through the token service). */
  caKey: (label: string) => EnterpriseKey;
  // ── Portals (issue 16) ──
  /** A second server of the worker, configured as the Beijing SME platform (TONGBAN_PORTAL=beijing-sme). */
  beijingPortal: Portal;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  world: ['shared', { scope: 'worker', option: true }],
  servers: [e2eServers(), { scope: 'worker', option: true }],
  keys: [
    async ({ world }, use) => {
      void world; // a worker per world: the value only partitions workers
      const sandbox = await createTokenSandbox();
      await use(sandbox);
      await sandbox.cleanup();
    },
    { scope: 'worker' },
  ],
  portal: [
    async ({ keys, servers, world }, use) => {
      // beijing: the world 'beijing' is a server configured as the Beijing SME platform (TONGBAN_PORTAL=beijing-sme).
      const portal = await startPortal({ roots: Object.values(keys.manifest.roots), servers, ...(world === 'beijing' ? { portal: 'beijing-sme' as const } : {}) });
      const rows: RegistryRow[] = REGISTERED_KEYS.map((label) => {
        const t = keys.issued(label);
        return { uscc: t.uscc!, name: t.enterpriseName, legalRepresentative: LEGAL_REPRESENTATIVE, address: ADDRESS };
      });
      await portal.importRegistry(rows);
      await use(portal);
      await portal.close();
    },
    { scope: 'worker' },
  ],
  tokenService: [
    async ({ keys }, use) => {
      const tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' }, pollMs: 1000 });
      await tokens.start();
      await use(tokens);
      await tokens.stop();
    },
    { scope: 'worker' },
  ],
  scene: [async ({ portal }, use) => use(scenario(portalLink(portal))), { scope: 'worker' }],
  caKey: [async ({ keys, tokenService }, use) => use((label) => softHsmKey(tokenService, keys.issued(label))), { scope: 'worker' }],
  keyFaults: [null, { option: true }],
  managedDesk: [null, { option: true }],
  // ── Portals (issue 16) ──
  firstStart: [false, { option: true }],
  beijingPortal: [
    async ({ keys }, use) => {
      const beijing = await startPortal({ roots: Object.values(keys.manifest.roots), portal: 'beijing-sme' });
      await use(beijing);
      await beijing.close();
    },
    { scope: 'worker' },
  ],
  client: [
    async ({ keys, portal, tokenService: shared, keyFaults, managedDesk, firstStart, world }, use) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-client-'));
      // Sign faults fire once (P11_FAULTS_ONCE): the service restarted after a hang or crash finds the driver well.
      const faulty = keyFaults
        ? new TokenClient({
            env: { ...process.env, ...faultEnv(keys, keyFaults.faults, keyFaults.token, { onceFile: path.join(dataDir, 'fault-fired') }), TONGBAN_TOKEN_LOG: 'silent' },
            pollMs: 1000,
            ...(keyFaults.timeoutMs ? { timeoutMs: keyFaults.timeoutMs } : {}),
          })
        : null;
      const tokenService = faulty ?? shared;
      // The same composition the browser-mode host runs, pointed at this worker's keys and portal.
      const desktop = createDesktopServices({
        shell: 'browser',
        storeFile: path.join(dataDir, 'tongban.db'),
        env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent', ...(firstStart ? {} : { TONGBAN_SERVER_URL: portal.url }), ...(world === 'beijing' ? { TONGBAN_PORTAL: 'beijing-sme' } : {}) },
        log: () => {},
        tokens: tokenService,
        ...(managedDesk ? { trust: posixMachineTrust({ policy: managedDesk.policy }), updateStatus: () => managedDesk.update } : {}),
      });
      const host = await startBrowserHost({ rendererDir: path.join(repo, 'dist', 'renderer'), services: desktop.services });
      await use({ url: host.url, host, services: desktop.services });
      await host.close();
      // Extra driver paths saved in this test's settings restarted the shared service: the next test starts without.
      const settings = await desktop.services.dispatch('settings.get', {});
      if (settings.ok && (settings.value as { pkcs11Modules: string[] }).pkcs11Modules.length > 0) await tokenService.setSettingsModules([]);
      await desktop.close();
      await faulty?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'test' },
  ],
});

export { expect } from '@playwright/test';
