import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { fail, ok, type Result } from '@shared/contract/result';
import type { FlowId } from '@shared/portals/catalogue';
import { LocalStore } from './local-store';
import { Outbox, type SubmissionKind } from './outbox';
import type { PortalClient } from './portal-client';

const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-outbox-portals-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

// A SIP registration signed before the clerk switched to Beijing must wait for SIP's server, not go to Beijing's
// (which has no such route and would refuse it for good).
it("sends a waiting entry only while the PC works with a portal that has the entry's flow", async () => {
  const store = new LocalStore(path.join(dir, 'client.db'));
  let answer: Result<unknown> = fail('SERVER_UNREACHABLE', true);
  const sent: string[] = [];
  const kind: SubmissionKind<{ n: number }> = { kind: 'registration', flow: 'caRegistration', needsSession: false, send: async () => (sent.push('sent'), answer) };
  let current: 'sip' | 'beijing-sme' = 'sip';
  const outbox = new Outbox({
    store,
    kinds: [kind as SubmissionKind<never>],
    portal: () => ({}) as PortalClient,
    portalHas: (flow: FlowId) => (current === 'sip' ? flow === 'caRegistration' : false),
    enterpriseId: () => null,
    changed: () => {},
    retryMs: { first: 1, max: 1 },
  });
  const r = await outbox.submit(kind, { idempotencyKey: 'k1', content: { n: 1 }, enterpriseId: null, sign: async () => ok({ envelope: { n: 1 }, label: 'x' }) });
  expect(r).toMatchObject({ ok: false, error: { code: 'SUBMISSION_QUEUED' } });
  expect(sent).toHaveLength(1);

  current = 'beijing-sme';
  answer = ok({ registrationId: 'r1' });
  outbox.kick();
  expect(sent).toHaveLength(1);
  expect(outbox.list()[0]).toMatchObject({ state: 'waiting' });

  current = 'sip';
  outbox.kick();
  await vi.waitFor(() => expect(outbox.list()[0]).toMatchObject({ state: 'sent' }));
  expect(sent).toHaveLength(2);
  outbox.stop();
  store.close();
});
