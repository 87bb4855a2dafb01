/**
 * The Beijing SME platform (manual 004, issue 16) over HTTP on both databases: platform accounts (one mobile, one
 * account), certification with a resident ID at once and with a passport through staff review within one working
 * day, 一证通 口令登录 binding the enterprise, "该企业已被其他用户绑定" with the holder masked, unbinding through the
 * staff queue, two accounts binding one enterprise at once, 一证通 password recovery, and who may call what.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { beijingHttpRoutes } from '@shared/contract/http/beijing';
import type { HttpRoute } from '@shared/contract/http/route';
import { describeEachDatabase } from '../../../tests/fixtures/server/databases';
import { solveCaptcha, staffToken } from '../../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../../tests/fixtures/server/harness';
import { lastSmsText } from '../../../tests/fixtures/server/store-reads';
import { newUploadToken, tusUpload } from '../../../tests/fixtures/server/uploads';
import {
  certificationBody,
  certify,
  knownEnterprise,
  newMobile,
  PLATFORM_PASSWORD,
  registerPlatformUser,
  yztLogin,
  type PlatformUser,
} from '../../../tests/fixtures/server/beijing';

const err = (res: { json(): unknown }) => (res.json() as { error: { code: string; issues?: { path: string; code: string; params?: Record<string, string> }[] } }).error;
const profileOf = (h: Harness, user: PlatformUser) => h.call({ method: 'GET', url: '/api/beijing/profile', token: user.token }).then((r) => r.json() as { binding: { code: string } | null; certification: { status: string; reviewDeadline: string | null } | null });

describeEachDatabase('Beijing SME platform', (engine) => {
  let h: Harness;
  let reviewer: string;

  beforeAll(async () => {
    h = await createHarness(engine, { config: { portal: 'beijing-sme', smsSign: '【北京中小企业】' } });
    reviewer = await staffToken(h, 'reviewer');
  });
  afterAll(() => h?.close());

  it('registers one account per mobile, proved by its code, and signs in by mobile and password', async () => {
    const user = await registerPlatformUser(h);
    expect(await profileOf(h, user)).toMatchObject({ certification: null, binding: null });

    const again = await h.call({ method: 'POST', url: '/api/beijing/codes', payload: { mobile: user.mobile, captcha: await solveCaptcha(h) } });
    expect(again.statusCode).toBe(429); // one code a minute per mobile
    h.clock.advance(61);
    const sent = await h.call({ method: 'POST', url: '/api/beijing/codes', payload: { mobile: user.mobile, captcha: await solveCaptcha(h) } });
    const code = /验证码(\d{6})/.exec(await lastSmsText(h.app, user.mobile))![1]!;
    const body = { mobile: user.mobile, codeId: (sent.json() as { codeId: string }).codeId, password: 'abc12345', nickname: '小李', userType: 'personal' };
    const wrong = await h.call({ method: 'POST', url: '/api/beijing/accounts', payload: { ...body, code: code === '000000' ? '111111' : '000000' } });
    expect(err(wrong).code).toBe('VERIFICATION_CODE_INVALID');
    const taken = await h.call({ method: 'POST', url: '/api/beijing/accounts', payload: { ...body, code } });
    expect(err(taken).code).toBe('PLATFORM_MOBILE_TAKEN');

    const weak = await h.call({ method: 'POST', url: '/api/beijing/accounts', payload: { ...body, mobile: newMobile(), code, password: 'abcdefgh' } });
    expect(err(weak).issues).toContainEqual(expect.objectContaining({ path: 'body.password', code: 'PLATFORM_PASSWORD_FORMAT' }));

    const login = (password: string) => h.call({ method: 'POST', url: '/api/beijing/login', payload: { mobile: user.mobile, password, captcha: undefined } });
    const bad = await h.call({ method: 'POST', url: '/api/beijing/login', payload: { mobile: user.mobile, password: 'nope1234', captcha: await solveCaptcha(h) } });
    expect(err(bad).code).toBe('PLATFORM_LOGIN_FAILED');
    expect((await login(PLATFORM_PASSWORD)).statusCode).toBe(400); // the captcha is required
    const ok = await h.call({ method: 'POST', url: '/api/beijing/login', payload: { mobile: user.mobile, password: PLATFORM_PASSWORD, captcha: await solveCaptcha(h) } });
    expect(ok.statusCode, ok.body).toBe(200);

    // A platform session reaches only the platform's routes; staff and enterprise routes refuse it, and its routes refuse staff.
    const enterpriseRoute = await h.call({ method: 'GET', url: `/api/enterprises/${randomUUID()}`, token: user.token });
    expect(err(enterpriseRoute).code).toBe('PLATFORM_SESSION_ONLY');
    expect((await h.call({ method: 'GET', url: '/api/beijing/profile', token: reviewer })).statusCode).toBe(403);
    expect((await h.call({ method: 'GET', url: '/api/staff/beijing/queue', token: user.token })).statusCode).toBe(403);
  });

  it('certifies with a resident ID at once, refuses a legal representative the platform does not know, and binds by 口令登录', async () => {
    const user = await registerPlatformUser(h);
    const e = knownEnterprise(h);
    const body = await certificationBody(h, e, `clerk.${e.code.slice(-6)}`);
    const mismatch = await certify(h, user, { ...body, legalRepresentative: { ...body.legalRepresentative, name: '李四' } });
    expect(mismatch.statusCode).toBe(422);
    expect(err(mismatch).code).toBe('LEGAL_REPRESENTATIVE_MISMATCH');

    const res = await certify(h, user, { ...body, captcha: await solveCaptcha(h) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ certification: { status: 'verified', reviewDeadline: null }, binding: null });
    expect(err(await yztLogin(h, user, body.yzt.username, 'wrong123')).code).toBe('YZT_LOGIN_FAILED');
    const bound = await yztLogin(h, user, body.yzt.username);
    expect(bound.statusCode, bound.body).toBe(200);
    expect((bound.json() as { binding: { code: string } }).binding.code).toBe(e.code);
  });

  it('a passport waits for staff within one working day; approval texts the clerk, then 口令登录 binds', async () => {
    const user = await registerPlatformUser(h);
    const e = knownEnterprise(h);
    const body = await certificationBody(h, e, `intl.${e.code.slice(-6)}`, { passport: true });
    const noScan = await certify(h, user, { ...body, documents: [], uploadToken: undefined });
    expect(err(noScan).code).toBe('CERTIFICATION_DOCUMENT_REQUIRED');
    const res = await certify(h, user, { ...body, captcha: await solveCaptcha(h) });
    expect(res.statusCode, res.body).toBe(200);
    const { certification } = res.json() as { certification: { id: string; status: string; reviewDeadline: string } };
    expect(certification.status).toBe('pending');
    expect(new Date(certification.reviewDeadline).getTime()).toBeGreaterThan(h.clock.now().getTime());
    expect(err(await yztLogin(h, user, body.yzt.username)).code).toBe('CERTIFICATION_PENDING');

    const queue = (await h.call({ method: 'GET', url: '/api/staff/beijing/queue', token: reviewer })).json() as { certifications: { id: string; reviewDeadline: string; documents: { sha256: string }[] }[] };
    const item = queue.certifications.find((c) => c.id === certification.id)!;
    expect(item.reviewDeadline).toBe(certification.reviewDeadline);
    const scan = await h.call({ method: 'GET', url: `/api/staff/beijing/documents/${item.documents[0]!.sha256}`, token: reviewer });
    expect(scan.statusCode).toBe(200);
    expect(scan.body).toContain('passport');
    const finance = await staffToken(h, 'finance');
    expect((await h.call({ method: 'GET', url: '/api/staff/beijing/queue', token: finance })).statusCode).toBe(403);

    const decide = (payload: object) => h.call({ method: 'POST', url: `/api/staff/beijing/certifications/${certification.id}/decision`, token: reviewer, payload });
    expect((await decide({ decision: 'approve' })).statusCode).toBe(200);
    expect(err(await decide({ decision: 'reject', reason: '证件模糊' })).code).toBe('BEIJING_ALREADY_DECIDED');
    expect(await lastSmsText(h.app, user.mobile)).toContain('审核通过');
    expect((await yztLogin(h, user, body.yzt.username)).statusCode).toBe(200);
    expect((await profileOf(h, user)).binding?.code).toBe(e.code);
  });

  it('a rejected certification frees its 一证通 username: the clerk tries again under the same name, and only the new one counts', async () => {
    const user = await registerPlatformUser(h);
    const e = knownEnterprise(h);
    const body = await certificationBody(h, e, `again.${e.code.slice(-6)}`, { passport: true });
    const first = (await certify(h, user, body)).json() as { certification: { id: string } };
    const other = await registerPlatformUser(h);
    // Held while pending: another account cannot take the name.
    const stranger = knownEnterprise(h);
    expect(err(await certify(h, other, await certificationBody(h, stranger, body.yzt.username))).code).toBe('YZT_USERNAME_TAKEN');
    const reject = await h.call({ method: 'POST', url: `/api/staff/beijing/certifications/${first.certification.id}/decision`, token: reviewer, payload: { decision: 'reject', reason: '证件模糊' } });
    expect(reject.statusCode).toBe(200);
    expect(err(await yztLogin(h, user, body.yzt.username)).code).toBe('CERTIFICATION_REJECTED');
    const again = await certify(h, user, await certificationBody(h, e, body.yzt.username));
    expect(again.statusCode, again.body).toBe(200);
    expect((await yztLogin(h, user, body.yzt.username)).statusCode).toBe(200);
    expect((await profileOf(h, user)).binding?.code).toBe(e.code);
  });

  it('refuses an enterprise another account holds, masked; an approved unbinding ends the old binding and the requester certifies', async () => {
    const first = await registerPlatformUser(h);
    const second = await registerPlatformUser(h);
    const e = knownEnterprise(h);
    const a = await certificationBody(h, e, `first.${e.code.slice(-6)}`);
    expect((await certify(h, first, a)).statusCode).toBe(200);
    expect((await yztLogin(h, first, a.yzt.username)).statusCode).toBe(200);

    const b = await certificationBody(h, e, `second.${e.code.slice(-6)}`);
    const refused = await certify(h, second, b);
    expect(refused.statusCode).toBe(409);
    expect(err(refused)).toMatchObject({ code: 'ENTERPRISE_BOUND', issues: [{ path: 'body.code', code: 'ENTERPRISE_BOUND', params: { boundTo: `${first.mobile.slice(0, 3)}****${first.mobile.slice(-4)}` } }] });
    // The first account's 一证通 login from the second platform account is refused the same way.
    expect(err(await yztLogin(h, second, a.yzt.username)).code).toBe('ENTERPRISE_BOUND');

    const uploadToken = await newUploadToken(h);
    const letter = await tusUpload(h, { uploadToken }, Buffer.from('%PDF-1.4\n% 解绑申请函\n%%EOF\n'));
    const request = { code: e.code, reason: '原办事人已离职，找不到原平台账号', contact: { name: '赵六', mobile: second.mobile }, documents: [letter], uploadToken };
    const filed = await h.call({ method: 'POST', url: '/api/beijing/unbinding-requests', token: second.token, payload: request });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(err(await h.call({ method: 'POST', url: '/api/beijing/unbinding-requests', token: second.token, payload: request })).code).toBe('UNBINDING_PENDING');

    const queue = (await h.call({ method: 'GET', url: '/api/staff/beijing/queue', token: reviewer })).json() as { unbindings: { id: string; code: string; boundMobile: string }[] };
    const item = queue.unbindings.find((u) => u.code === e.code)!;
    expect(item.boundMobile).toContain('****');
    const approved = await h.call({ method: 'POST', url: `/api/staff/beijing/unbinding-requests/${item.id}/decision`, token: reviewer, payload: { decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await lastSmsText(h.app, first.mobile)).toContain('绑定已按解绑申请解除');
    expect((await profileOf(h, first)).binding).toBeNull();

    expect((await certify(h, second, { ...b, captcha: await solveCaptcha(h) })).statusCode).toBe(200);
    expect((await yztLogin(h, second, b.yzt.username)).statusCode).toBe(200);
    expect((await profileOf(h, second)).binding?.code).toBe(e.code);
  });

  it('every Beijing route: anonymous 401, the other kind of session 403, malformed input a 4xx, never a 5xx', async () => {
    const user = await registerPlatformUser(h);
    const url = (path: string) => path.replace(/:certificationId|:requestId/, randomUUID()).replace(':sha256', 'a'.repeat(64));
    for (const route of beijingHttpRoutes as readonly HttpRoute[]) {
      const call = (token?: string, payload: unknown = { nonsense: [1, { deep: null }] }) =>
        h.call({ method: route.method, url: url(route.path), ...(token ? { token } : {}), ...(route.method === 'POST' ? { payload: payload as object } : {}) });
      const anonymous = await call();
      if (route.access.kind === 'public') {
        expect(anonymous.statusCode, route.path).toBe(400);
        continue;
      }
      expect(anonymous.statusCode, route.path).toBe(401);
      const other = await call(route.access.kind === 'platform' ? reviewer : user.token);
      expect(other.statusCode, route.path).toBe(403);
      const own = await call(route.access.kind === 'platform' ? user.token : reviewer);
      expect(own.statusCode, `${route.path} ${own.body}`).toBeLessThan(500);
      if (route.body) expect(own.statusCode, route.path).toBe(400);
    }
  });

  it('two accounts binding one enterprise at once: exactly one wins, the other hears 409', async () => {
    const e = knownEnterprise(h);
    const users = [await registerPlatformUser(h), await registerPlatformUser(h)];
    const names = [`race1.${e.code.slice(-6)}`, `race2.${e.code.slice(-6)}`];
    for (const [i, user] of users.entries()) expect((await certify(h, user, await certificationBody(h, e, names[i]!))).statusCode).toBe(200);
    const captchas = [await solveCaptcha(h), await solveCaptcha(h)];
    const results = await Promise.all(
      users.map((user, i) => h.call({ method: 'POST', url: '/api/beijing/yzt-login', token: user.token, payload: { username: names[i], password: 'yzt2026pass', captcha: captchas[i] } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(err(results.find((r) => r.statusCode === 409)!).code).toBe('ENTERPRISE_BOUND');
  });

  it('一证通 password recovery: a code to the account\u2019s own mobile sets a new 口令', async () => {
    const user = await registerPlatformUser(h);
    const none = await h.call({ method: 'POST', url: '/api/beijing/yzt-password/codes', token: user.token });
    expect(err(none).code).toBe('YZT_NOT_REGISTERED');
    const e = knownEnterprise(h);
    const body = await certificationBody(h, e, `forgot.${e.code.slice(-6)}`);
    expect((await certify(h, user, body)).statusCode).toBe(200);
    h.clock.advance(61);
    const sent = await h.call({ method: 'POST', url: '/api/beijing/yzt-password/codes', token: user.token });
    expect(sent.statusCode, sent.body).toBe(200);
    const code = /验证码(\d{6})/.exec(await lastSmsText(h.app, user.mobile))![1]!;
    const reset = await h.call({ method: 'POST', url: '/api/beijing/yzt-password', token: user.token, payload: { codeId: (sent.json() as { codeId: string }).codeId, code, password: 'newpass2026' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(err(await yztLogin(h, user, body.yzt.username)).code).toBe('YZT_LOGIN_FAILED');
    expect((await yztLogin(h, user, body.yzt.username, 'newpass2026')).statusCode).toBe(200);
  });
});

describeEachDatabase('Beijing routes on the SIP portal', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  it('do not exist there, nor in its OpenAPI document', async () => {
    expect((await h.call({ method: 'POST', url: '/api/beijing/login', payload: {} })).statusCode).toBe(404);
    const doc = (await h.call({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).some((p) => p.includes('beijing'))).toBe(false);
  });
});
