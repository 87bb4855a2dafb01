import { afterAll, beforeAll, expect, it } from 'vitest';
import type {} from '../db/schema-counter';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { ADMIN_ID_NUMBER, importRegistry, lastSms, login, newEnterprise, pdfBytes, staffToken, type TestEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const issuesOf = (res: { json(): unknown }) => (res.json() as { error: { issues?: unknown[] } }).error.issues;
const MOBILE = '13812341234';

describeEachDatabase('counter registration', (engine) => {
  let h: Harness;
  let support: string; // a counter staff member (线下注册)
  beforeAll(async () => {
    h = await createHarness(engine);
    support = await staffToken(h, 'counter');
  });
  afterAll(() => h?.close());

  const upload = async (token = support, bytes: Buffer = pdfBytes('counter')) => {
    const res = await h.call({ method: 'POST', url: '/api/staff/uploads', token, headers: { 'content-type': 'application/pdf' }, payload: bytes });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { sha256: string }).sha256;
  };

  /** An agent registers an enterprise whose legal representative holds a US passport. */
  const agentBody = async (e: TestEnterprise, over: Record<string, unknown> = {}) => ({
    enterprise: { uscc: e.uscc, name: e.name, address: e.address, legalRepresentative: e.legalRepresentative },
    legalRepresentativeDocument: { type: 'passport', number: 'c0300 5988', country: 'usa' },
    visitor: { kind: 'agent', name: '王五', idNumber: '11010519491231002x' },
    administrator: { name: '李四', mobile: MOBILE },
    checklist: ['agreement', 'agentId', 'businessLicence', 'legalRepresentativeId', 'authorisationLetter'],
    scans: { agreement: await upload(), authorisationLetter: await upload() },
    ...over,
  });
  const create = (body: unknown, token = support) => h.call({ method: 'POST', url: '/api/staff/counter-registrations', token, payload: body as object });

  it('creates the enterprise with admin and super, texts the passwords to the administrator, and records who registered it', async () => {
    const e = { ...newEnterprise(), legalRepresentative: 'John Smith' };
    await importRegistry(h, await staffToken(h, 'admin'), [e]);
    const body = await agentBody(e);
    // The registry holds a resident ID for this legal representative: a finding, so the check warns…
    const check = await h.call({ method: 'POST', url: '/api/staff/counter-registrations/check', token: support, payload: body });
    expect(check.json()).toEqual({ findings: ['document'], registry: { name: e.name, legalRepresentative: 'John Smith' } });
    const refused = await create(body);
    expect([refused.statusCode, codeOf(refused)]).toEqual([409, 'COUNTER_REGISTRY_MISMATCH']);
    // …and the clerk, who has the passport in hand, registers anyway.
    const res = await create({ ...body, registryOverride: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ uscc: e.uscc, name: e.name, usernames: ['admin', 'super'], mobile: '138****1234' });
    const { enterpriseId, counterRegistrationId } = res.json() as { enterpriseId: string; counterRegistrationId: string };

    const sms = await lastSms(h, MOBILE);
    const admin = /\(admin\)，密码\(([^)]+)\)/.exec(sms)?.[1];
    expect(admin).toBeTruthy();
    const signedIn = await login(h, e.uscc, 'admin', admin!);
    expect(signedIn.json()).toMatchObject({ mustChangePassword: true });

    const db = h.app.services.db;
    const row = await db.selectFrom('counter_registrations').selectAll().where('id', '=', counterRegistrationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ enterprise_id: enterpriseId, visitor_kind: 'agent', agent_name: '王五', agent_id_number: '11010519491231002X', registry_override: 1 });
    expect(JSON.parse(row.legal_representative_document_json)).toEqual({ type: 'passport', number: 'C03005988', country: 'USA' });
    expect(JSON.parse(row.registry_findings_json)).toEqual(['document']);
    const actions = await db.selectFrom('audit_log').select(['action', 'actor_type', 'after_json']).where('enterprise_id', '=', enterpriseId).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['enterprise.create', 'counterRegistration.create', 'counterRegistration.registryOverride']));
    expect(actions.every((a) => a.actor_type === 'staff' && !(a.after_json ?? '').includes(admin!))).toBe(true);
    const owned = await db.selectFrom('file_owners').select('sha256').where('enterprise_id', '=', enterpriseId).execute();
    expect(owned.map((o) => o.sha256).sort()).toEqual([body.scans.agreement, body.scans.authorisationLetter].sort());
  });

  it('registers a legal representative in person, matching the registry, without an authorisation letter', async () => {
    const e = newEnterprise();
    await importRegistry(h, await staffToken(h, 'admin'), [e]);
    const res = await create({
      ...(await agentBody(e)),
      legalRepresentativeDocument: { type: 'residentId', number: ADMIN_ID_NUMBER },
      visitor: { kind: 'legalRepresentative' },
      checklist: ['agreement', 'legalRepresentativeId', 'businessLicence'],
      scans: { agreement: await upload() },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses an agent without the authorisation letter, ticked and scanned', async () => {
    const e = newEnterprise();
    const body = await agentBody(e, { registryOverride: true });
    const res = await create({ ...body, checklist: body.checklist.filter((c) => c !== 'authorisationLetter'), scans: { agreement: body.scans.agreement } });
    expect([res.statusCode, codeOf(res)]).toEqual([400, 'BODY_INVALID']);
    expect(issuesOf(res)).toEqual([
      { path: 'body.checklist.authorisationLetter', code: 'CHECKLIST_ITEM_REQUIRED' },
      { path: 'body.scans.authorisationLetter', code: 'ATTACHMENT_REQUIRED' },
    ]);
    expect(await h.app.services.db.selectFrom('enterprises').select('id').where('uscc', '=', e.uscc).executeTakeFirst()).toBeUndefined();
  });

  it('refuses bad document numbers with an issue beside each field', async () => {
    const body = await agentBody(newEnterprise(), {
      legalRepresentativeDocument: { type: 'hkMacaoPermit', number: 'H1234567' },
      visitor: { kind: 'agent', name: '王五', idNumber: '110105194912310021' },
    });
    const res = await create(body);
    expect(issuesOf(res)).toEqual([
      { path: 'body.legalRepresentativeDocument.number', code: 'HK_MACAO_PERMIT_FORMAT' },
      { path: 'body.visitor.idNumber', code: 'ID_CHECK_DIGIT' },
    ]);
    const passport = await create(await agentBody(newEnterprise(), { legalRepresentativeDocument: { type: 'passport', number: 'E1234567', country: 'CHN' } }));
    expect(issuesOf(passport)).toEqual([{ path: 'body.legalRepresentativeDocument.number', code: 'PASSPORT_CN_FORMAT' }]);
  });

  it('refuses staff roles other than counter and admin, and scans another staff member uploaded', async () => {
    const body = await agentBody(newEnterprise(), { registryOverride: true });
    for (const role of ['reviewer', 'finance', 'support'] as const) {
      const res = await create(body, await staffToken(h, role));
      expect([res.statusCode, codeOf(res)]).toEqual([403, 'FORBIDDEN']);
    }
    const other = await staffToken(h, 'counter');
    const res = await create(body, other);
    expect([res.statusCode, codeOf(res)]).toEqual([400, 'BODY_INVALID']);
    expect(issuesOf(res)).toEqual([
      { path: 'body.scans.agreement', code: 'SCAN_NOT_UPLOADED_HERE' },
      { path: 'body.scans.authorisationLetter', code: 'SCAN_NOT_UPLOADED_HERE' },
    ]);
    const anonymous = await h.call({ method: 'POST', url: '/api/staff/uploads', headers: { 'content-type': 'application/pdf' }, payload: pdfBytes() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an enterprise already registered, at the check and at the creation', async () => {
    // Registered at the counter earlier (the scenario's step), signed in since.
    const e = { ...newEnterprise(), ...(await h.scene.counterEnterprise({ adminMobile: '13900000012' })) };
    expect((await e.admin()).token).toBeTruthy();
    const again = await agentBody(e, { registryOverride: true });
    const check = await h.call({ method: 'POST', url: '/api/staff/counter-registrations/check', token: support, payload: again });
    expect([check.statusCode, codeOf(check)]).toEqual([409, 'ENTERPRISE_ALREADY_REGISTERED']);
    const res = await create(again);
    expect([res.statusCode, codeOf(res)]).toEqual([409, 'ENTERPRISE_ALREADY_REGISTERED']);
  });

  it('refuses a console upload that is not PDF, JPEG or PNG', async () => {
    const res = await h.call({ method: 'POST', url: '/api/staff/uploads', token: support, headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('MZ not a pdf') });
    expect(codeOf(res)).toBe('FILE_TYPE_UNSUPPORTED');
  });
});
