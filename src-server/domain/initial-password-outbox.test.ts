/**
 * Initial passwords survive a carrier that fails after the commit (issue 17 item 11): the SMS is a sealed outbox
 * row written with the enterprise, a later run sends it exactly once (even with two senders at once), the row and
 * its text go once sent, and the tries are bounded.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { login, newEnterprise } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import type {} from '../db/schema-trust-care';
import type { SmsGateway } from '../notifications/sms';
import { announceNewEnterprise, createEnterpriseWithAccounts } from './enterprise-create';
import { initialPasswordKey, MAX_TRIES, retryDelaySeconds, sealText, sendDueInitialPasswords, unsealText } from './initial-password-outbox';

describe('sealing', () => {
  it('round-trips, differs every time, and refuses a changed text or another key', async () => {
    const key = Buffer.alloc(32, 7);
    const a = sealText(key, '密码(Abc-123)');
    expect(a).not.toContain('Abc-123');
    expect(sealText(key, '密码(Abc-123)')).not.toBe(a);
    expect(unsealText(key, a)).toBe('密码(Abc-123)');
    const [v, iv, tag, body] = a.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => unsealText(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => unsealText(Buffer.alloc(32, 8), a)).toThrow();
  });
  it('backs off from 30 s to at most an hour', () => {
    expect([1, 2, 3, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 3600]);
  });
});

describeEachDatabase('initial passwords when the carrier fails', (engine) => {
  let h: Harness;
  let carrierDown = false;
  let sent: { mobile: string; text: string }[] = [];
  const carrier: SmsGateway = {
    kind: 'http',
    async send(mobile, text) {
      if (carrierDown) throw new Error('carrier answered 503');
      // Two senders racing: both would be inside send() at once if both had claimed the row.
      await new Promise((r) => setImmediate(r));
      sent.push({ mobile, text });
    },
  };

  beforeAll(async () => {
    h = await createHarness(engine, { sms: carrier });
  });
  afterAll(() => h?.close());
  beforeEach(() => {
    carrierDown = false;
    sent = [];
  });

  const rowsOf = (enterpriseId: string) => h.app.services.db.selectFrom('initial_password_outbox').selectAll().where('enterprise_id', '=', enterpriseId).execute();

  async function register(mobile: string) {
    const e = newEnterprise();
    const services = h.app.services;
    const created = await services.db.transaction().execute(async (tx) =>
      createEnterpriseWithAccounts(
        tx,
        { uscc: e.uscc, name: e.name, address: '苏州工业园区星湖街328号', legalRepresentative: '张三', administrator: { name: '李四', mobile } },
        { actor: { type: 'system', id: null }, now: services.clock.now(), requestId: 'test', outboxKey: await initialPasswordKey(services.config) },
      ),
    );
    await announceNewEnterprise(services, created, h.app.log);
    return { e, created };
  }

  it('keeps the SMS sealed when the carrier fails, and a later run sends it once: the passwords in it sign in', async () => {
    carrierDown = true;
    const { e, created } = await register('13900000001');
    // The enterprise stands; its SMS waits, sealed: no password in the row.
    const [row] = await rowsOf(created.enterpriseId);
    expect(row).toMatchObject({ mobile: '13900000001', attempts: 1, claimed_at: null, last_error: 'carrier answered 503' });
    const text = unsealText(await initialPasswordKey(h.app.services.config), row!.sealed_text!);
    const adminPassword = /账号\(admin\)，密码\(([^)]+)\)/.exec(text)![1]!;
    expect(JSON.stringify(row)).not.toContain(adminPassword);

    // Not due yet: nothing happens, even with the carrier back.
    carrierDown = false;
    expect((await sendDueInitialPasswords(h.app.services, h.app.log)).sent).toBe(0);
    h.clock.advance(retryDelaySeconds(1) + 1);
    // Two senders (two server processes) at once: one claims the row, the other finds nothing to claim.
    const [a, b] = await Promise.all([sendDueInitialPasswords(h.app.services, h.app.log), sendDueInitialPasswords(h.app.services, h.app.log)]);
    expect(a.sent + b.sent).toBe(1);
    // The portal's signature goes in front of every text (sms.ts signedSmsGateway).
    expect(sent.map((s) => [s.mobile, s.text.endsWith(text)])).toEqual([['13900000001', true]]);
    expect(await rowsOf(created.enterpriseId)).toEqual([]);
    expect((await sendDueInitialPasswords(h.app.services, h.app.log)).sent).toBe(0);
    expect(sent).toHaveLength(1);

    const res = await login(h, e.uscc, 'admin', adminPassword);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('sends at once when the carrier works, leaving no row', async () => {
    const { created } = await register('13900000002');
    expect(sent.map((s) => s.mobile)).toEqual(['13900000002']);
    expect(await rowsOf(created.enterpriseId)).toEqual([]);
  });

  it('gives up after the last try and wipes the text', async () => {
    carrierDown = true;
    const { created } = await register('13900000003');
    for (let attempt = 1; attempt < MAX_TRIES; attempt++) {
      h.clock.advance(retryDelaySeconds(attempt) + 1);
      await sendDueInitialPasswords(h.app.services, h.app.log);
    }
    const [row] = await rowsOf(created.enterpriseId);
    expect(row).toMatchObject({ attempts: MAX_TRIES, sealed_text: null });
    carrierDown = false;
    h.clock.advance(3600 * 24);
    expect((await sendDueInitialPasswords(h.app.services, h.app.log)).sent).toBe(0);
    expect(sent).toEqual([]);
  });

  it('takes over a claim a crashed sender left, not a fresh one', async () => {
    carrierDown = true;
    const { created } = await register('13900000004');
    carrierDown = false;
    h.clock.advance(retryDelaySeconds(1) + 1);
    const db = h.app.services.db;
    await db.updateTable('initial_password_outbox').set({ claimed_at: h.clock.now().toISOString() }).where('enterprise_id', '=', created.enterpriseId).execute();
    expect((await sendDueInitialPasswords(h.app.services, h.app.log)).sent).toBe(0);
    h.clock.advance(6 * 60);
    expect((await sendDueInitialPasswords(h.app.services, h.app.log)).sent).toBe(1);
    expect(sent.map((s) => s.mobile)).toEqual(['13900000004']);
  });
});
