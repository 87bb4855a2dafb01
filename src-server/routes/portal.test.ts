/**
 * One server program, one portal per configuration (issue 16 part 1): `GET /api/portal` names it, only its flows'
 * routes exist, and nothing of another portal reaches its answers.
 */
import { beijingHttpRoutes } from '@shared/contract/http/beijing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTALS, type PortalId } from '@shared/portals/catalogue';
import type { HttpRoute } from '@shared/contract/http/route';
import * as counterRegistration from '@shared/contract/http/counter-registration';
import * as disbursement from '@shared/contract/http/disbursement';
import * as elicence from '@shared/contract/http/elicence';
import * as filing from '@shared/contract/http/filing';
import * as legacy from '@shared/contract/http/legacy';
import * as preRegistration from '@shared/contract/http/pre-registration';
import * as recovery from '@shared/contract/http/recovery';
import * as registration from '@shared/contract/http/registration';
import * as renewal from '@shared/contract/http/renewal';
import * as accountRequests from '@shared/contract/http/account-requests';
import * as subsidy from '@shared/contract/http/subsidy';
import { createEnterpriseWithAccounts, announceNewEnterprise } from '../domain/enterprise-create';
import { initialPasswordKey } from '../domain/initial-password-outbox';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { login } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { newIdentity } from '../../tests/fixtures/scenario';
import { lastSmsText } from '../../tests/fixtures/server/store-reads';
import { loadConfig } from '../config';

const routesOf = (module: Record<string, unknown>): HttpRoute[] =>
  Object.values(module).filter((v): v is HttpRoute => typeof v === 'object' && v !== null && 'path' in v && 'method' in v && 'access' in v);

/**
 * The contract modules of each portal's own flows. A portal's flows add theirs here (Beijing: its contract module),
 * and the test then proves the other portal's server has none of them.
 */
const OWN_ROUTES: { readonly [P in PortalId]: HttpRoute[] } = {
  sip: [registration, renewal, preRegistration, counterRegistration, elicence, legacy, recovery, accountRequests, filing, disbursement]
    .flatMap(routesOf)
    // The service-item list is every portal's (it lists the portal's own items); the subsidy's routes are SIP's.
    .concat(routesOf(subsidy).filter((r) => r !== subsidy.listServiceItemsRoute)),
  'beijing-sme': [...beijingHttpRoutes],
};

/** `/api/x/:id` as OpenAPI writes it, `/api/x/{id}`. */
const openApiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const hasRoute = (h: Harness, r: HttpRoute) => h.app.hasRoute({ method: r.method, url: r.path });

describe('TONGBAN_PORTAL', () => {
  it('defaults to sip, takes beijing-sme with its own SMS signature, and refuses an unknown portal', () => {
    expect(loadConfig({}).portal).toBe('sip');
    expect(loadConfig({}).smsSign).toBe('【园区一网通办】');
    expect(loadConfig({ TONGBAN_PORTAL: 'beijing-sme', TONGBAN_SMS_SIGN: '【北京中小企业】' })).toMatchObject({ portal: 'beijing-sme', smsSign: '【北京中小企业】' });
    // SIP's signature on a Beijing text would be a leak: without one of its own, a Beijing server does not start.
    expect(() => loadConfig({ TONGBAN_PORTAL: 'beijing-sme' })).toThrow(/TONGBAN_SMS_SIGN/);
    expect(() => loadConfig({ TONGBAN_PORTAL: 'shanghai' })).toThrow(/TONGBAN_PORTAL must be one of sip, beijing-sme/);
  });
});

describeEachDatabase('portals', (engine) => {
  const servers = {} as Record<PortalId, Harness>;
  beforeAll(async () => {
    servers.sip = await createHarness(engine);
    servers['beijing-sme'] = await createHarness(engine, { config: { portal: 'beijing-sme', smsSign: '【北京中小企业】' } });
  });
  afterAll(async () => {
    await servers.sip?.close();
    await servers['beijing-sme']?.close();
  });

  it('GET /api/portal says which portal the server is, publicly, from the catalogue', async () => {
    for (const id of ['sip', 'beijing-sme'] as const) {
      const res = await servers[id].call({ method: 'GET', url: '/api/portal' });
      expect(res.statusCode).toBe(200);
      const info = res.json() as { id: string; name: unknown; items: string[]; flows: string[]; contacts: { value: string }[] };
      expect(info).toMatchObject({ id, name: PORTALS[id].name, items: [...PORTALS[id].items], flows: [...PORTALS[id].flows] });
      expect(info.contacts.map((c) => c.value)).toEqual(PORTALS[id].contacts.map((c) => c.value));
    }
  });

  it("has only its own flows' routes: another portal's answer 404 ROUTE_NOT_FOUND with the usual error body", async () => {
    for (const [own, other] of [['sip', 'beijing-sme'], ['beijing-sme', 'sip']] as const) {
      for (const r of OWN_ROUTES[own]) {
        expect(hasRoute(servers[own], r), `${own} has ${r.method} ${r.path}`).toBe(true);
        expect(hasRoute(servers[other], r), `${other} lacks ${r.method} ${r.path}`).toBe(false);
      }
    }
    const res = await servers['beijing-sme'].call({ method: 'POST', url: '/api/registrations', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND', message: { 'zh-CN': expect.any(String), en: expect.any(String) }, retriable: false } });
    // The OpenAPI document lists what the server serves, and nothing of the other portal's.
    for (const [own, other] of [['sip', 'beijing-sme'], ['beijing-sme', 'sip']] as const) {
      const doc = (await servers[own].call({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
      for (const r of OWN_ROUTES[other]) expect(doc.paths[openApiPath(r.path)], `${own} document lacks ${r.path}`).toBeUndefined();
      for (const r of OWN_ROUTES[own]) expect(doc.paths[openApiPath(r.path)], `${own} document has ${r.path}`).toBeDefined();
    }
    // Sign-in and the enterprise's own pages are every portal's.
    expect((await servers['beijing-sme'].call({ method: 'POST', url: '/api/captcha' })).statusCode).toBe(200);
  });

  it("lists none of SIP's service items to a Beijing enterprise, even to its super, who holds every item", async () => {
    const h = servers['beijing-sme'];
    const { services } = h.app;
    const mobile = '13911112222';
    const created = await services.db.transaction().execute(async (tx) =>
      createEnterpriseWithAccounts(
        tx,
        { uscc: newIdentity().uscc, name: '北京星河科技有限公司', address: '北京市海淀区中关村大街1号', legalRepresentative: '李明', administrator: { name: '李明', mobile } },
        { actor: { type: 'system', id: null }, now: services.clock.now(), requestId: 'portal-test', outboxKey: await initialPasswordKey(services.config) },
      ),
    );
    await announceNewEnterprise(services, created, h.app.log);
    const superPassword = /超级用户账号\(super\)，密码\(([^)]+)\)/.exec(await lastSmsText(h.app, mobile))![1]!;
    const signedIn = await login(h, created.enterprise.uscc, 'super', superPassword);
    expect(signedIn.statusCode).toBe(200);
    const changed = await h.call({ method: 'POST', url: '/api/auth/password', token: (signedIn.json() as { token: string }).token, payload: { currentPassword: superPassword, newPassword: 'Beijing#Portal-2026' } });
    expect(changed.statusCode).toBe(200);
    const { token } = changed.json() as { token: string };
    const items = await h.call({ method: 'GET', url: `/api/enterprises/${created.enterpriseId}/service-items`, token });
    expect(items.statusCode).toBe(200);
    expect(items.json()).toEqual({ items: [] });
    // The Beijing server's texts carry its own signature, not SIP's.
    expect(await lastSmsText(h.app, mobile)).not.toContain('园区一网通办');
  });
});
