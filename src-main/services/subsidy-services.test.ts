import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubsidySubmitInput } from '@shared/contract/client-api';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { subsidyAmount } from '@shared/subsidy/amount';
import { CONTACT, talent } from '../../tests/fixtures/server/subsidy';
import type { ClientServices } from './client-services';
import { call, pdfBase64, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';
import { uploadThroughClient } from '../../tests/fixtures/client-uploads';

// serviceItems.* and subsidy.* behind window.tongban against the real portal (SQLite) and SoftHSM keys: the
// enterprise of JSCA-RSA-0001 registers with its key, a handler with the subsidy permission applies, signs with the
// key, is returned by a reviewer, corrects and resubmits; a handler without the permission sees nothing.
const ADMIN_MOBILE = '13912340001';
let world: ClientWorld;
let clerk: ClientServices;
let outsider: ClientServices;
const services = () => world.services();

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001', 'SZCA-RSA-0003'], registerWith: 'JSCA-RSA-0001', adminMobile: ADMIN_MOBILE });
  await world.enterprise.handler('clerk', { mobile: '13900002222', permissions: ['subsidy'] });
  await world.enterprise.handler('other', { mobile: '13900003333', permissions: [] });
  clerk = services();
  outsider = services();
  await world.signIn(clerk, 'clerk');
  await world.signIn(outsider, 'other');
}, 120_000);

afterAll(() => world?.close());

/** The PDF's text as poppler extracts it, without the layout's spaces. */
const pdfText = (base64: string) => execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(base64, 'base64'), encoding: 'utf8' }).replace(/\s+/g, '');

async function uploadAll(s: ClientServices, requirements: string[]) {
  const out = [];
  for (const requirement of requirements) {
    const ref = value(await uploadThroughClient((m, i) => s.dispatch(m, i), { purpose: 'subsidy', requirement, fileName: `${requirement}.pdf`, bytes: Buffer.from(pdfBase64(), 'base64') }));
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
    const t = world.keys.issued('JSCA-RSA-0001');
    const created = value(await call<SubsidyApplicationView>(clerk, 'subsidy.create', { form: { contact: { name: '赵' } } }));
    expect(created).toMatchObject({ status: 'draft', enterprise: { uscc: world.enterprise.uscc, legalRepresentative: '张伟' } });
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

    const reviewer = (await world.scene.staff('reviewer')).token;
    const returned = await world.h.call({
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

    // 申请提交副本: what was filed, read with the clerk's own authorisation (issue 21 item 6).
    const copy = value(await call<{ pdf: string; fileName: string }>(clerk, 'subsidy.printCopy', { applicationId: created.id }));
    expect(copy.fileName).toBe(`补贴申请提交副本-${created.id.slice(0, 8).toUpperCase()}-第2版.pdf`);
    const text = pdfText(copy.pdf);
    for (const expected of ['申请提交副本', created.id, '已重新提交', '第2版', '32002600099', 'JohnSmith', world.enterprise.uscc]) expect(text).toContain(expected);
    expect(await call(outsider, 'subsidy.printCopy', { applicationId: created.id })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('prints the application form to stamp from the form as typed, and no filed copy of a draft', async () => {
    const created = value(await call<SubsidyApplicationView>(clerk, 'subsidy.create', { form: {} }));
    const typed = { contact: { name: '赵六', mobile: '13912345678' }, talents: [{ name: '陈七', position: '首席科学家', recruitmentChannel: 'headhunting', feePaidFen: 2_000_000 }] };
    const form = value(await call<{ pdf: string; fileName: string }>(clerk, 'subsidy.printForm', { applicationId: created.id, form: typed }));
    expect(form.fileName).toMatch(new RegExp(`^补贴申请表-${world.enterprise.uscc}-[0-9A-F]{8}\\.pdf$`));
    const text = pdfText(form.pdf);
    for (const expected of ['高层次和紧缺人才招聘补贴申请表', '赵六', '陈七', '首席科学家', '企业（盖章）', '张伟']) expect(text).toContain(expected);
    expect(await call(clerk, 'subsidy.printCopy', { applicationId: created.id })).toMatchObject({ ok: false, error: { code: 'SUBSIDY_NOT_FILED' } });
    expect(await call(outsider, 'subsidy.printForm', { applicationId: created.id, form: typed })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('refuses a key of another enterprise, and withdraws a draft', async () => {
    const created = value(await call<SubsidyApplicationView>(clerk, 'subsidy.create', { form: {} }));
    const other = world.keys.issued('SZCA-RSA-0003');
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
