import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginRoute } from '@shared/contract/http/auth';
import { defineRoute } from '@shared/contract/http/route';
import { listSubsidiesRoute } from '@shared/contract/http/subsidy';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import { PortalClient } from './portal-client';

// What the clerk's error is made of, from real answers: the platform server itself for its own errors, and a bare
// Fastify standing in for what sits between (a proxy's HTML 502, a server that says "do not retry" on a 5xx).
let portal: Portal;
let between: FastifyInstance;
let betweenUrl: string;
const enterpriseId = '00000000-0000-4000-8000-000000000001';

const probe = (path: string) => defineRoute({ method: 'GET', path, operationId: 'probe', summary: 'probe', tag: 'test', access: { kind: 'public' } });

beforeAll(async () => {
  portal = await startPortal({ roots: [] });
  between = Fastify();
  between.get('/gateway', async (_req, reply) => reply.code(502).header('content-type', 'text/html').send('<html><body><h1>502 Bad Gateway</h1>nginx</body></html>'));
  between.get('/empty', async (_req, reply) => reply.code(504).header('x-request-id', 'edge-7').send());
  between.get('/not-now', async (_req, reply) =>
    reply.code(503).send({ error: { code: 'MAINTENANCE', message: { 'zh-CN': '维护中', en: 'Maintenance' }, retriable: false, requestId: 'req-503' } }),
  );
  between.get('/challenge', async (_req, reply) =>
    reply.code(401).header('x-request-id', 'hdr-401').send({ error: { code: 'CA_NONCE_INVALID', message: { 'zh-CN': '失效', en: 'Stale' }, retriable: true } }),
  );
  betweenUrl = await between.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await between?.close();
  await portal?.close();
});

describe('PortalClient keeps what the server said', () => {
  it('returns every field issue of a refused body, with the request id the server logged it under', async () => {
    const client = new PortalClient(portal.url);
    const r = await client.call(loginRoute, { body: { enterprise: '', username: '', password: '', captcha: { captchaId: 'x', answer: '' } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'BODY_INVALID', retriable: false });
    expect(r.error.requestId).toMatch(/\S/);
    expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['body.enterprise', 'body.username', 'body.password', 'body.captcha.captchaId', 'body.captcha.answer']));
    expect(r.error.issues?.find((i) => i.path === 'body.enterprise')?.code).toBe('REQUIRED');
    expect(r.error.details).toBeUndefined();
  });

  it('sends the service item in the query the route declares, and refuses a wrong one before sending', async () => {
    const client = new PortalClient(portal.url);
    // Not signed in: the server answers (so the URL reached it) with its own code and request id.
    expect(await client.call(listSubsidiesRoute, { params: { enterpriseId }, query: { item: 'subsidy' } })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED', retriable: false, requestId: expect.any(String) } });
    const wrong = await client.call(listSubsidiesRoute, { params: { enterpriseId }, query: { item: 'disbursement' } });
    expect(wrong).toEqual({ ok: false, error: { code: 'INPUT_INVALID', retriable: false, issues: [{ path: 'query.item', code: 'CHOICE_INVALID' }] } });
    const none = await client.call(listSubsidiesRoute, { params: { enterpriseId } });
    expect(none).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', issues: [{ path: 'query.item', code: 'REQUIRED' }] } });
  });

  it('keeps the server’s retriable flag instead of guessing it from the status', async () => {
    const client = new PortalClient(betweenUrl);
    expect(await client.call(probe('/not-now'))).toEqual({ ok: false, error: { code: 'MAINTENANCE', retriable: false, requestId: 'req-503' } });
    expect(await client.call(probe('/challenge'))).toEqual({ ok: false, error: { code: 'CA_NONCE_INVALID', retriable: true, requestId: 'hdr-401' } });
  });

  it('tells an answer that is not the portal’s from no answer at all', async () => {
    const client = new PortalClient(betweenUrl);
    expect(await client.call(probe('/gateway'))).toEqual({ ok: false, error: { code: 'SERVER_ANSWER_UNREADABLE', retriable: true, details: { status: 502 } } });
    expect(await client.download(probe('/empty'))).toEqual({ ok: false, error: { code: 'SERVER_ANSWER_UNREADABLE', retriable: true, details: { status: 504 }, requestId: 'edge-7' } });
    const closed = Fastify();
    const url = await closed.listen({ port: 0, host: '127.0.0.1' });
    await closed.close();
    expect(await new PortalClient(url, { timeoutMs: 2_000 }).call(probe('/gateway'))).toEqual({ ok: false, error: { code: 'SERVER_UNREACHABLE', retriable: true } });
  });
});
