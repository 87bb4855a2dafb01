/**
 * The desktop's portals (issue 16 part 1) against two real servers, SIP and Beijing SME: the first start knows
 * none, a server of another portal is refused, switching signs out and each portal keeps its own drafts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownPortal, Settings } from '@shared/contract/client-api';
import { PORTALS } from '@shared/portals/catalogue';
import { call, value } from '../../tests/fixtures/client-world';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import { pkiKey, portalLink, scenario, type ScenarioEnterprise } from '../../tests/fixtures/scenario';
import { getTestPki } from '../../tests/fixtures/server/pki';
import type { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';
import type { SeedSettings } from './seed-settings';

// No key is used here: a token service that has none.
const noTokens = { on() {}, off() {}, call: async () => ({ ok: true, value: [] }), setSettingsModules: async () => {} } as unknown as TokenClient;

let dir: string;
let sip: Portal;
let beijing: Portal;
let enterprise: ScenarioEnterprise;
const stores: LocalStore[] = [];

function client(opts: { seed?: SeedSettings; file?: string } = {}) {
  const store = new LocalStore(opts.file ?? path.join(dir, `client-${stores.length}.db`));
  stores.push(store);
  return new ClientServices({ shell: 'browser', store, tokens: noTokens, defaultServerUrl: 'http://127.0.0.1:9', ...(opts.seed ? { seed: opts.seed } : {}), printRegistrationForms: async () => new Uint8Array() });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-portals-'));
  const pki = await getTestPki();
  [sip, beijing] = await Promise.all([startPortal({ roots: pki.roots }), startPortal({ roots: pki.roots, portal: 'beijing-sme' })]);
  enterprise = await scenario(portalLink(sip)).enterprise(await pkiKey(pki));
}, 120_000);

afterAll(async () => {
  for (const s of stores) s.close();
  await Promise.all([sip?.close(), beijing?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('portals on the desktop', () => {
  it('asks on a first start, refuses a server of another portal, and keeps each portal\'s drafts when switching', async () => {
    const s = client();
    expect(value(await call<Settings>(s, 'settings.get')).portal).toBeNull();
    const known = value(await call<{ current: null; portals: KnownPortal[] }>(s, 'portals.known'));
    expect(known).toEqual({ current: null, portals: [{ id: 'sip', serverUrl: PORTALS.sip.serverUrl, configured: false }, { id: 'beijing-sme', serverUrl: PORTALS['beijing-sme'].serverUrl, configured: false }] });

    // The Beijing portal chosen, the SIP server given: told before anything is typed into it.
    expect(await call(s, 'portals.choose', { portal: 'beijing-sme', serverUrl: sip.url })).toMatchObject({ ok: false, error: { code: 'PORTAL_MISMATCH', details: { chosen: 'beijing-sme', server: 'sip' } } });
    expect(value(await call<Settings>(s, 'settings.get')).portal).toBeNull();
    // Plain http off this machine is refused by the contract's URL rule, as in Settings.
    expect(await call(s, 'portals.choose', { portal: 'sip', serverUrl: 'http://one.sipac.gov.cn' })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });

    expect(value(await call<Settings>(s, 'portals.choose', { portal: 'sip', serverUrl: sip.url }))).toMatchObject({ portal: 'sip', serverUrl: sip.url });
    value(await call(s, 'drafts.save', { key: 'registration', data: { name: 'SIP draft' } }));
    const c = value(await call<{ captchaId: string }>(s, 'auth.captcha'));
    value(await call(s, 'auth.login', { enterprise: enterprise.uscc, username: 'super', password: enterprise.superPassword, captchaId: c.captchaId, captchaAnswer: await sip.captchaAnswer(c.captchaId) }));
    expect(value(await call(s, 'auth.session'))).toMatchObject({ username: 'super' });

    value(await call(s, 'portals.choose', { portal: 'beijing-sme', serverUrl: beijing.url }));
    expect(value(await call(s, 'auth.session'))).toBeNull();
    expect(value(await call<{ id: string; items: string[] }>(s, 'portals.server'))).toMatchObject({ id: 'beijing-sme', items: [] });
    expect(value(await call(s, 'drafts.load', { key: 'registration' }))).toBeNull();
    value(await call(s, 'drafts.save', { key: 'registration', data: { name: 'Beijing draft' } }));

    const both = value(await call<{ current: string; portals: KnownPortal[] }>(s, 'portals.known'));
    expect(both).toEqual({ current: 'beijing-sme', portals: [{ id: 'sip', serverUrl: sip.url, configured: true }, { id: 'beijing-sme', serverUrl: beijing.url, configured: true }] });
    value(await call(s, 'portals.choose', { portal: 'sip', serverUrl: both.portals[0]!.serverUrl }));
    expect(value(await call<{ data: unknown }>(s, 'drafts.load', { key: 'registration' }))?.data).toEqual({ name: 'SIP draft' });

    // Settings pointed at a server of the other portal: the login screen's check says so.
    value(await call(s, 'settings.update', { serverUrl: beijing.url }));
    expect(await call(s, 'portals.server')).toMatchObject({ ok: false, error: { code: 'PORTAL_MISMATCH', details: { chosen: 'sip', server: 'beijing-sme' } } });
  });

  it("takes IT's seeded portal, and treats an install from before portals (a server already set) as SIP's", async () => {
    const seeded = client({ seed: { portal: 'beijing-sme', serverUrl: beijing.url } });
    expect(value(await call<Settings>(seeded, 'settings.get'))).toMatchObject({ portal: 'beijing-sme', serverUrl: beijing.url });
    expect(value(await call<{ id: string }>(seeded, 'portals.server')).id).toBe('beijing-sme');

    const file = path.join(dir, 'older.db');
    const older = new LocalStore(file);
    older.setSetting('serverUrl', sip.url);
    older.close();
    expect(value(await call<Settings>(client({ file }), 'settings.get')).portal).toBe('sip');
  });
});
