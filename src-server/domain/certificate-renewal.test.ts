import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '@shared/certificate/parse';
import { pkiKey, type PkiEnterprise } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { lastSms, newEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, TEST_ORIGIN, type Harness } from '../../tests/fixtures/server/harness';
import { getTestPki, webEidToken, type IssueOptions, type TestSigner } from '../../tests/fixtures/server/pki';
import { writeTrustDir } from '../../tests/fixtures/server/store-reads';
import { migrateToLatest } from '../db/connect';
import { migrations } from '../db/migrations/index';
import { renewalPendingSchema, type RenewalPending } from '@shared/contract/http/renewal';
import { RENEWED_BINDING_ACTION, sameName } from './certificate-renewal';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const fingerprint = (s: TestSigner) => createHash('sha256').update(s.certDer).digest('hex');
const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;

async function caLogin(h: Harness, signer: TestSigner) {
  const challenge = await h.call({ method: 'POST', url: '/api/auth/ca/challenge' });
  const { nonce } = challenge.json() as { nonce: string };
  return h.call({ method: 'POST', url: '/api/auth/ca/login', payload: { nonce, token: await webEidToken(signer, TEST_ORIGIN, nonce) } });
}

/** The RENEWAL_NEEDS_CONFIRMATION answer's confirmation (its one issue's params). */
function pendingOf(res: { statusCode: number; body: string; json(): unknown }): RenewalPending {
  expect([res.statusCode, codeOf(res)], res.body).toEqual([409, 'RENEWAL_NEEDS_CONFIRMATION']);
  const issue = (res.json() as { error: { issues: { path: string; params: unknown }[] } }).error.issues[0]!;
  expect(issue.path).toBe('renewal');
  return renewalPendingSchema.parse(issue.params);
}

const codeIn = (sms: string) => /验证码(\d{6})/.exec(sms)![1]!;

const confirm = (h: Harness, confirmationId: string, code: string) =>
  h.call({ method: 'POST', url: `/api/auth/ca/renewals/${confirmationId}/confirm`, payload: { code } });

/** CA login with a renewed certificate, then the administrator's code from their SMS: the session answer. */
async function renewAndConfirm(h: Harness, signer: TestSigner) {
  const pending = pendingOf(await caLogin(h, signer));
  const res = await confirm(h, pending.confirmationId, codeIn(await lastSms(h)));
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** A certificate as the CA issues it at renewal: new key, same subject, issued after and expiring after `of`. */
function renewal(h: Harness, e: PkiEnterprise, of: TestSigner, over: Partial<IssueOptions> = {}) {
  return h.pki.issue({
    uscc: e.uscc,
    name: e.name,
    newKey: true,
    notBefore: new Date(of.certificate.notBefore.getTime() + HOUR),
    notAfter: new Date(of.certificate.notAfter.getTime() + 365 * DAY),
    ...over,
  });
}

const bindingsOf = (h: Harness, e: PkiEnterprise) =>
  h.app.services.db.selectFrom('certificate_bindings').selectAll().where('enterprise_id', '=', e.enterpriseId).orderBy('not_after').execute();

const renewalAudits = (h: Harness, e: PkiEnterprise) =>
  h.app.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('enterprise_id', '=', e.enterpriseId)
    .where('action', '=', RENEWED_BINDING_ACTION)
    .orderBy('at')
    .execute();

async function adminId(h: Harness, e: PkiEnterprise) {
  const row = await h.app.services.db
    .selectFrom('accounts')
    .select('id')
    .where('enterprise_id', '=', e.enterpriseId)
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachDatabase('CA login with a renewed certificate', (engine) => {
  let h: Harness;
  let trustDir: string;
  beforeAll(async () => {
    // The test roots, plus a second Jiangsu CA root under another name and another CA copying the Jiangsu root's name.
    const pki = await getTestPki();
    trustDir = await writeTrustDir(await mkdtemp(path.join(os.tmpdir(), 'tongban-trust-')), pki.roots);
    await writeFile(path.join(trustDir, 'jiangsu-ca', 'root-2.pem'), await pki.extraRootPem('jiangsu-ca-next'));
    await mkdir(path.join(trustDir, 'lookalike-ca'));
    await writeFile(path.join(trustDir, 'lookalike-ca', 'root.pem'), await pki.extraRootPem('jiangsu-ca-lookalike'));
    h = await createHarness(engine, { config: { trustDir } });
  });
  afterAll(async () => {
    await h?.close();
    await rm(trustDir, { recursive: true, force: true });
  });

  it('binds a renewed certificate (new key, same subject, later validity) to the same account once the administrator confirms it, audited, and the old one still works', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const renewed = await renewal(h, e, e.signer);
    // What the test relies on: a different key and certificate, the same subject.
    expect(Buffer.from(renewed.certificate.publicKey.rawData)).not.toEqual(Buffer.from(e.signer.certificate.publicKey.rawData));
    expect(renewed.certificate.subject).toBe(e.signer.certificate.subject);

    // The login answers the confirmation step: a code went to the administrator's mobile, shown masked.
    const pending = pendingOf(await caLogin(h, renewed));
    expect(pending.mobile).toBe('138****5678');
    const sms = await lastSms(h);
    expect(sms).toContain(`（${e.name}）有人使用更新后的 CA 数字证书`);
    expect((await bindingsOf(h, e)).map((b) => b.fingerprint)).toEqual([fingerprint(e.signer)]);
    // Meanwhile the old key works, and a second login with the new one repeats the step without a new SMS.
    expect((await caLogin(h, e.signer)).statusCode).toBe(200);
    expect(pendingOf(await caLogin(h, renewed)).confirmationId).toBe(pending.confirmationId);
    expect(await lastSms(h)).toBe(sms);
    // A wrong code binds nothing; the right one binds and signs in.
    const wrong = String((Number(codeIn(sms)) + 1) % 1_000_000).padStart(6, '0');
    expect(codeOf(await confirm(h, pending.confirmationId, wrong))).toBe('RENEWAL_CODE_INVALID');
    expect(await renewalAudits(h, e)).toEqual([]);
    const res = await confirm(h, pending.confirmationId, codeIn(sms));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ account: { id: await adminId(h, e), username: 'admin', enterpriseId: e.enterpriseId } });
    // One use: the same code again is refused.
    expect(codeOf(await confirm(h, pending.confirmationId, codeIn(sms)))).toBe('RENEWAL_CODE_INVALID');

    const bindings = await bindingsOf(h, e);
    expect(bindings.map((b) => [b.fingerprint, b.account_id, b.ca_profile])).toEqual([
      [fingerprint(e.signer), await adminId(h, e), 'jiangsu-ca'],
      [fingerprint(renewed), await adminId(h, e), 'jiangsu-ca'],
    ]);
    expect(bindings[1]!.certificate_der).toBe(Buffer.from(renewed.certDer).toString('base64'));

    const audits = await renewalAudits(h, e);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_type: 'account', actor_id: await adminId(h, e), subject_type: 'certificate', subject_id: fingerprint(renewed) });
    expect(audits[0]!.request_id).toBeTruthy();
    expect(JSON.parse(audits[0]!.before_json!)).toMatchObject({ fingerprint: fingerprint(e.signer) });
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ fingerprint: fingerprint(renewed), renewed_from: fingerprint(e.signer), ca_profile: 'jiangsu-ca' });
    expect(await lastSms(h)).toContain(`（${e.name}）更新后的 CA 数字证书`);

    // Bound now: a second login neither binds nor audits again.
    expect((await caLogin(h, renewed)).statusCode).toBe(200);
    expect(await renewalAudits(h, e)).toHaveLength(1);
    // The old key keeps working until it expires.
    const old = await caLogin(h, e.signer);
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json()).toMatchObject({ account: { username: 'admin', enterpriseId: e.enterpriseId } });
  });

  it('refuses, and binds nothing for, a different subject, an earlier expiry, an earlier issue, another CA, another enterprise', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const other = await h.scene.enterprise(await pkiKey(h.pki));
    const unregistered = newEnterprise();
    const bound = e.signer.certificate;
    const cases: [string, Partial<IssueOptions>, string][] = [
      ['same USCC, different subject', { name: `${e.name}苏州分公司` }, 'CA_CERT_NOT_BOUND'],
      ['expires before the bound one', { notAfter: new Date(bound.notAfter.getTime() - 30 * DAY) }, 'CA_CERT_NOT_BOUND'],
      ['expires with the bound one', { notAfter: bound.notAfter }, 'CA_CERT_NOT_BOUND'],
      ['issued before the bound one', { notBefore: new Date(bound.notBefore.getTime() - DAY) }, 'CA_CERT_NOT_BOUND'],
      ['same subject from the other trusted CA', { profile: 'suzhou-ca' }, 'CA_CERT_NOT_BOUND'],
      ['same subject, same CA profile, another issuer name', { profile: 'jiangsu-ca-next' }, 'CA_CERT_NOT_BOUND'],
      ['same subject and issuer name from another CA profile', { profile: 'jiangsu-ca-lookalike' }, 'CA_CERT_NOT_BOUND'],
      ['same subject from an untrusted CA', { profile: 'untrusted' }, 'CERT_UNTRUSTED'],
      ["another registered enterprise's USCC", { uscc: other.uscc }, 'CA_CERT_NOT_BOUND'],
      ["another registered enterprise's certificate", { uscc: other.uscc, name: `${other.name}分公司` }, 'CA_CERT_NOT_BOUND'],
      ['an unregistered enterprise', { uscc: unregistered.uscc, name: unregistered.name }, 'CA_CERT_NOT_BOUND'],
      ['no USCC', { uscc: null }, 'CA_CERT_NOT_BOUND'],
    ];
    for (const [what, over, code] of cases) {
      const res = await caLogin(h, await renewal(h, e, e.signer, over));
      expect([what, codeOf(res)]).toEqual([what, code]);
    }
    for (const x of [e, other]) {
      expect((await bindingsOf(h, x)).length).toBe(1);
      expect(await renewalAudits(h, x)).toEqual([]);
    }
    // The same enterprise's real renewal, issued the same way, gets to the confirmation: the refusals above were the rule's.
    pendingOf(await caLogin(h, await renewal(h, e, e.signer)));
  });

  it('compares with the newest bound certificate of the lineage', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const first = await renewal(h, e, e.signer);
    await renewAndConfirm(h, first);
    // Later than the registered certificate, earlier than the renewal already bound: refused.
    const between = await renewal(h, e, e.signer, { notBefore: new Date(first.certificate.notBefore.getTime() + HOUR), notAfter: new Date(first.certificate.notAfter.getTime() - DAY) });
    expect(codeOf(await caLogin(h, between))).toBe('CA_CERT_NOT_BOUND');
    const second = await renewal(h, e, first);
    await renewAndConfirm(h, second);
    const audits = await renewalAudits(h, e);
    expect(audits.map((a) => JSON.parse(a.before_json!) as { fingerprint: string }).map((b) => b.fingerprint)).toEqual([fingerprint(e.signer), fingerprint(first)]);
    expect((await bindingsOf(h, e)).map((b) => b.fingerprint)).toEqual([fingerprint(e.signer), fingerprint(first), fingerprint(second)]);
  });

  it('refuses an expired code, a sixth try, and another enterprise\'s code; binds nothing', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const other = await h.scene.enterprise(await pkiKey(h.pki));
    // Expired: ten minutes and a second later the right code no longer binds.
    const expiring = pendingOf(await caLogin(h, await renewal(h, e, e.signer)));
    const expiringCode = codeIn(await lastSms(h));
    h.clock.advance(10 * 60 + 1);
    expect(codeOf(await confirm(h, expiring.confirmationId, expiringCode))).toBe('RENEWAL_CODE_INVALID');
    // Five wrong tries spend the confirmation: the right code is refused after them.
    const guessed = pendingOf(await caLogin(h, await renewal(h, e, e.signer)));
    expect(guessed.confirmationId).not.toBe(expiring.confirmationId);
    const guessedCode = codeIn(await lastSms(h));
    const wrong = String((Number(guessedCode) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect(codeOf(await confirm(h, guessed.confirmationId, wrong))).toBe('RENEWAL_CODE_INVALID');
    expect(codeOf(await confirm(h, guessed.confirmationId, guessedCode))).toBe('RENEWAL_CODE_INVALID');
    // Another enterprise's code (its administrator confirming their own renewal) does not confirm this one.
    h.clock.advance(61);
    const mine = pendingOf(await caLogin(h, await renewal(h, e, e.signer)));
    const theirs = pendingOf(await caLogin(h, await renewal(h, other, other.signer)));
    const theirCode = codeIn(await lastSms(h));
    const refused = await confirm(h, mine.confirmationId, theirCode);
    // (A six-digit code may collide by chance: then the test would say so here rather than pass quietly.)
    expect(codeOf(refused), 'codes collided by chance').toBe('RENEWAL_CODE_INVALID');
    expect((await bindingsOf(h, e)).length).toBe(1);
    expect(await renewalAudits(h, e)).toEqual([]);
    // Their own confirmation binds their certificate only.
    expect((await confirm(h, theirs.confirmationId, theirCode)).statusCode).toBe(200);
    expect((await bindingsOf(h, other)).length).toBe(2);
    expect((await bindingsOf(h, e)).length).toBe(1);
  });

  it('refuses when same-subject certificates are bound to different accounts', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const superId = (await h.app.services.db.selectFrom('accounts').select('id').where('enterprise_id', '=', e.enterpriseId).where('username', '=', 'super').executeTakeFirstOrThrow()).id;
    const superCert = await h.pki.issue({ uscc: e.uscc, name: e.name, newKey: true, notBefore: new Date(e.signer.certificate.notBefore.getTime() + 60_000) });
    const info = parseCertificate(superCert.certDer);
    await h.app.services.db
      .insertInto('certificate_bindings')
      .values({
        fingerprint: fingerprint(superCert),
        enterprise_id: e.enterpriseId,
        account_id: superId,
        subject: info.subject.text,
        not_after: info.notAfter.toISOString(),
        created_at: new Date().toISOString(),
        certificate_der: Buffer.from(superCert.certDer).toString('base64'),
        ca_profile: 'jiangsu-ca',
      })
      .execute();
    const renewed = await renewal(h, e, e.signer, { notBefore: new Date(e.signer.certificate.notBefore.getTime() + 2 * HOUR) });
    expect(codeOf(await caLogin(h, renewed))).toBe('CA_CERT_NOT_BOUND');
    expect(await renewalAudits(h, e)).toEqual([]);
  });
});

describeEachDatabase('renewal of a binding made before migration 0004', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  it('fills the bound certificate and its CA profile from the registration, then accepts its renewal', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    const { db } = h.app.services;
    // Back to the schema of 0003 (the columns and what they held are gone), then forward again.
    // (Every later migration is undone on the way, the newest first.)
    const down = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0003-disbursement');
    expect(down.error).toBeUndefined();
    const later = Object.keys(migrations).filter((name) => name > '0003-disbursement').sort().reverse();
    expect(later.at(-1)).toBe('0004-certificate-renewal');
    expect(down.results?.map((r) => [r.migrationName, r.status])).toEqual(later.map((name) => [name, 'Success']));
    await migrateToLatest(db);

    const [binding] = await bindingsOf(h, e);
    expect(binding).toMatchObject({ fingerprint: fingerprint(e.signer), ca_profile: 'jiangsu-ca', certificate_der: Buffer.from(e.signer.certDer).toString('base64') });
    await renewAndConfirm(h, await renewal(h, e, e.signer));
    expect(await renewalAudits(h, e)).toHaveLength(1);
  });
});

describe('sameName', () => {
  const name = (...attrs: [string, string][]) => ({ attributes: attrs.map(([oid, value]) => ({ oid, name: oid, value })), text: '' });
  it('compares every attribute in order, by type and decoded value', () => {
    const o = '2.5.4.10';
    const cn = '2.5.4.3';
    expect(sameName(name([o, '甲公司'], [cn, '甲公司']), name([o, '甲公司'], [cn, '甲公司']))).toBe(true);
    expect(sameName(name([o, '甲公司'], [cn, '甲公司']), name([cn, '甲公司'], [o, '甲公司']))).toBe(false);
    expect(sameName(name([o, '甲公司']), name([o, '甲公司'], [cn, '甲公司']))).toBe(false);
    expect(sameName(name([o, '甲公司, CN=乙']), name([o, '甲公司'], [cn, '乙']))).toBe(false);
  });
});
