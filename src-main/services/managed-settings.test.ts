import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@shared/contract/client-api';
import type { ManagedState } from '@shared/contract/delivery';
import type { Result } from '@shared/contract/result';
import type { TokenClient } from '../token/token-client';
import { posixMachineTrust } from '../trust/machine-trust';
import { managedPolicy } from '../trust/managed-policy';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';

// Settings under group policy: what the clerk saved, what IT seeded and what the policy enforces, through the
// same dispatch the renderer uses. No token service is needed: only the driver list reaches it.
let dir: string;
let store: LocalStore;
const loaded: string[][] = [];
const tokens = { on() {}, off() {}, setSettingsModules: async (m: string[]) => void loaded.push(m) } as unknown as TokenClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-managed-'));
  store = new LocalStore(path.join(dir, 'client.db'));
});
afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

function services(policy: Parameters<typeof managedPolicy>[0]) {
  return new ClientServices({
    shell: 'browser',
    store,
    tokens,
    defaultServerUrl: 'http://127.0.0.1:8787',
    seed: { serverUrl: 'https://seeded.example', portal: 'sip' },
    policy: managedPolicy(policy),
    updateStatus: () => ({ mode: 'it' }),
    trust: posixMachineTrust({ driverFolders: ['/usr/lib'] }),
    printRegistrationForms: async () => new Uint8Array(),
  });
}
const call = async <T>(s: ClientServices, method: string, input: unknown = {}) => (await s.dispatch(method, input)) as Result<T>;

describe('settings managed by group policy', () => {
  it('shows the policy over the clerk, refuses changing a managed field and keeps the rest changeable', async () => {
    store.setSetting('serverUrl', 'https://clerk.example');
    store.setSetting('pkcs11Modules', ['/usr/lib/clerk.so']);
    const s = services({ ServerUrl: 'https://one.sipac.gov.cn', Pkcs11Modules: ['/usr/lib/policy.so'], Portal: 'beijing-sme' });
    expect(await call<Settings>(s, 'settings.get')).toEqual({ ok: true, value: { serverUrl: 'https://one.sipac.gov.cn', language: 'zh-CN', pkcs11Modules: ['/usr/lib/policy.so', '/usr/lib/clerk.so'], tsaUrl: '', portal: 'beijing-sme' } });
    expect(await call<ManagedState>(s, 'settings.managed')).toEqual({ ok: true, value: { managed: ['serverUrl', 'pkcs11Modules', 'portal'], managedDrivers: ['/usr/lib/policy.so'], portal: 'beijing-sme', update: { mode: 'it' } } });
    expect(await call(s, 'settings.update', { serverUrl: 'https://other.example' })).toMatchObject({ ok: false, error: { code: 'SETTING_MANAGED', details: { field: 'serverUrl' } } });
    expect(await call(s, 'settings.removeDriver', { path: '/usr/lib/policy.so' })).toMatchObject({ ok: false, error: { code: 'SETTING_MANAGED' } });
    // Saving the form unchanged (the managed field as shown) and changing what is not managed both work.
    expect(await call<Settings>(s, 'settings.update', { serverUrl: 'https://one.sipac.gov.cn', language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(await call<Settings>(s, 'settings.removeDriver', { path: '/usr/lib/clerk.so' })).toMatchObject({ ok: true, value: { pkcs11Modules: ['/usr/lib/policy.so'] } });
    // Only the clerk's own drivers are stored: when IT drops the policy, its driver goes with it.
    expect(store.getSetting('pkcs11Modules')).toEqual([]);
  });

  it('locks the server at what IT seeded when AllowServerChange is off, whatever the clerk saved', async () => {
    store.setSetting('serverUrl', 'https://clerk.example');
    const s = services({ AllowServerChange: false });
    expect(await call(s, 'settings.get')).toMatchObject({ ok: true, value: { serverUrl: 'https://seeded.example' } });
    expect(await call(s, 'settings.update', { serverUrl: 'https://clerk.example' })).toMatchObject({ ok: false, error: { code: 'SETTING_MANAGED' } });
    expect(await call(s, 'settings.managed')).toMatchObject({ ok: true, value: { managed: ['serverUrl'], portal: 'sip' } });
  });
});
