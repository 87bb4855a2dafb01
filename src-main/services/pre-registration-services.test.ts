import { describe, expect, it } from 'vitest';
import type { HttpRoute } from '@shared/contract/http/route';
import type { Result } from '@shared/contract/result';
import { preRegistrationHandlers } from './pre-registration-services';
import type { PortalClient } from './portal-client';

// What main keeps of a pre-registration, against a portal that answers as scripted: the secret is made once,
// reused for a resend after a dropped line (the server's idempotency key), dropped after a refusal, used to
// correct the kept request (PUT) and to read its status; the renderer's answers never carry it.
const form = {
  enterprise: { uscc: '91320594MA1YY8Q29X', name: '苏州园区无Key示范有限公司', address: '江苏省苏州市工业园区星湖街328号' },
  legalRepresentative: { name: '张伟', idNumber: '11010519491231002X', mobile: '13812341234' },
  administrator: { name: '王喆', idNumber: '11010519491231002X', mobile: '13812341234', email: '' },
};
const view = { preRegistrationId: '0b9d6c1e-2f4a-4c1b-9d3e-5a6b7c8d9e0f', status: 'submitted' };

function world(answers: Result<unknown>[]) {
  const settings = new Map<string, unknown>();
  const sent: Array<{ route: string; body: { secret?: string; form?: { administrator: Record<string, unknown> } } }> = [];
  const portal = {
    call: async (route: HttpRoute, req: { body?: never }) => {
      sent.push({ route: `${route.method} ${route.path}`, body: req.body ?? {} });
      return answers.shift() ?? { ok: false, error: { code: 'UNSCRIPTED', retriable: false } };
    },
  } as unknown as PortalClient;
  const store = { getSetting: <T>(k: string) => settings.get(k) as T | undefined, setSetting: (k: string, v: unknown) => void settings.set(k, v) };
  let ended = 0;
  const h = preRegistrationHandlers({ portal: () => portal, store: () => store, uploadToken: () => 'x'.repeat(43), endUploadAttempt: () => void ended++, print: async () => new Uint8Array() });
  return { h, sent, settings, ended: () => ended };
}

describe('preRegistration.* in main', () => {
  it('resends with the same secret after a dropped line, then keeps the request and reads and corrects it with that secret', async () => {
    const w = world([
      { ok: false, error: { code: 'SERVER_UNREACHABLE', retriable: true } },
      { ok: true, value: view },
      { ok: true, value: { ...view, status: 'refused' } },
      { ok: true, value: { ...view, status: 'resubmitted' } },
    ]);
    expect((await w.h['preRegistration.submit']({ form, attachments: [] })).ok).toBe(false);
    const answer = await w.h['preRegistration.submit']({ form, attachments: [] });
    expect(answer).toMatchObject({ ok: true, value: view });
    expect(JSON.stringify(answer)).not.toContain(w.sent[0]!.body.secret!);
    expect(w.sent.map((s) => s.route)).toEqual(['POST /api/pre-registrations', 'POST /api/pre-registrations']);
    expect(w.sent[1]!.body.secret).toBe(w.sent[0]!.body.secret);
    // A blank e-mail is no e-mail: the contract's is optional, not empty.
    expect(w.sent[0]!.body.form!.administrator).not.toHaveProperty('email');
    expect(w.ended()).toBe(1);

    expect(await w.h['preRegistration.status']()).toMatchObject({ ok: true, value: { status: 'refused' } });
    expect(await w.h['preRegistration.submit']({ form, attachments: [] })).toMatchObject({ ok: true, value: { status: 'resubmitted' } });
    expect(w.sent.slice(2).map((s) => s.route)).toEqual(['POST /api/pre-registrations/:preRegistrationId/view', 'PUT /api/pre-registrations/:preRegistrationId']);
    expect(new Set(w.sent.map((s) => s.body.secret)).size).toBe(1);
  });

  it('makes a new secret after the server refused a submission, and forgets a request the server no longer knows', async () => {
    const w = world([
      { ok: false, error: { code: 'PRE_REGISTRATION_REGISTRY_MISMATCH', retriable: false } },
      { ok: true, value: view },
      { ok: false, error: { code: 'NOT_FOUND', retriable: false } },
    ]);
    await w.h['preRegistration.submit']({ form, attachments: [] });
    await w.h['preRegistration.submit']({ form, attachments: [] });
    expect(w.sent[1]!.body.secret).not.toBe(w.sent[0]!.body.secret);
    expect(await w.h['preRegistration.status']()).toEqual({ ok: true, value: null });
    expect(await w.h['preRegistration.status']()).toEqual({ ok: true, value: null });
    expect(w.sent).toHaveLength(3);
  });

  it('refuses a form the contract refuses before anything is sent, with the server\u2019s paths', async () => {
    const w = world([]);
    const r = await w.h['preRegistration.submit']({ form: { ...form, legalRepresentative: { ...form.legalRepresentative, idNumber: '110105194912310021' } }, attachments: [] });
    expect(r).toMatchObject({ ok: false, error: { issues: [{ path: 'body.form.legalRepresentative.idNumber', code: 'ID_CHECK_DIGIT' }] } });
    expect(w.sent).toHaveLength(0);
  });
});
