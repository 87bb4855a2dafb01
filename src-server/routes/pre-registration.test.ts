import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { preRegistrationRequirements } from '@shared/contract/http/pre-registration';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { ADMIN_ID_NUMBER, importRegistry, lastSms, login, newEnterprise, pdfBytes, staffToken, type TestEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { newUploadToken, tusUpload } from '../../tests/fixtures/server/uploads';
import { runHousekeeping } from '../domain/housekeeping';
import { SimulatedIdentityVerifier } from '../verification/identity';

/** The legal representative the registry fixture lists (张三, ADMIN_ID_NUMBER) and the identity service knows. */
const REP_MOBILE = '13912345678';
const ADMIN_MOBILE = '13812341234';

describeEachDatabase('online pre-registration', (engine) => {
  let h: Harness;
  let staff: string;
  let staffAdmin: string;
  beforeAll(async () => {
    h = await createHarness(engine);
    staff = await staffToken(h, 'support');
    staffAdmin = await staffToken(h, 'admin');
    const identity = h.app.services.identity;
    if (!(identity instanceof SimulatedIdentityVerifier)) throw new Error('the harness must run the simulated identity service');
    identity.addPerson({ name: '张三', idNumber: ADMIN_ID_NUMBER, mobile: REP_MOBILE });
  });
  afterAll(() => h?.close());

  const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
  const newSecret = () => randomBytes(32).toString('base64url');

  async function scans(uploadToken: string, only: readonly string[] = preRegistrationRequirements) {
    const out = [];
    for (const requirement of only) out.push({ requirement, ...(await tusUpload(h, { uploadToken }, pdfBytes(requirement))) });
    return out;
  }

  function form(e: TestEnterprise, over: { rep?: Partial<{ name: string; idNumber: string; mobile: string }>; adminName?: string } = {}) {
    return {
      enterprise: { uscc: e.uscc, name: e.name, address: e.address },
      legalRepresentative: { name: e.legalRepresentative, idNumber: ADMIN_ID_NUMBER, mobile: REP_MOBILE, ...over.rep },
      administrator: { name: over.adminName ?? '李四', idNumber: ADMIN_ID_NUMBER, mobile: ADMIN_MOBILE },
    };
  }

  /** A registry-listed enterprise's complete submission body. */
  async function submission(opts: { registry?: boolean; rep?: Partial<{ name: string; idNumber: string; mobile: string }> } = {}) {
    const e = newEnterprise();
    if (opts.registry !== false) await importRegistry(h, staffAdmin, [e]);
    const uploadToken = await newUploadToken(h);
    return { e, body: { secret: newSecret(), uploadToken, form: form(e, { rep: opts.rep }), attachments: await scans(uploadToken) } };
  }

  const submit = (body: object) => h.call({ method: 'POST', url: '/api/pre-registrations', payload: body });
  const view = (id: string, secret: string) => h.call({ method: 'POST', url: `/api/pre-registrations/${id}/view`, payload: { secret } });
  const decide = (id: string, action: 'approve' | 'refuse', token = staff, reason?: string) =>
    h.call({ method: 'POST', url: `/api/staff/pre-registrations/${id}/${action}`, token, ...(reason ? { payload: { reason } } : {}) });

  it('goes submitted → refused with a reason → corrected and resubmitted → approved, then the admin logs in with the SMS password', async () => {
    const { e, body } = await submission();
    const first = await submit(body);
    expect(first.statusCode, first.body).toBe(200);
    const id = first.json().preRegistrationId as string;
    expect(first.json()).toMatchObject({ status: 'submitted', administratorMobile: '138****1234', reference: expect.stringMatching(/^YZ[2-9A-Z]{10}$/) });

    const queue = await h.call({ method: 'GET', url: `/api/staff/pre-registrations?status=submitted&q=${e.uscc}`, token: staff });
    expect(queue.json()).toMatchObject({ total: 1, requests: [{ preRegistrationId: id, enterpriseName: e.name }] });
    const scan = body.attachments[0]!;
    const file = await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}/files/${scan.sha256}`, token: staff });
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);

    const refused = await decide(id, 'refuse', staff, '营业执照扫描件不清晰，请重新上传');
    expect(refused.json()).toMatchObject({ status: 'refused', allowedActions: [] });
    expect(await lastSms(h, ADMIN_MOBILE)).toContain('已被退回');
    const seen = await view(id, body.secret);
    expect(seen.json()).toMatchObject({ status: 'refused', refusalReason: '营业执照扫描件不清晰，请重新上传' });

    // The same request, corrected: a new licence scan under a new attempt's token, the other scans kept.
    const token2 = await newUploadToken(h);
    const [licence] = await scans(token2, ['businessLicence']);
    const corrected = { ...body, uploadToken: token2, form: form(e, { adminName: '李四四' }), attachments: [licence!, ...body.attachments.slice(1)] };
    const again = await h.call({ method: 'PUT', url: `/api/pre-registrations/${id}`, payload: corrected });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ preRegistrationId: id, status: 'resubmitted', refusalReason: null, form: { administrator: { name: '李四四' } } });
    expect(again.json().history.map((x: { action: string }) => x.action)).toEqual(['submit', 'refuse', 'resubmit']);
    // Staff still open the scan the correction replaced: the history is kept.
    const old = await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}/files/${scan.sha256}`, token: staff });
    expect(old.statusCode).toBe(200);

    const approved = await decide(id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', enterpriseId: expect.any(String) });
    const sms = await lastSms(h, ADMIN_MOBILE);
    expect(sms).toContain(`您申请注册的（${e.name}）企业，已注册成功`);
    const adminPassword = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(sms)![1]!;
    const signedIn = await login(h, e.uscc, 'admin', adminPassword);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({ mustChangePassword: true, account: { role: 'admin', enterpriseId: approved.json().enterpriseId } });
    expect((await view(id, body.secret)).json()).toMatchObject({ status: 'approved' });

    const audit = await h.app.services.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['pre_registration.submit', 'pre_registration.refuse', 'pre_registration.resubmit', 'pre_registration.approve']);
    expect(codeOf(await decide(id, 'approve'))).toBe('PRE_REGISTRATION_NOT_PENDING');
    expect(codeOf(await h.call({ method: 'PUT', url: `/api/pre-registrations/${id}`, payload: corrected }))).toBe('PRE_REGISTRATION_NOT_REFUSED');
  });

  it('refuses each of the manual\u2019s three failures with its own code and the other ways in', async () => {
    const notHeld = await submit((await submission({ rep: { mobile: '13900001111' } })).body);
    expect([notHeld.statusCode, codeOf(notHeld)]).toEqual([422, 'PRE_REGISTRATION_IDENTITY_MISMATCH']);
    expect(notHeld.json().error.hint['zh-CN']).toContain('0512-66680236');
    const carrier = await submit((await submission({ rep: { mobile: '17012345678' } })).body);
    expect([carrier.statusCode, codeOf(carrier)]).toEqual([422, 'PRE_REGISTRATION_CARRIER_UNKNOWN']);
    const notListed = await submit((await submission({ registry: false })).body);
    expect([notListed.statusCode, codeOf(notListed)]).toEqual([422, 'PRE_REGISTRATION_REGISTRY_MISMATCH']);
    expect(notListed.json().error.hint['zh-CN']).toContain('二楼52号窗口');
  });

  it('refuses an enterprise already registered (with the recovery hint), and a second request while one is under review', async () => {
    const registered = await h.scene.enterprise(await pkiKey(h.pki));
    const { body } = await submission();
    const taken = { ...body, form: { ...body.form, enterprise: { ...body.form.enterprise, uscc: registered.uscc } } };
    const res = await submit(taken);
    expect([res.statusCode, codeOf(res)]).toEqual([409, 'ENTERPRISE_ALREADY_REGISTERED']);
    expect(res.json().error.hint['zh-CN']).toContain('重置');

    const { e, body: one } = await submission();
    expect((await submit(one)).statusCode).toBe(200);
    const token = await newUploadToken(h);
    const two = await submit({ secret: newSecret(), uploadToken: token, form: form(e), attachments: await scans(token) });
    expect([two.statusCode, codeOf(two)]).toEqual([409, 'PRE_REGISTRATION_PENDING']);
  });

  it('answers a resend with the same request, and refuses the same secret for another form', async () => {
    const { body } = await submission();
    const a = await submit(body);
    const b = await submit(body);
    expect(b.json().preRegistrationId).toBe(a.json().preRegistrationId);
    const other = await submit({ ...body, form: { ...body.form, administrator: { ...body.form.administrator, name: '王五' } } });
    expect(codeOf(other)).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses missing scans, scans of another attempt, and invalid identifiers with the validators\u2019 codes', async () => {
    const { body } = await submission();
    const short = await submit({ ...body, attachments: body.attachments.filter((a) => a.requirement !== 'authorisationLetter') });
    expect(short.json().error).toMatchObject({ code: 'ATTACHMENT_MISSING', issues: [{ path: 'body.attachments.authorisationLetter', code: 'ATTACHMENT_REQUIRED' }] });
    const foreign = await submit({ ...body, uploadToken: await newUploadToken(h) });
    expect(foreign.json().error).toMatchObject({ code: 'ATTACHMENT_MISSING', issues: [{ code: 'NOT_UPLOADED_UNDER_TOKEN' }] });
    const badId = await submit({ ...body, form: { ...body.form, legalRepresentative: { ...body.form.legalRepresentative, idNumber: '110101199003074570' } } });
    expect(badId.json().error).toMatchObject({ code: 'BODY_INVALID', issues: [{ path: 'body.form.legalRepresentative.idNumber', code: 'ID_CHECK_DIGIT' }] });
  });

  it('shows a request only to the holder of its secret, and the review only to support and admin staff', async () => {
    const { body } = await submission();
    const id = (await submit(body)).json().preRegistrationId as string;
    expect((await view(id, newSecret())).statusCode).toBe(404);

    const anonymousQueue = await h.call({ method: 'GET', url: '/api/staff/pre-registrations' });
    expect(anonymousQueue.statusCode).toBe(401);
    for (const role of ['reviewer', 'finance'] as const) {
      const other = await staffToken(h, role);
      expect((await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}`, token: other })).statusCode).toBe(403);
      expect((await decide(id, 'approve', other)).statusCode).toBe(403);
    }
    const enterprise = await h.scene.enterprise(await pkiKey(h.pki));
    const account = await h.scene.signIn(enterprise.name, 'super', enterprise.superPassword);
    expect((await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}`, token: account.token })).statusCode).toBe(403);
    expect((await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}`, token: staffAdmin })).statusCode).toBe(200);

    // A file the request never listed is not reachable through it.
    const { body: another } = await submission();
    const res = await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}/files/${another.attachments[0]!.sha256}`, token: staff });
    expect(res.statusCode).toBe(404);
    expect(codeOf(await decide(id, 'refuse', staff, ' '))).toBe('BODY_INVALID');
  });

  // Last: it moves the clock past the retention.
  it('keeps a request’s scans through housekeeping however long the review takes', async () => {
    const { body } = await submission();
    const id = (await submit(body)).json().preRegistrationId as string;
    h.clock.advance(30 * 86_400);
    await runHousekeeping(h.app.services);
    const res = await h.call({ method: 'GET', url: `/api/staff/pre-registrations/${id}/files/${body.attachments[0]!.sha256}`, token: await staffToken(h, 'support') });
    expect(res.statusCode).toBe(200);
  });
});
