import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { ADMIN_ID_NUMBER, ADMIN_MOBILE, importRegistry, lastSms, login, newEnterprise, pdfBytes, registrationPayload, signedRegistration, staffToken, uploadRegistrationScans } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { newUploadToken, tusUploadResponse } from '../../tests/fixtures/server/uploads';
import type { IssueOptions } from '../../tests/fixtures/server/pki';

describeEachDatabase('CA registration', (engine) => {
  let h: Harness;
  let staff: string;
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h);
  });
  afterAll(() => h?.close());

  /** Submits a registration for a registry-listed enterprise, varying the certificate or the payload. */
  async function submit(opts: { cert?: Partial<IssueOptions>; payload?: Record<string, unknown>; registry?: 'active' | 'revoked' | 'absent' } = {}) {
    const e = newEnterprise();
    if (opts.registry !== 'absent') await importRegistry(h, staff, [e], opts.registry ?? 'active');
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name, ...opts.cert });
    const body = await signedRegistration(signer, registrationPayload(e, await uploadRegistrationScans(h), opts.payload));
    return h.call({ method: 'POST', url: '/api/registrations', payload: body });
  }

  const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

  it('registers an enterprise: SMS code, then admin and super with initial passwords by SMS, changed at first login', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const sms = await lastSms(h, ADMIN_MOBILE);
    expect(sms).toContain(`您申请注册的（${e.name}）企业，已注册成功`);
    expect(e.adminPassword).not.toBe(e.superPassword);

    const first = await login(h, e.uscc, 'admin', e.adminPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ mustChangePassword: true, account: { role: 'admin', enterpriseId: e.enterpriseId } });
    // Until the initial password is changed, nothing but the change is allowed — and reading the enterprise's own
    // record, so the change screen can name the company (walk-through item 15).
    const blocked = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}/accounts`, token: first.json().token });
    expect(blocked.statusCode).toBe(403);
    expect(codeOf(blocked)).toBe('PASSWORD_CHANGE_REQUIRED');
    const record = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}`, token: first.json().token });
    expect(record.json()).toMatchObject({ name: e.name });

    const session = await h.scene.signIn(e.name, 'super', e.superPassword);
    const own = await h.call({ method: 'GET', url: `/api/enterprises/${e.enterpriseId}`, token: session.token });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ uscc: e.uscc, name: e.name, legalRepresentative: e.legalRepresentative });
  });

  it('accepts EC P-256 keys and Suzhou CA certificates', async () => {
    const res = await submit({ cert: { keyType: 'EC', profile: 'suzhou-ca' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mobile: '138****5678' });
  });

  it('refuses an enterprise that is already registered, with the recovery paths as hint', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const body = await signedRegistration(signer, registrationPayload(e, await uploadRegistrationScans(h)));
    const res = await h.call({ method: 'POST', url: '/api/registrations', payload: body });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ENTERPRISE_ALREADY_REGISTERED', hint: { 'zh-CN': expect.stringContaining('重置') } });
  });

  it('refuses a USCC that is not in the registry, or not active there', async () => {
    const absent = await submit({ registry: 'absent' });
    expect([absent.statusCode, codeOf(absent)]).toEqual([422, 'REGISTRY_NO_MATCH']);
    const revoked = await submit({ registry: 'revoked' });
    expect([revoked.statusCode, codeOf(revoked)]).toEqual([422, 'REGISTRY_INACTIVE']);
  });

  it('refuses a name that differs from the registry', async () => {
    const res = await submit({ payload: { enterprise: undefined } });
    expect(res.statusCode).toBe(400);
    const e = newEnterprise();
    await importRegistry(h, staff, [e]);
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const wrong = registrationPayload({ ...e, name: '苏州别的公司' }, await uploadRegistrationScans(h));
    const res2 = await h.call({ method: 'POST', url: '/api/registrations', payload: await signedRegistration(signer, wrong) });
    expect(codeOf(res2)).toBe('REGISTRY_NO_MATCH');
  });

  it('refuses certificates from an untrusted CA, expired ones, and ones that may not sign', async () => {
    const untrusted = await submit({ cert: { profile: 'untrusted' } });
    expect([untrusted.statusCode, codeOf(untrusted)]).toEqual([422, 'CERT_UNTRUSTED']);
    const day = 86_400_000;
    const expired = await submit({ cert: { notBefore: new Date(Date.now() - 800 * day), notAfter: new Date(Date.now() - day) } });
    expect([expired.statusCode, codeOf(expired)]).toEqual([422, 'CERT_EXPIRED']);
    const keyEncipherOnly = await submit({ cert: { keyUsage: 0x20 /* keyEncipherment */ } });
    expect([keyEncipherOnly.statusCode, codeOf(keyEncipherOnly)]).toEqual([422, 'CERT_KEY_USAGE']);
  });

  it('refuses a certificate without a USCC, or with another USCC than the form', async () => {
    const none = await submit({ cert: { uscc: null } });
    expect([none.statusCode, codeOf(none)]).toEqual([422, 'CERT_NO_USCC']);
    const other = await submit({ cert: { uscc: newEnterprise().uscc } });
    expect([other.statusCode, codeOf(other)]).toEqual([422, 'CERT_USCC_MISMATCH']);
  });

  it('refuses a USCC with a wrong check digit with the validator\u2019s code', async () => {
    const e = newEnterprise();
    const bad = e.uscc.slice(0, 17) + (e.uscc[17] === '0' ? '1' : '0');
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const payload = registrationPayload({ ...e, uscc: bad }, await uploadRegistrationScans(h));
    const res = await h.call({ method: 'POST', url: '/api/registrations', payload: await signedRegistration(signer, payload) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BODY_INVALID', issues: [{ path: 'body.payload.enterprise.uscc', code: 'USCC_CHECK_DIGIT' }] });
  });

  it('refuses a signature over different content, and a CMS that is not one', async () => {
    const e = newEnterprise();
    await importRegistry(h, staff, [e]);
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const attachments = await uploadRegistrationScans(h);
    const signed = await signedRegistration(signer, registrationPayload(e, attachments));
    const tampered = { ...signed, payload: { ...(signed.payload as object), administrator: { name: '王五', idNumber: ADMIN_ID_NUMBER, mobile: '13900000000' } } };
    const res = await h.call({ method: 'POST', url: '/api/registrations', payload: tampered });
    expect([res.statusCode, codeOf(res)]).toEqual([422, 'SIGNATURE_INVALID']);
    const garbage = await h.call({ method: 'POST', url: '/api/registrations', payload: { ...signed, cms: Buffer.from('not a cms').toString('base64') } });
    expect([garbage.statusCode, codeOf(garbage)]).toEqual([400, 'SIGNATURE_MALFORMED']);
  });

  it('refuses missing scans', async () => {
    const e = newEnterprise();
    await importRegistry(h, staff, [e]);
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const scans = (await uploadRegistrationScans(h)).slice(1);
    const res = await h.call({ method: 'POST', url: '/api/registrations', payload: await signedRegistration(signer, registrationPayload(e, scans)) });
    expect([res.statusCode, codeOf(res)]).toEqual([422, 'ATTACHMENT_MISSING']);
  });

  it('answers a retried submit with the same registration, and refuses the key reused for other content', async () => {
    const e = newEnterprise();
    await importRegistry(h, staff, [e]);
    const signer = await h.pki.issue({ uscc: e.uscc, name: e.name });
    const payload = registrationPayload(e, await uploadRegistrationScans(h));
    const body = await signedRegistration(signer, payload);
    const a = await h.call({ method: 'POST', url: '/api/registrations', payload: body });
    const b = await h.call({ method: 'POST', url: '/api/registrations', payload: body });
    expect(b.json().registrationId).toBe(a.json().registrationId);
    const other = await signedRegistration(signer, { ...payload, signedAt: new Date(Date.now() + 1000).toISOString() });
    const c = await h.call({ method: 'POST', url: '/api/registrations', payload: other });
    expect([c.statusCode, codeOf(c)]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
  });

  it('refuses a wrong SMS code, locks after five, and expires codes after 10 minutes', async () => {
    const res = await submit();
    const { registrationId } = res.json();
    const url = `/api/registrations/${registrationId}/confirm`;
    const code = /验证码 (\d{6})/.exec(await lastSms(h))![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await h.call({ method: 'POST', url, payload: { code: wrong } });
      expect(codeOf(r)).toBe('SMS_CODE_INVALID');
    }
    const locked = await h.call({ method: 'POST', url, payload: { code } });
    expect(codeOf(locked)).toBe('SMS_CODE_INVALID');

    // A resend within a minute is refused; after it, a fresh code works — unless it is left to expire.
    const early = await h.call({ method: 'POST', url: `/api/registrations/${registrationId}/code` });
    expect(codeOf(early)).toBe('RATE_LIMITED');
    h.clock.advance(61);
    const resent = await h.call({ method: 'POST', url: `/api/registrations/${registrationId}/code` });
    expect(resent.statusCode).toBe(200);
    const fresh = /验证码 (\d{6})/.exec(await lastSms(h))![1]!;
    h.clock.advance(601);
    const late = await h.call({ method: 'POST', url, payload: { code: fresh } });
    expect(codeOf(late)).toBe('SMS_CODE_INVALID');
  });
});

describeEachDatabase('anonymous registration limits', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { config: { anonymousLimits: { uploadsPerHour: 3, submitsPerHour: 2 } } });
  });
  afterAll(() => h?.close());

  it('limits scan uploads per address and hour, so one address cannot fill the disk', async () => {
    const uploadToken = await newUploadToken(h);
    const up = () => tusUploadResponse(h, { uploadToken }, pdfBytes());
    for (let i = 0; i < 3; i++) expect((await up()).statusCode).toBe(200);
    const over = await up();
    expect([over.statusCode, over.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(3601);
    expect((await up()).statusCode).toBe(200);
  });

  it('limits registration submits per address and hour, so one address cannot spend the SMS budget', async () => {
    const payload = registrationPayload(newEnterprise(), []);
    const submit = () => h.call({ method: 'POST', url: '/api/registrations', payload: { payload, cms: 'AAAA', uploadToken: 'T'.repeat(43) } });
    expect((await submit()).json().error.code).toBe('SIGNATURE_MALFORMED');
    expect((await submit()).json().error.code).toBe('SIGNATURE_MALFORMED');
    expect((await submit()).json().error.code).toBe('RATE_LIMITED');
  });
});
