/**
 * Walks every operation of the OpenAPI document: who may call it (anonymous → 401, another enterprise → 404, a
 * staff member on an account route or an account on a staff route → 403, a handler without the role or item
 * permission → 403) and what malformed input gets (always a 4xx with a stable code, never a 5xx). A route added
 * to the contract is walked automatically.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteAccess } from '@shared/contract/http/route';
import { serverErrorCodes } from '@shared/errors/server';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { lastSms, pdfBytes, staffToken } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { itemOf, operations, type Operation } from '../../tests/fixtures/server/operations';
import { tusUpload } from '../../tests/fixtures/server/uploads';

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;

describeEachDatabase('every route is authorised and refuses malformed input with a 4xx', (engine) => {
  let h: Harness;
  let ops: Operation[];
  const tokens: Record<'staffAdmin' | 'staffReviewer' | 'superA' | 'adminA' | 'handlerA' | 'superB', string> = {} as never;
  let enterpriseA: string;
  let handlerId: string;
  let fileA: string;

  beforeAll(async () => {
    h = await createHarness(engine);
    tokens.staffAdmin = await staffToken(h, 'admin');
    tokens.staffReviewer = await staffToken(h, 'reviewer');
    const a = await h.scene.enterprise(await pkiKey(h.pki));
    const b = await h.scene.enterprise(await pkiKey(h.pki));
    enterpriseA = a.enterpriseId;
    tokens.superA = (await h.scene.signIn(a.uscc, 'super', a.superPassword)).token;
    tokens.adminA = (await a.admin()).token;
    tokens.superB = (await h.scene.signIn(b.uscc, 'super', b.superPassword)).token;
    const created = await h.call({
      method: 'POST',
      url: `/api/enterprises/${enterpriseA}/accounts`,
      token: tokens.adminA,
      payload: { username: 'clerk', role: 'handler', displayName: '王五', mobile: '13900001111', permissions: [] },
    });
    expect(created.statusCode, created.body).toBe(200);
    handlerId = (created.json() as { id: string }).id;
    const initial = /初始密码\(([^)]+)\)/.exec(await lastSms(h, '13900001111'))![1]!;
    tokens.handlerA = (await h.scene.signIn(a.uscc, 'clerk', initial)).token;
    fileA = (await tusUpload(h, { token: tokens.superA, item: 'subsidy' }, pdfBytes())).sha256;

    ops = await operations(h);
  });
  afterAll(() => h?.close());

  function urlOf(op: Operation, enterpriseId = enterpriseA): string {
    const path = op.path
      .replace('{enterpriseId}', enterpriseId)
      .replace('{accountId}', handlerId)
      .replace('{sha256}', fileA)
      .replace('{registrationId}', randomUUID())
      .replace(/\{(applicationId|linkId|bankAccountId|contactId|filingId)\}/g, () => randomUUID())
      .replace('{talentIndex}', '0')
      .replace('{uploadId}', randomUUID())
      .replace('{token}', 'T'.repeat(43));
    // Each route with its own service item, so a request gets past the item check to the route's own rules.
    return op.query.some((q) => q.name === 'item') ? `${path}?item=${itemOf(op)}` : path;
  }

  const send = (op: Operation, token?: string, enterpriseId?: string) =>
    h.call({ method: op.method, url: urlOf(op, enterpriseId), token, ...(op.jsonBody ? { payload: {} } : {}) });

  it('declares security on every operation, and the document covers the routes', () => {
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const op of ops) expect(Array.isArray(op.security), `${op.method} ${op.path}`).toBe(true);
  });

  it('refuses anonymous callers on every protected route (401), and a forged token too', async () => {
    for (const op of ops.filter((o) => o.security.length > 0)) {
      for (const token of [undefined, 'forged-token-forged-token-forged']) {
        const res = await send(op, token);
        // A HEAD answer has no body to carry the code: its status must say it.
        expect([res.statusCode, op.method === 'HEAD' ? 'AUTH_REQUIRED' : codeOf(res)], `${op.method} ${op.path}`).toEqual([401, 'AUTH_REQUIRED']);
      }
    }
  });

  it('never lets one enterprise reach another\u2019s data (404)', async () => {
    for (const op of ops.filter((o) => o.path.includes('{enterpriseId}') && o.access.kind !== 'staff')) {
      const res = await send(op, tokens.superB);
      expect([res.statusCode, codeOf(res)], `${op.method} ${op.path}`).toEqual([404, 'NOT_FOUND']);
    }
  });

  it('keeps staff routes from accounts and account routes from staff (403)', async () => {
    for (const op of ops) {
      if (op.access.kind === 'staff') {
        const res = await send(op, tokens.superA);
        expect([res.statusCode, codeOf(res)], `${op.method} ${op.path}`).toEqual([403, 'FORBIDDEN']);
        if (op.access.roles && !op.access.roles.includes('reviewer')) {
          const reviewer = await send(op, tokens.staffReviewer);
          expect([reviewer.statusCode, codeOf(reviewer)], `${op.method} ${op.path}`).toEqual([403, 'FORBIDDEN']);
        }
      }
      if (op.access.kind === 'account') {
        const res = await send(op, tokens.staffAdmin);
        expect([res.statusCode, codeOf(res)], `${op.method} ${op.path}`).toEqual([403, 'FORBIDDEN']);
      }
    }
  });

  it('refuses a handler what its role or item permissions do not allow (403)', async () => {
    let checked = 0;
    for (const op of ops.filter((o) => o.access.kind === 'account')) {
      const access = op.access as Extract<RouteAccess, { kind: 'account' }>;
      if (!(access.roles && !access.roles.includes('handler')) && !access.item) continue;
      const res = await send(op, tokens.handlerA);
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403);
      expect(['FORBIDDEN', 'PERMISSION_DENIED']).toContain(codeOf(res));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('lets staff read an enterprise\u2019s record and files', async () => {
    for (const op of ops.filter((o) => o.access.kind === 'enterpriseOrStaff')) {
      const res = await send(op, tokens.staffReviewer);
      expect(res.statusCode, `${op.method} ${op.path}: ${res.body}`).toBe(200);
    }
  });

  const malformed: { name: string; body: string; type: string }[] = [
    { name: 'truncated JSON', body: '{"a":', type: 'application/json' },
    { name: 'an array', body: '[1,2,3]', type: 'application/json' },
    { name: 'null', body: 'null', type: 'application/json' },
    { name: 'a string', body: '"x"', type: 'application/json' },
    { name: 'wrong types', body: JSON.stringify({ username: 1, password: [], csv: {}, payload: 'x', cms: 5, code: 123456, permissions: 'all', nonce: {}, token: [], captcha: 'x', enterprise: null, currentPassword: 1, newPassword: true, role: 'god' }), type: 'application/json' },
    { name: 'deep nesting', body: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000), type: 'application/json' },
    { name: 'prototype pollution', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', type: 'application/json' },
    { name: 'plain text', body: 'hello', type: 'text/plain' },
    { name: 'empty JSON', body: '', type: 'application/json' },
  ];

  it('answers malformed bodies on every route with a 4xx and a stable code, never a 5xx', async () => {
    const principal = (op: Operation) =>
      op.access.kind === 'public' ? undefined : op.access.kind === 'staff' ? tokens.staffAdmin : tokens.superA;
    for (const op of ops.filter((o) => o.method !== 'GET' && o.method !== 'HEAD')) {
      for (const m of malformed) {
        const res = await h.call({ method: op.method, url: urlOf(op), token: principal(op), headers: { 'content-type': m.type }, payload: m.body });
        const where = `${op.method} ${op.path} with ${m.name}: ${res.body}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        expect(serverErrorCodes, where).toContain(codeOf(res));
      }
    }
  });

  it('answers malformed path and query parameters with a 4xx', async () => {
    const bad = [
      ['GET', `/api/enterprises/not-a-uuid`, tokens.staffAdmin],
      ['GET', `/api/enterprises/${enterpriseA}/files/zz`, tokens.superA],
      ['GET', `/api/staff/sms-outbox?limit=-5`, tokens.staffAdmin],
      ['POST', `/api/registrations/not-a-uuid/confirm`, undefined],
    ] as const;
    for (const [method, url, token] of bad) {
      const res = await h.call({ method, url, token, payload: method === 'POST' ? { code: '123456' } : undefined });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
    }
  });
});
