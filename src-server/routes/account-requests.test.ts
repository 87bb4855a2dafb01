import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AccountRequestForm } from '@shared/contract/http/account-requests';
import { newIdentity, pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { ADMIN_ID_NUMBER, lastSms, login, pdfBytes, STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { newUploadToken, tusUpload } from '../../tests/fixtures/server/uploads';
import type {} from '../db/schema-requests';

const NEW_ADMIN_MOBILE = '13912340001';
const FILER_MOBILE = '13912340002';
const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;

describeEachDatabase('requests to the portal staff (账户变更申请)', (engine) => {
  let h: Harness;
  let support: string;
  let e: PkiEnterprise;
  let other: PkiEnterprise;
  let superToken: string;
  beforeAll(async () => {
    h = await createHarness(engine);
    support = (await h.scene.staff('support')).token;
    e = await h.scene.enterprise(await pkiKey(h.pki));
    other = await h.scene.enterprise(await pkiKey(h.pki));
    superToken = (await h.scene.signIn(e.uscc, 'super', e.superPassword)).token;
  });
  afterAll(() => h?.close());

  const steps = () => h.scene.accountRequests;
  const adminChange = (ent: { uscc: string; name: string }, over: Partial<{ name: string; mobile: string }> = {}): AccountRequestForm => ({
    kind: 'administratorChange',
    enterprise: { uscc: ent.uscc, name: ent.name },
    administrator: { name: over.name ?? '周新', idNumber: ADMIN_ID_NUMBER, mobile: over.mobile ?? NEW_ADMIN_MOBILE },
    filer: { name: '张伟', mobile: FILER_MOBILE },
  });
  const decide = (id: string, action: 'approve' | 'refuse', reason?: string, token = support) =>
    h.call({ method: 'POST', url: `/api/staff/account-requests/${id}/${action}`, token, ...(reason ? { payload: { reason } } : {}) });
  const mine = (token: string, id = '') => h.call({ method: 'GET', url: `/api/enterprise/account-requests${id ? `/${id}` : ''}`, token });
  const whoAmI = (token: string) => h.call({ method: 'GET', url: '/api/auth/session', token });

  it('changes the administrator: super files, staff refuse, super corrects, staff approve; the new person signs in as admin with the SMS password', async () => {
    const oldAdmin = await e.admin();
    const filed = await steps().file(adminChange(e, { name: '周旧写错' }), { token: superToken });
    // One administrator request per enterprise waits at a time; the administrator does not file its own change.
    expect(codeOf(await h.call({ method: 'POST', url: '/api/enterprise/account-requests', token: superToken, payload: { ...(await fresh(adminChange(e))) } }))).toBe('ACCOUNT_REQUEST_PENDING');
    expect(codeOf(await h.call({ method: 'POST', url: '/api/enterprise/account-requests', token: oldAdmin.token, payload: await fresh(adminChange(e)) }))).toBe('ACCOUNT_REQUEST_NOT_ALLOWED');

    const queue = await h.call({ method: 'GET', url: `/api/staff/account-requests?status=submitted&kind=administratorChange&q=${e.uscc}`, token: support });
    expect(queue.json()).toMatchObject({ total: 1, requests: [{ requestId: filed.requestId, enterpriseName: e.name }] });
    const seen = await h.call({ method: 'GET', url: `/api/staff/account-requests/${filed.requestId}`, token: support });
    expect(seen.json()).toMatchObject({ filedBy: 'super', filerMobile: FILER_MOBILE, enterprise: { enterpriseId: e.enterpriseId, administratorName: '王喆' }, allowedActions: ['approve', 'refuse'] });
    const scan = await h.call({ method: 'GET', url: `/api/staff/account-requests/${filed.requestId}/files/${filed.attachments[0]!.sha256}`, token: support });
    expect([scan.statusCode, scan.headers['content-type']]).toEqual([200, 'application/pdf']);
    // A reviewer (subsidy staff) has no business here.
    const reviewer = (await h.scene.staff('reviewer')).token;
    expect((await h.call({ method: 'GET', url: `/api/staff/account-requests/${filed.requestId}`, token: reviewer })).statusCode).toBe(403);

    expect((await decide(filed.requestId, 'refuse', '新管理员姓名与身份证不一致')).json()).toMatchObject({ status: 'refused', allowedActions: [] });
    expect(await lastSms(h, FILER_MOBILE)).toContain('已被退回');
    expect((await mine(superToken, filed.requestId)).json()).toMatchObject({ status: 'refused', refusalReason: '新管理员姓名与身份证不一致' });
    // Another enterprise neither lists nor reads it.
    const otherSuper = (await h.scene.signIn(other.uscc, 'super', other.superPassword)).token;
    expect((await mine(otherSuper)).json()).toEqual({ requests: [] });
    expect(codeOf(await mine(otherSuper, filed.requestId))).toBe('NOT_FOUND');

    // Corrected: the same scans kept, the name fixed; the same request, its history kept.
    const corrected = await h.call({
      method: 'PUT',
      url: `/api/enterprise/account-requests/${filed.requestId}`,
      token: superToken,
      payload: { secret: randomBytes(32).toString('base64url'), uploadToken: filed.uploadToken, form: adminChange(e), attachments: filed.attachments },
    });
    expect(corrected.json()).toMatchObject({ status: 'resubmitted', history: [{ action: 'submit' }, { action: 'refuse' }, { action: 'resubmit' }] });

    const approved = await decide(filed.requestId, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', allowedActions: [] });
    const sms = await lastSms(h, NEW_ADMIN_MOBILE);
    const password = /账号\(admin\)，初始密码\(([^)]+)\)/.exec(sms)![1]!;
    expect(await lastSms(h, FILER_MOBILE)).toContain('已审核通过');

    // The old administrator's session ended at once, and the old password no longer opens the account.
    expect((await whoAmI(oldAdmin.token)).statusCode).toBe(401);
    expect(codeOf(await login(h, e.uscc, 'admin', STRONG_PASSWORD))).toBe('LOGIN_FAILED');
    const first = await login(h, e.uscc, 'admin', password);
    expect(first.json()).toMatchObject({ mustChangePassword: true, account: { username: 'admin' } });
    const history = await h.app.services.db.selectFrom('administrator_history').selectAll().where('enterprise_id', '=', e.enterpriseId).execute();
    expect(history).toMatchObject([{ display_name: '王喆', request_id: filed.requestId }]);
    const audit = await h.app.services.db.selectFrom('audit_log').select('action').where('subject_id', '=', filed.requestId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['account_request.submit', 'account_request.refuse', 'account_request.resubmit', 'account_request.approve']));
    expect(codeOf(await decide(filed.requestId, 'approve'))).toBe('ACCOUNT_REQUEST_NOT_PENDING');
  });

  /** A submission body for `form` with its own fresh scans and secret. */
  async function fresh(form: AccountRequestForm) {
    const { uploadToken, attachments } = await steps().scans(form.kind);
    return { secret: randomBytes(32).toString('base64url'), uploadToken, form, attachments };
  }

  it('files without login only the administrator kinds, answers alike whether the USCC is registered, and is read by its secret', async () => {
    const anon = (body: object) => h.call({ method: 'POST', url: '/api/account-requests', payload: body });
    const nobody = newIdentity();
    const unknown = await anon(await fresh({ ...adminChange(nobody), kind: 'accountsUnknown', legalRepresentative: { name: '张伟' } } as AccountRequestForm));
    expect(unknown.statusCode, unknown.body).toBe(200);
    expect(unknown.json()).toMatchObject({ status: 'submitted', enterpriseName: nobody.name, filerMobile: '139****0002' });
    expect(codeOf(await decide(unknown.json().requestId as string, 'approve'))).toBe('ACCOUNT_REQUEST_NO_ENTERPRISE');

    const rename = { kind: 'enterpriseChange', enterprise: { uscc: other.uscc, name: other.name }, newName: `${other.name}新`, newAddress: '苏州', filer: { name: 'x', mobile: FILER_MOBILE } } as AccountRequestForm;
    expect(codeOf(await anon(await fresh(rename)))).toBe('ACCOUNT_REQUEST_NOT_ALLOWED');

    // Scans uploaded under another attempt's token are not this attempt's to list.
    const body = await fresh({ ...adminChange(other), kind: 'accountsUnknown', legalRepresentative: { name: '张伟' }, superMobile: '13912340003' } as AccountRequestForm);
    const stranger = await newUploadToken(h);
    const foreign = { ...body, secret: randomBytes(32).toString('base64url'), attachments: [{ requirement: 'businessLicence', ...(await tusUpload(h, { uploadToken: stranger }, pdfBytes('x'))) }, ...body.attachments.slice(1)] };
    expect(codeOf(await anon(foreign))).toBe('ATTACHMENT_MISSING');
    const filed = await anon(body);
    const id = filed.json().requestId as string;
    expect((await anon(body)).json()).toMatchObject({ requestId: id }); // a resend answers the same request
    expect((await h.call({ method: 'POST', url: `/api/account-requests/${id}/view`, payload: { secret: body.secret } })).json()).toMatchObject({ status: 'submitted', kind: 'accountsUnknown' });
    expect(codeOf(await h.call({ method: 'POST', url: `/api/account-requests/${id}/view`, payload: { secret: randomBytes(32).toString('base64url') } }))).toBe('NOT_FOUND');

    await decide(id, 'approve');
    const accounts = await h.app.services.db.selectFrom('accounts').select(['username', 'mobile', 'display_name']).where('enterprise_id', '=', other.enterpriseId).orderBy('username').execute();
    expect(accounts).toEqual([
      { username: 'admin', mobile: NEW_ADMIN_MOBILE, display_name: '周新' },
      { username: 'super', mobile: '13912340003', display_name: '张伟' },
    ]);
  });

  it('renames the enterprise: the registry advises, the new name is used everywhere, an earlier application keeps the name it was filed under', async () => {
    const ent = await h.scene.enterprise(await pkiKey(h.pki));
    const clerk = await ent.handler('jingban1', { permissions: ['subsidy'] });
    const earlier = await ent.subsidyApplication(clerk);
    const admin = await ent.admin();
    const same = { kind: 'enterpriseChange', enterprise: { uscc: ent.uscc, name: ent.name }, newName: ent.name, newAddress: ent.address, filer: { name: '王喆', mobile: FILER_MOBILE } } as AccountRequestForm;
    expect(codeOf(await h.call({ method: 'POST', url: '/api/enterprise/account-requests', token: admin.token, payload: await fresh(same) }))).toBe('ACCOUNT_REQUEST_NO_CHANGE');
    const newName = `${ent.name.replace('有限公司', '')}科技集团有限公司`;
    const filed = await steps().file({ ...same, newName } as AccountRequestForm, { token: admin.token });
    const seen = await h.call({ method: 'GET', url: `/api/staff/account-requests/${filed.requestId}`, token: support });
    expect(seen.json()).toMatchObject({ filedBy: 'admin', registry: { findings: ['nameDiffers'], name: ent.name } });

    await decide(filed.requestId, 'approve');
    expect((await h.call({ method: 'GET', url: `/api/enterprises/${ent.enterpriseId}`, token: admin.token })).json()).toMatchObject({ name: newName });
    expect((await login(h, newName, 'admin', STRONG_PASSWORD)).statusCode).toBe(200);
    const list = await h.call({ method: 'GET', url: `/api/enterprises/${ent.enterpriseId}/subsidy-applications?item=subsidy`, token: clerk.token });
    expect(list.json()).toMatchObject({ applications: [{ id: earlier.id, enterpriseName: ent.name }] });
    const view = await h.call({ method: 'GET', url: `/api/enterprises/${ent.enterpriseId}/subsidy-applications/${earlier.id}?item=subsidy`, token: clerk.token });
    expect(view.json()).toMatchObject({ enterprise: { name: ent.name } });
    const names = await h.app.services.db.selectFrom('enterprise_names').select(['name', 'request_id']).where('enterprise_id', '=', ent.enterpriseId).execute();
    expect(names).toEqual([{ name: ent.name, request_id: filed.requestId }]);
    // The request itself still shows the name it was filed under.
    expect((await mine(admin.token, filed.requestId)).json()).toMatchObject({ enterpriseName: ent.name, status: 'approved' });
  });
});
