/**
 * The cross-tenant walk (issue 17 item 14): two enterprises with something real behind every id, and every route
 * called by each account of enterprise B with enterprise A's real ids — in A's path and in B's own path. None may
 * answer 2xx, and everything A can read is byte-for-byte the same afterwards. Staff routes are called by every
 * staff role the contract does not admit (403). A route added to the contract is walked automatically.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffRoleSchema } from '@shared/contract/http/route';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { itemOf, operations, PUBLIC_IDS, urlOf, type Operation } from '../../tests/fixtures/server/operations';
import { arbitraryFor } from '../../tests/fixtures/server/schema-arbitrary';
import { staffOfEveryRole, tenant, type Tenant } from '../../tests/fixtures/server/tenants';

/** Route parameters that are capabilities by design, not tenant data: a registration's id, a phone link's token. */
const codeOf = (res: { body: string }) => {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};


describeEachDatabase('no enterprise reaches another\u2019s data, no staff role reaches beyond its duties', (engine) => {
  let h: Harness;
  let ops: Operation[];
  let a: Tenant;
  let b: Tenant;
  let staff: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness(engine);
    a = await tenant(h, 'a');
    b = await tenant(h, 'b');
    staff = await staffOfEveryRole(h);
    ops = await operations(h);
  });
  afterAll(() => h?.close());

  const queryOf = (op: Operation): Record<string, string> => (op.query.some((q) => q.name === 'item') ? { item: itemOf(op) } : {});
  /** Bodies that would do something if the route let the caller through: fitting the schema, a few of them. */
  const bodiesOf = (op: Operation): (object | undefined)[] =>
    op.jsonBody ? [{}, ...fc.sample(arbitraryFor(op.jsonBody, {}, 0), { numRuns: 3, seed: 17 })].map((v) => v as object) : [undefined];

  /** What enterprise A's super can read, by route and URL. */
  async function readableByA(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const op of ops.filter((o) => o.method === 'GET' && (o.access.kind === 'account' || o.access.kind === 'enterpriseOrStaff'))) {
      const url = urlOf(op, a.ids, queryOf(op));
      const res = await h.call({ method: 'GET', url, token: a.sessions.super.token });
      // A generated PDF carries its generation time: only JSON answers are compared byte for byte.
      const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
      out[url] = `${res.statusCode} ${json ? res.body : res.headers['content-type']}`;
    }
    return out;
  }

  it('refuses every account of B on every route with A\u2019s ids, and A\u2019s data is unchanged', async () => {
    const before = await readableByA();
    expect(Object.values(before).filter((v) => v.startsWith('200')).length).toBeGreaterThanOrEqual(15);
    const walked: string[] = [];
    for (const op of ops) {
      const tenantIds = op.pathParams.filter((p) => !PUBLIC_IDS.has(p));
      if (tenantIds.length === 0 || op.access.kind === 'staff' || op.access.kind === 'public' || op.access.kind === 'legacy') continue;
      // A's ids everywhere, and B's enterprise with A's objects inside it.
      const urls = [urlOf(op, a.ids, queryOf(op))];
      if (tenantIds.length > 1 && tenantIds.includes('enterpriseId')) urls.push(urlOf(op, { ...a.ids, enterpriseId: b.ids.enterpriseId! }, queryOf(op)));
      for (const session of Object.values(b.sessions)) {
        for (const url of urls) {
          for (const payload of bodiesOf(op)) {
            const headers = op.rawBody ? { 'content-type': op.rawBody[0]!, 'tus-resumable': '1.0.0', 'upload-offset': '0' } : { 'tus-resumable': '1.0.0' };
            const res = await h.call({ method: op.method, url, token: session.token, headers, ...(payload !== undefined ? { payload } : op.rawBody ? { payload: Buffer.from('%PDF-1.4 walk') } : {}) });
            expect(res.statusCode, `${session.username} of B: ${op.method} ${url} → ${res.body}`).toBeGreaterThanOrEqual(400);
            expect(res.statusCode, `${op.method} ${url}`).toBeLessThan(500);
          }
        }
      }
      walked.push(`${op.method} ${op.path}`);
    }
    expect(walked.length).toBeGreaterThanOrEqual(30);
    expect(await readableByA()).toEqual(before);
  });

  it('never shows A’s records in what B’s accounts read with their own ids (lists included)', async () => {
    const secrets = [a.enterprise.uscc, a.enterprise.name, ...Object.entries(a.ids).filter(([k]) => !PUBLIC_IDS.has(k)).map(([, v]) => v)];
    let read = 0;
    for (const op of ops.filter((o) => o.method === 'GET' && (o.access.kind === 'account' || o.access.kind === 'enterpriseOrStaff'))) {
      for (const session of Object.values(b.sessions)) {
        const res = await h.call({ method: 'GET', url: urlOf(op, b.ids, queryOf(op)), token: session.token });
        if (res.statusCode === 200) read++;
        for (const secret of secrets) expect(res.body.includes(secret), `${session.username} of B: GET ${op.path} shows ${secret}`).toBe(false);
      }
    }
    expect(read).toBeGreaterThanOrEqual(20);
  });

  it('refuses every staff role the contract does not name on each staff route (403), and lets the named ones past authorisation', async () => {
    let refused = 0;
    for (const op of ops.filter((o) => o.access.kind === 'staff')) {
      const access = op.access as Extract<Operation['access'], { kind: 'staff' }>;
      for (const role of staffRoleSchema.options) {
        const url = urlOf(op, a.ids, queryOf(op));
        const res = await h.call({ method: op.method, url, token: staff[role], ...(op.jsonBody ? { payload: {} } : {}) });
        const where = `${role}: ${op.method} ${op.path} → ${res.body}`;
        if (access.roles && !access.roles.includes(role)) {
          expect([res.statusCode, codeOf(res)], where).toEqual([403, 'FORBIDDEN']);
          refused++;
        } else {
          // Past the role check: whatever the route then says about this request, it is not the role refusal.
          expect(codeOf(res), where).not.toBe('FORBIDDEN');
          expect(res.statusCode, where).toBeLessThan(500);
        }
      }
    }
    expect(refused).toBeGreaterThanOrEqual(20);
  });
});
