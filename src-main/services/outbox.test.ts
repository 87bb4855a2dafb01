import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientEvents, OutboxEntryView, RegistrationForm } from '@shared/contract/client-api';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { call, pdfBase64, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';
import { startLossyProxy, type LossyProxy } from '../../tests/fixtures/lossy-proxy';
import { CONTACT, subsidyApplicationRequirements, subsidyTalentRequirements, talent, uploadRequired } from '../../tests/fixtures/server/subsidy';
import { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';
import { uploadThroughClient } from '../../tests/fixtures/client-uploads';

// Signed submissions through the outbox against the real portal (SQLite) and SoftHSM keys, with a loopback proxy
// in between that loses answers or the whole server: one record on the server, one signature, no second PIN.
const ADMIN_MOBILE = '13912340002';
let world: ClientWorld;
let proxy: LossyProxy;
let tokens: TokenClient;
let dir: string;
let clerkToken: string;
const open: Array<{ services: ClientServices; store: LocalStore }> = [];

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001', 'JSCA-EC-0002', 'SZCA-RSA-0003', 'SZCA-EC-0004'], registerWith: 'JSCA-RSA-0001', adminMobile: ADMIN_MOBILE });
  await world.portal.importRegistry(
    ['JSCA-EC-0002', 'SZCA-RSA-0003', 'SZCA-EC-0004'].map((label) => {
      const k = world.keys.issued(label);
      return { uscc: k.uscc!, name: k.enterpriseName, legalRepresentative: '张伟', address: '江苏省苏州市工业园区星湖街328号' };
    }),
  );
  clerkToken = (await world.enterprise.handler('clerk', { mobile: '13900004444', permissions: ['subsidy'] })).token;
  proxy = await startLossyProxy(world.portal.url);
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-outbox-'));
  tokens = new TokenClient({ env: { ...process.env, ...world.keys.env, TONGBAN_PKCS11_MODULES: world.keys.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
}, 180_000);

afterAll(async () => {
  for (const o of open) {
    o.services.detach();
    o.store.close();
  }
  await tokens?.stop();
  await proxy?.close();
  await world?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Client services talking to the portal through the proxy, on the store file `name`. */
function client(name: string, retryMs = { first: 60_000, max: 60_000 }) {
  const store = new LocalStore(path.join(dir, `${name}.db`));
  const services = new ClientServices({ shell: 'browser', store, tokens, defaultServerUrl: proxy.url, outboxRetryMs: retryMs, printRegistrationForms: async () => new Uint8Array() });
  const o = { services, store };
  open.push(o);
  return o;
}
function close(o: { services: ClientServices; store: LocalStore }) {
  o.services.detach();
  o.store.close();
  open.splice(open.indexOf(o), 1);
}

const signCalls = () => vi.mocked(tokens.call).mock.calls.filter(([method]) => method === 'signCms');

function outboxEvents(s: ClientServices) {
  const seen: OutboxEntryView[][] = [];
  s.subscribe((event, payload) => event === 'outbox.changed' && seen.push((payload as ClientEvents['outbox.changed']).entries));
  return seen;
}

async function registrationInput(s: ClientServices, label: string) {
  const k = world.keys.issued(label);
  const attachments = [];
  for (const requirement of ['businessLicence', 'adminIdFront', 'adminIdBack', 'adminFilingSheet', 'registrationTable', 'agreement']) {
    attachments.push(value(await uploadThroughClient((m, i) => s.dispatch(m, i), { purpose: 'registration', requirement, fileName: `${requirement}.pdf`, bytes: Buffer.from(pdfBase64(), 'base64') })));
  }
  const form: RegistrationForm = {
    caProfile: k.profile,
    enterprise: { uscc: k.uscc!, name: k.enterpriseName, address: '江苏省苏州市工业园区星湖街328号', legalRepresentative: '张伟' },
    administrator: { name: '王喆', idNumber: '11010519491231002X', mobile: ADMIN_MOBILE },
  };
  return { fingerprint: k.certSha256, pin: k.userPin, form, attachments, idempotencyKey: randomUUID() };
}

async function registrationsOf(label: string) {
  return world.portal.app.services.db.selectFrom('registrations').select('id').where('uscc', '=', world.keys.issued(label).uscc!).execute();
}

async function subsidyInput(s: ClientServices) {
  const created = value(await call<SubsidyApplicationView>(s, 'subsidy.create', { form: {} }));
  const e = world.enterprise.enterpriseId;
  const attachments = await uploadRequired(world.h, e, clerkToken, subsidyApplicationRequirements);
  const talents = [talent({ attachments: await uploadRequired(world.h, e, clerkToken, subsidyTalentRequirements) })];
  const k = world.keys.issued('JSCA-RSA-0001');
  return { applicationId: created.id, fingerprint: k.certSha256, pin: k.userPin, idempotencyKey: randomUUID(), contact: CONTACT, talents, attachments };
}

async function versionsOf(applicationId: string) {
  return world.portal.app.services.db.selectFrom('subsidy_versions').select('version').where('application_id', '=', applicationId).execute();
}

async function until(check: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(() => {
  proxy.up();
  proxy.cut(null);
});

describe('the outbox of signed submissions', () => {
  it('registration: after a lost answer the retry, without a PIN, gets the recorded registration; signed once, one record', async () => {
    const c = client('lost-registration');
    const input = await registrationInput(c.services, 'JSCA-EC-0002');
    const spy = vi.spyOn(tokens, 'call');
    proxy.loseAnswer(/^POST \/api\/registrations$/);
    const first = await call(c.services, 'registration.submit', input);
    expect(first).toMatchObject({ ok: false, error: { code: 'SUBMISSION_QUEUED', retriable: true, details: { signed: true } } });
    expect(await registrationsOf('JSCA-EC-0002')).toHaveLength(1);

    const { pin: _pin, ...withoutPin } = input;
    const retry = value(await call<{ registrationId: string; mobile: string }>(c.services, 'registration.submit', withoutPin));
    expect(retry.mobile).toBe('139****0002');
    expect((await registrationsOf('JSCA-EC-0002')).map((r) => r.id)).toEqual([retry.registrationId]);
    expect(signCalls()).toHaveLength(1);
    // Done: a further retry is answered from the outbox, without the server.
    proxy.down();
    expect(value(await call<{ registrationId: string }>(c.services, 'registration.submit', withoutPin)).registrationId).toBe(retry.registrationId);
    proxy.up();
    expect(c.store.database.prepare('SELECT kind, label, state, attempts FROM outbox WHERE idempotency_key = ?').get(input.idempotencyKey)).toEqual({
      kind: 'registration',
      label: world.keys.issued('JSCA-EC-0002').enterpriseName,
      state: 'sent',
      attempts: 2,
    });
    // The clerk has the answer on screen: nothing is left to show in the header.
    expect(value(await call<{ entries: OutboxEntryView[] }>(c.services, 'outbox.list')).entries).toEqual([]);
    // The same key for other content is a different submission: refused before any signing.
    const changed = { ...input, form: { ...input.form, administrator: { ...input.form.administrator, name: '王二' } } };
    expect(await call(c.services, 'registration.submit', changed)).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT' } });
    expect(signCalls()).toHaveLength(1);
    spy.mockRestore();
  });

  it('subsidy: after a lost answer the retry, without a PIN, gets the recorded application; signed once, one version', async () => {
    const c = client('lost-subsidy');
    await world.signIn(c.services, 'clerk');
    const input = await subsidyInput(c.services);
    const spy = vi.spyOn(tokens, 'call');
    proxy.loseAnswer(/^POST \/api\/enterprises\/[^/]+\/subsidy-applications\/[^/]+\/submit/);
    expect(await call(c.services, 'subsidy.submit', input)).toMatchObject({ ok: false, error: { code: 'SUBMISSION_QUEUED', details: { signed: true } } });

    const { pin: _pin, ...withoutPin } = input;
    expect(value(await call<SubsidyApplicationView>(c.services, 'subsidy.submit', withoutPin))).toMatchObject({ id: input.applicationId, status: 'submitted', version: 1 });
    expect(await versionsOf(input.applicationId)).toHaveLength(1);
    expect(signCalls()).toHaveLength(1);
    spy.mockRestore();
  });

  it('subsidy: a queued application waits for its enterprise to sign in again, and is listed only to it', async () => {
    const c = client('session-subsidy', { first: 100, max: 400 });
    await world.signIn(c.services, 'clerk');
    const input = await subsidyInput(c.services);
    const submitRoute = /^POST \/api\/enterprises\/[^/]+\/subsidy-applications\/[^/]+\/submit/;
    proxy.cut(submitRoute);
    try {
      expect(await call(c.services, 'subsidy.submit', input)).toMatchObject({ ok: false, error: { code: 'SUBMISSION_QUEUED' } });
      value(await call(c.services, 'auth.logout'));
    } finally {
      proxy.cut(null);
    }
    await new Promise((r) => setTimeout(r, 600));
    expect(await versionsOf(input.applicationId)).toHaveLength(0);
    expect(value(await call<{ entries: OutboxEntryView[] }>(c.services, 'outbox.list')).entries).toEqual([]);
    await world.signIn(c.services, 'clerk');
    await until(async () => (await versionsOf(input.applicationId)).length === 1);
    await until(() => c.services.dispatch('outbox.list', {}).then((r) => r.ok && (r.value as { entries: OutboxEntryView[] }).entries[0]?.state === 'sent'));
  });

  it('offline: the submission is queued, and the background sender delivers it once the server is back', async () => {
    const c = client('offline', { first: 100, max: 400 });
    const input = await registrationInput(c.services, 'SZCA-RSA-0003');
    const events = outboxEvents(c.services);
    proxy.down();
    expect(await call(c.services, 'registration.submit', input)).toMatchObject({ ok: false, error: { code: 'SUBMISSION_QUEUED', details: { signed: true, cause: 'SERVER_UNREACHABLE' } } });
    expect(value(await call<{ entries: OutboxEntryView[] }>(c.services, 'outbox.list')).entries[0]).toMatchObject({ state: 'waiting', lastError: 'SERVER_UNREACHABLE' });
    expect(await registrationsOf('SZCA-RSA-0003')).toHaveLength(0);
    proxy.up();
    await until(() => events.at(-1)?.[0]?.state === 'sent');
    expect(events.flat().map((e) => e.state)).toEqual(expect.arrayContaining(['waiting', 'sending', 'sent']));
    expect(await registrationsOf('SZCA-RSA-0003')).toHaveLength(1);
    // The clerk's later retry gets what the background send recorded.
    const { pin: _pin, ...withoutPin } = input;
    expect(value(await call<{ mobile: string }>(c.services, 'registration.submit', withoutPin)).mobile).toBe('139****0002');
  });

  it('a client restart (new services on the same store file) delivers what was waiting', async () => {
    const before = client('restart');
    const input = await registrationInput(before.services, 'SZCA-EC-0004');
    proxy.down();
    expect(await call(before.services, 'registration.submit', input)).toMatchObject({ ok: false, error: { code: 'SUBMISSION_QUEUED' } });
    close(before);
    proxy.up();
    const after = client('restart');
    await until(async () => (await registrationsOf('SZCA-EC-0004')).length === 1);
    await until(() => after.services.dispatch('outbox.list', {}).then((r) => r.ok && (r.value as { entries: OutboxEntryView[] }).entries[0]?.state === 'sent'));
  });

  it('the renderer cannot read or overwrite an outbox entry through drafts.*', async () => {
    const c = client('drafts');
    const input = await registrationInput(c.services, 'SZCA-EC-0004');
    proxy.down();
    await call(c.services, 'registration.submit', { ...input, idempotencyKey: input.idempotencyKey });
    proxy.up();
    for (const key of [input.idempotencyKey, `subsidy-outbox:${input.idempotencyKey}`, `outbox:${input.idempotencyKey}`]) {
      expect(value(await call(c.services, 'drafts.load', { key }))).toBeNull();
      value(await call(c.services, 'drafts.save', { key, data: { envelope: 'forged' } }));
    }
    const row = c.store.database.prepare('SELECT envelope, state FROM outbox WHERE idempotency_key = ?').get(input.idempotencyKey) as { envelope: string };
    expect(JSON.parse(row.envelope)).toMatchObject({ payload: { idempotencyKey: input.idempotencyKey }, cms: expect.any(String) });
    expect(JSON.stringify(value(await call(c.services, 'outbox.list')))).not.toContain('cms');
  });
});
