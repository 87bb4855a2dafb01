/**
 * The standing fuzz (issue 17 item 14): requests generated from the OpenAPI document — bodies and query strings
 * from each operation's JSON Schema with hostile values mixed in at any depth, path ids from two real tenants,
 * random ones and junk — sent with valid sessions of every enterprise role and every staff role and none. Every
 * answer must be a 2xx that fits the route's contract or a 4xx with a stable error code; never a 5xx; and an
 * account of one enterprise never gets a 2xx on another's ids. The harness validates every answer against its
 * schema (a mismatch would be a 500), and this test parses 2xx answers again on its side.
 *
 * Runs: `TONGBAN_FUZZ_RUNS` (default 10,000 on SQLite, a quarter of it on PostgreSQL), seed `TONGBAN_FUZZ_SEED` (printed on failure, with the
 * shrunk request, so a finding can be replayed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffRoleSchema } from '@shared/contract/http/route';
import { serverErrorCodes } from '@shared/errors/server';
import { createSession } from '../domain/sessions';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { itemOf, operations, PUBLIC_IDS, urlOf, type Operation } from '../../tests/fixtures/server/operations';
import { arbitraryFor, hostileStrings, jsonText, type Hints } from '../../tests/fixtures/server/schema-arbitrary';
import { staffOfEveryRole, tenant, type Tenant } from '../../tests/fixtures/server/tenants';

const RUNS_SQLITE = Number(process.env.TONGBAN_FUZZ_RUNS ?? 10_000);
const SEED = process.env.TONGBAN_FUZZ_SEED ? Number(process.env.TONGBAN_FUZZ_SEED) : undefined;

interface Principal {
  name: string;
  token?: string;
  /** The enterprise whose ids are its own (accounts), or none (staff, anonymous). */
  own?: Tenant;
  subject?: { type: 'account' | 'staff'; id: string };
}

describeEachDatabase('every route, fuzzed from the OpenAPI document', (engine) => {
  // PostgreSQL answers each request several times slower; a quarter of the runs there keeps CI under its budget
  // while the engine-specific paths (constraints, locks, text with NUL) are still hit hundreds of times.
  const RUNS = engine === 'sqlite' ? RUNS_SQLITE : Math.ceil(RUNS_SQLITE / 4);
  let h: Harness;
  let ops: Operation[];
  let a: Tenant;
  let b: Tenant;
  let principals: Principal[];
  let hints: Hints;

  beforeAll(async () => {
    h = await createHarness(engine);
    a = await tenant(h, 'a');
    b = await tenant(h, 'b');
    const staff = await staffOfEveryRole(h);
    ops = (await operations(h)).filter((op) => op.path !== '/api/openapi.json');
    const staffIds = await h.app.services.db.selectFrom('staff_accounts').select(['id', 'username']).execute();
    principals = [
      { name: 'anonymous' },
      ...(['super', 'admin', 'handler'] as const).map((role) => ({ name: `${role} of A`, token: a.sessions[role].token, own: a, subject: { type: 'account' as const, id: a.sessions[role].accountId } })),
      { name: 'super of B', token: b.sessions.super.token, own: b, subject: { type: 'account', id: b.sessions.super.accountId } },
      ...staffRoleSchema.options.map((role) => ({ name: `staff ${role}`, token: staff[role], subject: { type: 'staff' as const, id: staffIds.find((s) => s.username.startsWith(`staff-${role}-`))!.id } })),
    ];
    // Real values for fields checked by code rather than by a pattern, so the fuzz gets past those checks too.
    hints = {
      uscc: [a.enterprise.uscc, b.enterprise.uscc, '91320594MA1YY8Q29X'],
      enterprise: [a.enterprise.uscc, a.enterprise.name],
      username: ['admin', 'super', 'clerk-a'],
      mobile: ['13812345678', '16212345678'],
      idNumber: ['110101199003074578'],
      sha256: [a.ids.sha256!, b.ids.sha256!],
      applicationId: [a.ids.applicationId!, b.ids.applicationId!],
      bankAccountId: [a.ids.bankAccountId!, b.ids.bankAccountId!],
      contactId: [a.ids.contactId!, b.ids.contactId!],
      item: ['subsidy', 'disbursement'],
    };
  });
  afterAll(() => h?.close());

  /** A principal's session may have been ended by a fuzzed request (a reset, a logout): a new one for the same subject. */
  async function keepAlive(p: Principal) {
    if (!p.subject) return;
    const probe = await h.call({ method: 'GET', url: '/api/auth/session', token: p.token });
    if (probe.statusCode === 200) return;
    const db = h.app.services.db;
    const table = p.subject.type === 'account' ? 'accounts' : 'staff_accounts';
    await db.updateTable(table).set({ must_change_password: 0 }).where('id', '=', p.subject.id).execute();
    p.token = (await createSession(db, p.subject, h.clock.now())).token;
  }

  const idsArb = fc.constantFrom<'a' | 'b' | 'random' | 'junk'>('a', 'a', 'b', 'random', 'junk');

  const requestArb = () =>
    fc
      .record({ opIndex: fc.nat({ max: ops.length - 1 }), principal: fc.nat({ max: principals.length - 1 }), ids: idsArb, junk: fc.constantFrom(...hostileStrings.filter((s) => s.length < 100)) })
      .chain(({ opIndex, principal, ids, junk }) => {
        const op = ops[opIndex]!;
        return fc.record({
          opIndex: fc.constant(opIndex),
          principal: fc.constant(principal),
          ids: fc.constant(ids),
          junk: fc.constant(junk),
          // Everything random comes from fast-check, so a seed replays a finding exactly.
          inOwn: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
          length: fc.nat({ max: 2_000_000 }),
          ip: fc.nat(),
          media: fc.nat(),
          body: op.jsonBody ? fc.oneof({ arbitrary: arbitraryFor(op.jsonBody, hints, 0.03), weight: 9 }, { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }) : fc.constant(undefined),
          query: fc.record(Object.fromEntries(op.query.map((q) => [q.name, q.name === 'item' ? fc.constantFrom(itemOf(op), 'subsidy', 'nonsense') : arbitraryFor(q.schema, hints, 0.05, 0, q.name).map(String)])), {
            requiredKeys: op.query.filter((q) => q.required).map((q) => q.name),
          }),
        });
      });

  it(`answers ${RUNS} generated requests with a 2xx that fits the contract or a 4xx with a stable code, and never crosses tenants`, { timeout: 1_800_000 }, async () => {
    const byStatus: Record<string, number> = {};
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requestArb(), async ({ opIndex, principal, ids, junk, inOwn, length, ip, media, body, query }) => {
        const op = ops[opIndex]!;
        const p = principals[principal]!;
        if (++sent % 200 === 0) for (const q of principals) await keepAlive(q);
        const idSource = ids === 'a' ? a.ids : ids === 'b' ? b.ids : ids === 'random' ? {} : Object.fromEntries(op.pathParams.map((n) => [n, junk]));
        // Accounts mostly act inside their own enterprise (else almost every request would stop at the tenant check).
        const own = p.own && ids !== 'junk' ? { ...idSource, enterpriseId: (inOwn ? p.own : ids === 'b' ? b : a).ids.enterpriseId! } : idSource;
        const url = urlOf(op, own as Record<string, string>, query as Record<string, string>);
        const headers: Record<string, string> = { 'tus-resumable': '1.0.0', 'upload-length': String(length), 'upload-offset': '0' };
        if (op.rawBody) headers['content-type'] = op.rawBody[media % op.rawBody.length]!;
        const payload = op.jsonBody ? jsonText(body) : op.rawBody ? Buffer.from(`%PDF-1.4 fuzz ${junk}`) : undefined;
        if (op.jsonBody) headers['content-type'] = 'application/json';
        const res = await h.call({ method: op.method, url, token: p.token, headers, remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`, ...(payload !== undefined ? { payload } : {}) });
        byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
        const where = `${p.name}: ${op.method} ${url} ${payload === undefined ? '' : String(payload).slice(0, 500)} → ${res.statusCode} ${res.body.slice(0, 500)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        const json = String(res.headers['content-type'] ?? '').startsWith('application/json') && op.method !== 'HEAD';
        if (res.statusCode >= 400 && json) expect(serverErrorCodes, where).toContain((res.json() as { error?: { code?: string } }).error?.code);
        if (res.statusCode < 300 && json && op.route.response) expect(op.route.response.safeParse(res.json()).success, where).toBe(true);
        // A's real ids in the request of an account of another enterprise: never a success.
        const foreign = p.own && p.own !== a && op.pathParams.some((n) => !PUBLIC_IDS.has(n) && url.includes(encodeURIComponent(a.ids[n] ?? '\u0000')));
        if (foreign) expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true },
    );
    // The fuzz must reach the routes' own rules, not stop at the door: successes and several kinds of refusal.
    expect(byStatus['200'] ?? 0, JSON.stringify(byStatus)).toBeGreaterThan(RUNS / 50);
    expect(Object.keys(byStatus).length, JSON.stringify(byStatus)).toBeGreaterThanOrEqual(5);
  });
});
