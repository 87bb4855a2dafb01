import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationForm, SubsidySubmitInput } from '@shared/contract/client-api';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import type { Result } from '@shared/contract/result';
import { subsidyAmount } from '@shared/subsidy/amount';
import { activatedSession, STRONG_PASSWORD, staffToken } from '../../tests/fixtures/server/flows';
import type { Harness } from '../../tests/fixtures/server/harness';
import { handlerSession, talent } from '../../tests/fixtures/server/subsidy';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';

// serviceItems.* and subsidy.* behind window.tongban against the real portal (SQLite) and SoftHSM keys: the
// enterprise of JSCA-RSA-0001 registers with its key, a handler with the subsidy permission applies, signs with the
// key, is returned by a reviewer, corrects and resubmits; a handler without the permission sees nothing.
let keys: TokenSandbox;
let portal: Portal;
let tokens: TokenClient;
let dir: string;
const stores: LocalStore[] = [];
const ADMIN_MOBILE = '13912340001';
const CONTACT = { name: '赵六', mobile: '13700001234', email: 'hr@example.com' };

/** The portal as the server fixtures' flows expect it (app.inject with a bearer token). */
let h: Harness;
let enterprise: { enterpriseId: string; uscc: string };

function services(): ClientServices {
  const store = new LocalStore(path.join(dir, `client-${stores.length}.db`));
  stores.push(store);
  return new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: portal.url, printRegistrationForms: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]) });
}
async function call<T = unknown>(s: ClientServices, method: string, input: unknown = {}): Promise<Result<T>> {
  return (await s.dispatch(method, input)) as Result<T>;
}
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`).toString('base64');

async function signIn(s: ClientServices, username: string) {
  const c = value(await call<{ captchaId: string }>(s, 'auth.captcha'));
  value(await call(s, 'auth.login', { enterprise: enterprise.uscc, username, password: STRONG_PASSWORD, captchaId: c.captchaId, captchaAnswer: await portal.captchaAnswer(c.captchaId) }));
}

let clerk: ClientServices;
let outsider: ClientServices;

beforeAll(async () => {
  keys = await createTokenSandbox({ only: ['JSCA-RSA-0001', 'SZCA-RSA-0003'] });
  portal = await startPortal({ roots: Object.values(keys.manifest.roots) });
  // Only what the flows use of a harness: the app, its clock, and inject with a bearer token.
  const inject: Harness['call'] = ({ token, headers, ...rest }) => portal.app.inject({ ...rest, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  h = { app: portal.app, clock: { now: () => new Date(), advance: () => undefined }, call: inject } as unknown as Harness;
  const t = keys.issued('JSCA-RSA-0001');
  await portal.importRegistry([{ uscc: t.uscc!, name: t.enterpriseName, legalRepresentative: '张伟', address: '江苏省苏州市工业园区星湖街328号' }]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-subsidy-services-'));
  tokens = new TokenClient({ env: { ...process.env, ...keys.env, TONGBAN_PKCS11_MODULES: keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });

  // The enterprise registers with its key through the client, as a clerk would.
  const registrar = services();
  const refs = [];
  for (const requirement of ['businessLicence', 'adminIdFront', 'adminIdBack', 'adminFilingSheet', 'registrationTable', 'agreement']) {
    refs.push(value(await call<object>(registrar, 'registration.upload', { requirement, fileName: `${requirement}.pdf`, content: pdf(), uploadId: requirement })));
  }
  const form: RegistrationForm = {
    caProfile: t.profile,
    enterprise: { uscc: t.uscc!, name: t.enterpriseName, address: '江苏省苏州市工业园区星湖街328号', legalRepresentative: '张伟' },
    administrator: { name: '王喆', idNumber: '11010519491231002X', mobile: ADMIN_MOBILE },
  };
  const submitted = value(await call<{ registrationId: string }>(registrar, 'registration.submit', { fingerprint: t.certSha256, pin: t.userPin, form, attachments: refs, idempotencyKey: randomUUID() }));
  const code = /(\d{6})/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;
  const done = value(await call<{ enterpriseId: string; uscc: string }>(registrar, 'registration.confirm', { registrationId: submitted.registrationId, code }));
  enterprise = { enterpriseId: done.enterpriseId, uscc: done.uscc };
  const initial = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;
  const admin = await activatedSession(h, enterprise.uscc, 'admin', initial);
  const e = { ...enterprise } as Parameters<typeof handlerSession>[1];
  await handlerSession(h, e, admin.token, 'clerk', '13900002222', ['subsidy']);
  await handlerSession(h, e, admin.token, 'other', '13900003333', []);
  clerk = services();
  outsider = services();
  await signIn(clerk, 'clerk');
  await signIn(outsider, 'other');
}, 120_000);

afterAll(async () => {
  await tokens?.stop();
  for (const s of stores) s.close();
  await portal?.close();
  await keys?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function uploadAll(s: ClientServices, requirements: string[]) {
  const out = [];
  for (const requirement of requirements) {
    const ref = value(await call<{ requirement: string; sha256: string; size: number; mediaType: 'application/pdf' }>(s, 'subsidy.upload', { requirement, fileName: `${requirement}.pdf`, content: pdf(), uploadId: randomUUID() }));
    out.push({ requirement: ref.requirement, sha256: ref.sha256, size: ref.size, mediaType: ref.mediaType });
  }
  return out;
}

describe('service items and the subsidy through the client services', () => {
  it('lists the subsidy item with its guide to a handler who holds it, and nothing to one who does not', async () => {
    const mine = value(await call<{ items: { item: string; name: string; materials: unknown[] }[] }>(clerk, 'serviceItems.list'));
    expect(mine.items.map((i) => [i.item, i.name])).toEqual([['subsidy', '高层次和紧缺人才招聘补贴']]);
    expect(mine.items[0]!.materials.length).toBeGreaterThan(5);
    expect(value(await call<{ items: unknown[] }>(outsider, 'serviceItems.list')).items).toEqual([]);
    expect(await call(outsider, 'subsidy.list')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await call(services(), 'subsidy.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('refuses malformed input before anything is sent', async () => {
    expect(await call(clerk, 'subsidy.get', { applicationId: 'nope' })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await call(clerk, 'subsidy.create', { form: { talents: 'many' } })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('applies: draft → uploads with progress → signed, idempotent submit → returned with comments → corrected and signed again', async () => {
    const t = keys.issued('JSCA-RSA-0001');
    const created = value(await call<SubsidyApplicationView>(clerk, 'subsidy.create', { form: { contact: { name: '赵' } } }));
    expect(created).toMatchObject({ status: 'draft', enterprise: { uscc: enterprise.uscc, legalRepresentative: '张伟' } });
    const saved = value(await call<SubsidyApplicationView>(clerk, 'subsidy.saveDraft', { applicationId: created.id, form: { contact: { name: '赵六' }, talents: [{ name: '陈七' }] } }));
    expect(saved.form).toMatchObject({ contact: { name: '赵六' }, talents: [{ name: '陈七' }] });

    const progress: unknown[] = [];
    const off = clerk.subscribe((event, payload) => event === 'upload.progress' && progress.push(payload));
    const appFiles = await uploadAll(clerk, ['businessLicence', 'applicationForm', 'headhuntingContract']);
    off();
    expect(progress.length).toBeGreaterThan(0);
    const perTalent = ['idDocument', 'diploma', 'laborContract', 'socialInsurance', 'invoice', 'paymentProof'];
    const talents = [talent({ attachments: await uploadAll(clerk, perTalent) }), talent({ name: 'John Smith', idType: 'passport', idNumber: 'E12345678', nationality: '英国', feePaidFen: 12_345_679, invoiceNumber: '32002600002', attachments: await uploadAll(clerk, perTalent) })];
    const input: SubsidySubmitInput = { applicationId: created.id, fingerprint: t.certSha256, pin: t.userPin, idempotencyKey: randomUUID(), contact: CONTACT, talents: talents as SubsidySubmitInput['talents'], attachments: appFiles };

    const first = value(await call<SubsidyApplicationView>(clerk, 'subsidy.submit', input));
    const expected = subsidyAmount(talents, created.quota.rule, created.quota.usedThisYearFen).totalFen;
    expect(first).toMatchObject({ status: 'submitted', version: 1, amountRequestedFen: expected });
    // A retry (the answer was lost) is the same submission.
    expect(value(await call<SubsidyApplicationView>(clerk, 'subsidy.submit', input))).toMatchObject({ status: 'submitted', version: 1 });

    const list = value(await call<{ applications: { id: string; status: string; talentCount: number }[] }>(clerk, 'subsidy.list'));
    expect(list.applications.find((a) => a.id === created.id)).toMatchObject({ status: 'submitted', talentCount: 2 });

    const reviewer = await staffToken(h, 'reviewer');
    const returned = await h.call({
      method: 'POST',
      url: `/api/staff/subsidy-applications/${created.id}/return`,
      token: reviewer,
      payload: { comment: '请补正以下内容', fields: [{ path: 'talents[1].invoiceNumber', comment: '发票号码与发票不一致' }], attachments: [{ path: 'attachments.businessLicence', comment: '请加盖公章' }] },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const mine = value(await call<SubsidyApplicationView>(clerk, 'subsidy.get', { applicationId: created.id }));
    expect(mine).toMatchObject({ status: 'returned', returnComments: { fields: [{ path: 'talents[1].invoiceNumber' }], attachments: [{ path: 'attachments.businessLicence' }] } });

    const [licence] = await uploadAll(clerk, ['businessLicence']);
    const corrected: SubsidySubmitInput = {
      ...input,
      idempotencyKey: randomUUID(),
      talents: [talents[0], { ...talents[1]!, invoiceNumber: '32002600099' }] as SubsidySubmitInput['talents'],
      attachments: [licence!, ...appFiles.filter((f) => f.requirement !== 'businessLicence')],
    };
    const again = value(await call<SubsidyApplicationView>(clerk, 'subsidy.submit', corrected));
    expect(again).toMatchObject({ status: 'resubmitted', version: 2, changes: { fields: ['talents[1].invoiceNumber'], attachments: ['attachments.businessLicence'] } });

    const timeline = value(await call<{ entries: { action: string; status: string; comment: string | null }[] }>(clerk, 'subsidy.timeline', { applicationId: created.id }));
    expect(timeline.entries.map((e) => e.status)).toEqual(['draft', 'submitted', 'returned', 'resubmitted']);
    expect(timeline.entries[2]!.comment).toBe('请补正以下内容');
  });

  it('refuses a key of another enterprise, and withdraws a draft', async () => {
    const created = value(await call<SubsidyApplicationView>(clerk, 'subsidy.create', { form: {} }));
    const other = keys.issued('SZCA-RSA-0003');
    const files = await uploadAll(clerk, ['businessLicence', 'applicationForm']);
    const r = await call(clerk, 'subsidy.submit', {
      applicationId: created.id,
      fingerprint: other.certSha256,
      pin: other.userPin,
      idempotencyKey: randomUUID(),
      contact: CONTACT,
      talents: [talent({ recruitmentChannel: 'campus', headhunter: null, feePaidFen: 0, invoiceNumber: '', paymentDate: null, attachments: await uploadAll(clerk, ['idDocument', 'diploma', 'laborContract', 'socialInsurance']) })],
      attachments: files,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_USCC_MISMATCH' } });
    expect(value(await call<SubsidyApplicationView>(clerk, 'subsidy.withdraw', { applicationId: created.id, reason: '重复申请' }))).toMatchObject({ status: 'withdrawn' });
  });
});
