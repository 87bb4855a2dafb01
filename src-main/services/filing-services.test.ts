import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingPrepared } from '@shared/contract/client-api';
import { filingRequirements, type FilingFormValue, type FilingView } from '@shared/contract/http/filing';
import { filingProject } from '../../tests/fixtures/filing';
import { startTsa, type TestTsa } from '../../tests/fixtures/tsa';
import { call, pdfBase64, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';
import { uploadThroughClient } from '../../tests/fixtures/client-uploads';
import type { ClientServices } from './client-services';

// filing.* behind window.tongban against the real portal (SQLite) and a SoftHSM key: main generates the application
// PDF with the server's generator and font, signs it with the key (PAdES), keeps both, uploads the signed one over
// tus and submits; the server regenerates, compares and verifies. Returned by a reviewer, corrected, signed again.
let world: ClientWorld;
let clerk: ClientServices;
let outsider: ClientServices;
let portalTsa: TestTsa;
let pcTsa: TestTsa;
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-filing-desk-'));

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001'], registerWith: 'JSCA-RSA-0001', adminMobile: '13912340001' });
  await world.enterprise.handler('clerk', { mobile: '13900002222', permissions: ['constructionFiling'] });
  await world.enterprise.handler('other', { mobile: '13900003333', permissions: ['subsidy'] });
  clerk = world.services();
  outsider = world.services();
  await world.signIn(clerk, 'clerk');
  await world.signIn(outsider, 'other');
  [portalTsa, pcTsa] = await Promise.all([startTsa(), startTsa()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([portalTsa?.stop(), pcTsa?.stop()]);
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdfText = (base64: string) => execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(base64, 'base64'), encoding: 'utf8' }).replace(/\s+/g, '');
/** pdfsig's verdict on the PDF (poppler checks the ByteRange digest and the CMS signature). */
const pdfsig = (base64: string) => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
};

async function materials(s: ClientServices): Promise<FilingFormValue['attachments']> {
  const out: FilingFormValue['attachments'] = [];
  for (const [requirement, r] of Object.entries(filingRequirements)) {
    if (r.required !== 'always') continue;
    const ref = value(await uploadThroughClient((m, i) => s.dispatch(m, i), { purpose: 'constructionFiling', requirement, fileName: `${requirement}.pdf`, bytes: Buffer.from(pdfBase64(), 'base64') }));
    out.push({ requirement: requirement as never, sha256: ref.sha256, size: ref.size, mediaType: ref.mediaType });
  }
  return out;
}

describe('the construction filing through the client services', () => {
  it('is the item holder’s only, and refuses what the contract refuses before anything is generated', async () => {
    expect(await call(outsider, 'filing.list')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await call(world.services(), 'filing.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const draft = value(await call<FilingView>(clerk, 'filing.create', { form: { project: { name: '门卫室' } } }));
    const late = { contact: { name: '赵六', mobile: '13700001234', email: 'a@example.com' }, project: filingProject({ plannedEnd: '2026-01-01' }), attachments: [] };
    const refused = await call(clerk, 'filing.generate', { filingId: draft.id, form: late });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', issues: expect.arrayContaining([expect.objectContaining({ path: 'form.project.plannedEnd', code: 'DATE_ORDER' })]) } });
    expect(await call(clerk, 'filing.sign', { filingId: draft.id, fingerprint: world.keys.issued('JSCA-RSA-0001').certSha256 })).toMatchObject({ ok: false, error: { code: 'FILING_NOT_GENERATED' } });
    expect(await call(clerk, 'filing.prepared', { filingId: draft.id })).toEqual({ ok: true, value: null });
    // The TSA setting follows the server URL's rule, as typed and as stored.
    expect(await call(clerk, 'settings.update', { tsaUrl: 'http://tsa.example.com/' })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', issues: [expect.objectContaining({ path: 'tsaUrl', code: 'SERVER_URL_NOT_HTTPS' })] } });
    expect(value(await call<{ tsaUrl: string }>(clerk, 'settings.get')).tsaUrl).toBe('');
  });

  it('generates, signs with the key, keeps both, submits; returned → generated and signed again → resubmitted', async () => {
    const key = world.keys.issued('JSCA-RSA-0001');
    const draft = value(await call<FilingView>(clerk, 'filing.create', { form: {} }));
    const form = { contact: { name: '赵六', mobile: '13700001234', email: 'hr@example.com' }, project: filingProject(), attachments: await materials(clerk) };

    const generated = value(await call<FilingPrepared>(clerk, 'filing.generate', { filingId: draft.id, form }));
    expect(generated).toMatchObject({ stage: 'generated', level: null });
    expect(pdfText(generated.pdf)).toContain('独墅湖厂区门卫室改建工程');
    expect(pdfText(generated.pdf)).toContain(world.enterprise.uscc);
    expect(await call(clerk, 'filing.submit', { filingId: draft.id })).toMatchObject({ ok: false, error: { code: 'FILING_NOT_SIGNED' } });

    const signed = value(await call<FilingPrepared>(clerk, 'filing.sign', { filingId: draft.id, fingerprint: key.certSha256, pin: key.userPin }));
    expect(signed).toMatchObject({ stage: 'signed', level: 'B-B' });
    // The generated bytes are kept as they were: the signature is an incremental update after them.
    expect(Buffer.from(signed.pdf, 'base64').subarray(0, Buffer.from(generated.pdf, 'base64').length).equals(Buffer.from(generated.pdf, 'base64'))).toBe(true);
    expect(pdfsig(signed.pdf)).toMatch(/Signature is Valid/);
    // Kept by main with the filing: the desk finds it again (after a restart too; it is in the local store).
    expect(value(await call<FilingPrepared | null>(clerk, 'filing.prepared', { filingId: draft.id }))).toMatchObject({ stage: 'signed', pdf: signed.pdf });
    expect(value(await call(outsider, 'filing.prepared', { filingId: draft.id }))).toBeNull();

    const submitted = value(await call<FilingView>(clerk, 'filing.submit', { filingId: draft.id }));
    expect(submitted).toMatchObject({ status: 'submitted', version: 1, signedPdf: { size: Buffer.from(signed.pdf, 'base64').length } });
    expect(value(await call(clerk, 'filing.prepared', { filingId: draft.id }))).toBeNull();

    const reviewer = (await world.scene.staff('reviewer')).token;
    const returned = await world.h.call({ method: 'POST', url: `/api/staff/construction-filings/${draft.id}/return`, token: reviewer, payload: { comment: '请补充监理单位' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(value(await call<FilingView>(clerk, 'filing.get', { filingId: draft.id }))).toMatchObject({ status: 'returned', returnComments: { comment: '请补充监理单位' } });

    const fixed = { ...form, project: filingProject({ supervisor: { name: '苏州示例监理有限公司', uscc: world.enterprise.uscc } }) };
    value(await call(clerk, 'filing.generate', { filingId: draft.id, form: fixed }));
    // The portal announces a TSA: the signature is B-T with its time-stamp.
    world.portal.app.services.config.tsaUrl = portalTsa.url;
    try {
      const stamped = value(await call<FilingPrepared>(clerk, 'filing.sign', { filingId: draft.id, fingerprint: key.certSha256, pin: key.userPin }));
      expect(stamped.level).toBe('B-T');
      expect(portalTsa.requests()).toBe(1);
      // The PC's own TSA (Settings, or IT's seed) wins over the portal's.
      value(await call(clerk, 'settings.update', { tsaUrl: pcTsa.url }));
      const again = value(await call<FilingPrepared>(clerk, 'filing.sign', { filingId: draft.id, fingerprint: key.certSha256, pin: key.userPin }));
      expect([again.level, pcTsa.requests(), portalTsa.requests()]).toEqual(['B-T', 1, 1]);
      expect(pdfsig(again.pdf)).toMatch(/Signature is Valid/);
    } finally {
      world.portal.app.services.config.tsaUrl = null;
    }
    expect(value(await call<FilingView>(clerk, 'filing.submit', { filingId: draft.id }))).toMatchObject({ status: 'resubmitted', version: 2 });
    const staffView = await world.h.call({ method: 'GET', url: `/api/staff/construction-filings/${draft.id}`, token: reviewer });
    expect((staffView.json() as { versions: { signatures: { level: string; timestamp: unknown; problems: string[] }[] }[] }).versions[1]?.signatures).toEqual([
      expect.objectContaining({ level: 'B-T', timestamp: expect.objectContaining({ time: expect.any(String) }), problems: [] }),
    ]);
    const timeline = value(await call<{ entries: { status: string }[] }>(clerk, 'filing.timeline', { filingId: draft.id }));
    expect(timeline.entries.map((e) => e.status)).toEqual(['draft', 'submitted', 'returned', 'resubmitted']);
    expect(value(await call<{ filings: { id: string; status: string }[] }>(clerk, 'filing.list')).filings).toContainEqual(expect.objectContaining({ id: draft.id, status: 'resubmitted' }));
    // Four signatures with the key (two time-stamped) and two submissions: ~20 s alone, more on a loaded machine.
  }, 90_000);
});
