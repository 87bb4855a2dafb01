import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { login, solveCaptcha, staffToken, STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { webEidToken } from '../../tests/fixtures/server/pki';

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describeEachDatabase('password login and sessions', (engine) => {
  let h: Harness;
  let staff: string;
  let e: PkiEnterprise;
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h);
    e = await h.scene.enterprise(await pkiKey(h.pki));
  });
  afterAll(() => h?.close());

  it('signs in by USCC or by registered name, and the session says who it is', async () => {
    const byUscc = await login(h, e.uscc, 'super', e.superPassword);
    expect(byUscc.statusCode).toBe(200);
    expect((await login(h, e.name, 'super', e.superPassword)).statusCode).toBe(200);
    const me = await h.call({ method: 'GET', url: '/api/auth/session', token: (byUscc.json() as { token: string }).token });
    expect(me.json()).toMatchObject({ kind: 'account', mustChangePassword: true, account: { username: 'super', role: 'super', enterpriseId: e.enterpriseId } });
    const staffMe = await h.call({ method: 'GET', url: '/api/auth/session', token: staff });
    expect(staffMe.json()).toMatchObject({ kind: 'staff', staff: { role: 'admin' } });
  });

  it('refuses a wrong captcha, a reused one and an expired one', async () => {
    const captcha = await solveCaptcha(h);
    const payload = { enterprise: e.uscc, username: 'super', password: e.superPassword };
    const wrong = await h.call({ method: 'POST', url: '/api/auth/login', payload: { ...payload, captcha: { ...captcha, answer: 'ZZZZZ9' } } });
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([400, 'CAPTCHA_INVALID']);
    // The wrong guess spent the captcha: the right answer no longer works.
    const reused = await h.call({ method: 'POST', url: '/api/auth/login', payload: { ...payload, captcha } });
    expect(codeOf(reused)).toBe('CAPTCHA_INVALID');
    const stale = await solveCaptcha(h);
    h.clock.advance(301);
    const expired = await h.call({ method: 'POST', url: '/api/auth/login', payload: { ...payload, captcha: stale } });
    expect(codeOf(expired)).toBe('CAPTCHA_INVALID');
  });

  it('serves the captcha as a PNG image', async () => {
    const res = await h.call({ method: 'POST', url: '/api/captcha' });
    const png = Buffer.from((res.json() as { image: string }).image.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(res.body).not.toContain((await h.app.services.db.selectFrom('captchas').select('answer').orderBy('expires_at', 'desc').executeTakeFirstOrThrow()).answer);
  });

  it('answers the same LOGIN_FAILED for an unknown enterprise, user or password', async () => {
    for (const [enterprise, username, password] of [
      ['不存在的公司', 'super', e.superPassword],
      [e.uscc, 'nobody', e.superPassword],
      [e.uscc, 'super', 'Wrong-password-1'],
    ]) {
      const res = await login(h, enterprise!, username!, password!);
      expect([res.statusCode, codeOf(res)]).toEqual([401, 'LOGIN_FAILED']);
    }
  });

  it('makes an account wait after five wrong passwords, even with the right one, and lets it in after the wait', async () => {
    const victim = await h.scene.enterprise(await pkiKey(h.pki));
    for (let i = 0; i < 5; i++) expect(codeOf(await login(h, victim.uscc, 'admin', `Wrong-password-${i}`))).toBe('LOGIN_FAILED');
    const locked = await login(h, victim.uscc, 'admin', victim.adminPassword);
    expect([locked.statusCode, codeOf(locked)]).toEqual([429, 'LOGIN_THROTTLED']);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(15 * 60 + 1);
    expect((await login(h, victim.uscc, 'admin', victim.adminPassword)).statusCode).toBe(200);
  });

  it('enforces the password policy and revokes every session on a change', async () => {
    const other = await h.scene.enterprise(await pkiKey(h.pki));
    const first = await login(h, other.uscc, 'admin', other.adminPassword);
    const token = (first.json() as { token: string }).token;
    const second = (await login(h, other.uscc, 'admin', other.adminPassword)).json() as { token: string };
    for (const weak of ['short1!A', 'alllowercaseletters', 'admin-Admin-123']) {
      const res = await h.call({ method: 'POST', url: '/api/auth/password', token, payload: { currentPassword: other.adminPassword, newPassword: weak } });
      expect(codeOf(res)).toBe('PASSWORD_POLICY');
    }
    const wrongCurrent = await h.call({ method: 'POST', url: '/api/auth/password', token, payload: { currentPassword: 'nope', newPassword: STRONG_PASSWORD } });
    expect(codeOf(wrongCurrent)).toBe('PASSWORD_CURRENT_WRONG');
    const changed = await h.call({ method: 'POST', url: '/api/auth/password', token, payload: { currentPassword: other.adminPassword, newPassword: STRONG_PASSWORD } });
    expect(changed.statusCode).toBe(200);
    for (const old of [token, second.token]) {
      const res = await h.call({ method: 'GET', url: `/api/enterprises/${other.enterpriseId}`, token: old });
      expect([res.statusCode, codeOf(res)]).toEqual([401, 'SESSION_EXPIRED']);
    }
    const fresh = await h.call({ method: 'GET', url: `/api/enterprises/${other.enterpriseId}`, token: (changed.json() as { token: string }).token });
    expect(fresh.statusCode).toBe(200);
  });

  it('expires sessions after 30 idle minutes and 12 hours in all, and on logout', async () => {
    const { token } = await h.scene.signIn(e.uscc, 'super', e.superPassword, 'Another#Pass-2026');
    e.superPassword = 'Another#Pass-2026';
    const read = () => h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}`, token });
    h.clock.advance(29 * 60);
    expect((await read()).statusCode).toBe(200);
    h.clock.advance(31 * 60);
    expect(codeOf(await read())).toBe('SESSION_EXPIRED');

    const busy = (await login(h, e.uscc, 'super', e.superPassword)).json() as { token: string };
    for (let i = 0; i < 25; i++) {
      h.clock.advance(29 * 60);
      await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}`, token: busy.token });
    }
    const late = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}`, token: busy.token });
    expect(codeOf(late)).toBe('SESSION_EXPIRED');

    const third = (await login(h, e.uscc, 'super', e.superPassword)).json() as { token: string };
    expect((await h.call({ method: 'POST', url: '/api/auth/logout', token: third.token })).statusCode).toBe(200);
    expect(codeOf(await h.call({ method: 'POST', url: '/api/auth/logout', token: third.token }))).toBe('SESSION_EXPIRED');
  });
});

describeEachDatabase('CA-key login (Web eID 1.0)', (engine) => {
  let h: Harness;
  let rsa: PkiEnterprise;
  let ec: PkiEnterprise;
  beforeAll(async () => {
    h = await createHarness(engine);
    rsa = await h.scene.enterprise(await pkiKey(h.pki));
    ec = await h.scene.enterprise(await pkiKey(h.pki, { cert: { keyType: 'EC', profile: 'suzhou-ca' } }));
  });
  afterAll(() => h?.close());

  async function challenge() {
    const res = await h.call({ method: 'POST', url: '/api/auth/ca/challenge' });
    expect(res.json()).toMatchObject({ origin: TEST_ORIGIN });
    return (res.json() as { nonce: string }).nonce;
  }

  it('opens a session for the admin account the certificate was bound to (RS256 and ES256)', async () => {
    for (const e of [rsa, ec]) {
      const nonce = await challenge();
      const token = await webEidToken(e.signer, TEST_ORIGIN, nonce);
      const res = await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ account: { username: 'admin', enterpriseId: e.enterpriseId } });
    }
  });

  it('uses each nonce once and only for two minutes', async () => {
    const nonce = await challenge();
    const token = await webEidToken(rsa.signer, TEST_ORIGIN, nonce);
    expect((await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token } })).statusCode).toBe(200);
    const replay = await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token } });
    expect([replay.statusCode, codeOf(replay)]).toEqual([401, 'CA_NONCE_INVALID']);
    const old = await challenge();
    h.clock.advance(121);
    const late = await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce: old, token: await webEidToken(rsa.signer, TEST_ORIGIN, old) } });
    expect(codeOf(late)).toBe('CA_NONCE_INVALID');
  });

  it('refuses a token signed for another origin or another nonce', async () => {
    const nonce = await challenge();
    const phished = await webEidToken(rsa.signer, 'https://evil.example', nonce);
    expect(codeOf(await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token: phished } }))).toBe('CA_TOKEN_INVALID');
    const n2 = await challenge();
    const otherNonce = await webEidToken(rsa.signer, TEST_ORIGIN, `${n2}x`);
    expect(codeOf(await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce: n2, token: otherNonce } }))).toBe('CA_TOKEN_INVALID');
  });

  it('refuses a certificate that is untrusted, expired, or bound to no account', async () => {
    const cases = [
      [{ profile: 'untrusted' as const, uscc: rsa.uscc }, 'CERT_UNTRUSTED'],
      [{ uscc: rsa.uscc, notBefore: new Date(Date.now() - 9e10), notAfter: new Date(Date.now() - 1e9) }, 'CERT_EXPIRED'],
      [{ uscc: rsa.uscc }, 'CA_CERT_NOT_BOUND'],
    ] as const;
    for (const [cert, code] of cases) {
      const signer = await h.pki.issue(cert);
      const nonce = await challenge();
      const res = await h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token: await webEidToken(signer, TEST_ORIGIN, nonce) } });
      expect(codeOf(res)).toBe(code);
    }
  });
});
