import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import { certificate } from '../test-support/certificates';
import { emptyDraft, parseDraft, startAutosave, useRegistration, withIdempotencyKey } from './registration-draft';

const ref = { requirement: 'businessLicence', sha256: 'c'.repeat(64), size: 1000, mediaType: 'application/pdf' as const, fileName: '营业执照.pdf' };

function fakeApi(saved: unknown = null) {
  const calls: { method: string; input: unknown }[] = [];
  const api = {
    drafts: {
      load: vi.fn(async (input: unknown) => {
        calls.push({ method: 'load', input });
        return { ok: true, value: saved === null ? null : { data: saved, savedAt: '2026-11-22T00:00:00Z' } };
      }),
      save: vi.fn(async (input: unknown) => {
        calls.push({ method: 'save', input });
        return { ok: true, value: { savedAt: '2026-11-22T00:00:00Z' } };
      }),
      discard: vi.fn(async (input: unknown) => {
        calls.push({ method: 'discard', input });
        return { ok: true, value: { discarded: true } };
      }),
    },
  };
  vi.stubGlobal('window', { tongban: api as unknown as TongbanClientApi });
  return { api, calls };
}

beforeEach(() => {
  useRegistration.setState({ draft: emptyDraft(), restored: false, loaded: false, result: null });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('registration draft', () => {
  it.each([
    ['finishing', () => useRegistration.getState().finish({ enterpriseId: 'e', uscc: '91320594MA1MXK3R3C', name: 'n', usernames: ['admin'] })],
    ['starting over', () => useRegistration.getState().startOver()],
  ])('never saves the draft again after %s (a change typed just before must not bring it back)', async (_name, end) => {
    vi.useFakeTimers();
    const { calls } = fakeApi();
    await useRegistration.getState().load();
    const stop = startAutosave(500);
    useRegistration.getState().update({ caProfile: 'jiangsu-ca', step: 'sms' });
    await end();
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    expect(calls.map((c) => c.method)).toEqual(['load', 'discard']);
  });

  it('restores a saved draft and says so', async () => {
    const saved = { ...emptyDraft(), caProfile: 'jiangsu-ca', step: 'upload', attachments: { businessLicence: ref } };
    fakeApi(saved);
    await useRegistration.getState().load();
    const s = useRegistration.getState();
    expect(s.restored).toBe(true);
    expect(s.draft.step).toBe('upload');
    expect(s.draft.attachments.businessLicence).toEqual(ref);
  });

  it('drops a damaged or finished draft', () => {
    expect(parseDraft({ step: 'form' })).toBeNull();
    expect(parseDraft({ ...emptyDraft(), caProfile: 'jiangsu-ca', step: 'done' })).toBeNull();
    expect(parseDraft('nonsense')).toBeNull();
  });

  it('prefills USCC and name from the chosen key', () => {
    useRegistration.getState().chooseKey(certificate({ uscc: '91320594MA1MXXXX0X', enterpriseName: '苏州测试科技有限公司', profile: 'suzhou-ca' }));
    const d = useRegistration.getState().draft;
    expect(d.form.enterprise).toMatchObject({ uscc: '91320594MA1MXXXX0X', name: '苏州测试科技有限公司' });
    expect(d.form.caProfile).toBe('suzhou-ca');
    expect(d.fingerprint).toBe('a'.repeat(64));
  });

  it('autosaves 500 ms after the last change, never the PIN, and writes a pending change on stop', async () => {
    vi.useFakeTimers();
    const { calls } = fakeApi();
    await useRegistration.getState().load();
    const stop = startAutosave();
    const { update, updateForm } = useRegistration.getState();
    update({ caProfile: 'jiangsu-ca' });
    vi.advanceTimersByTime(300);
    updateForm({ ...useRegistration.getState().draft.form, enterprise: { ...useRegistration.getState().draft.form.enterprise, address: '苏州工业园区星湖街 328 号' } });
    vi.advanceTimersByTime(300);
    expect(calls.filter((c) => c.method === 'save')).toHaveLength(0);
    vi.advanceTimersByTime(250);
    const saves = calls.filter((c) => c.method === 'save');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.input).toMatchObject({ key: 'registration', data: { caProfile: 'jiangsu-ca', form: { enterprise: { address: '苏州工业园区星湖街 328 号' } } } });
    expect(JSON.stringify(saves[0]?.input)).not.toMatch(/pin/i);

    update({ step: 'form' });
    stop();
    expect(calls.filter((c) => c.method === 'save')).toHaveLength(2);
  });

  it('does not save before the saved draft was loaded (it would overwrite it)', () => {
    vi.useFakeTimers();
    const { calls } = fakeApi();
    const stop = startAutosave();
    useRegistration.getState().update({ caProfile: 'jiangsu-ca' });
    vi.advanceTimersByTime(1000);
    stop();
    expect(calls).toHaveLength(0);
  });

  it('discards the draft after success', async () => {
    const { calls } = fakeApi();
    await useRegistration.getState().finish({ enterpriseId: 'e', uscc: 'u', name: 'n', usernames: ['admin', 'super'] });
    expect(calls.at(-1)).toEqual({ method: 'discard', input: { key: 'registration' } });
    expect(useRegistration.getState().draft.step).toBe('done');
  });
});

describe('idempotency key', () => {
  it('stays the same for a retry and changes for different content', () => {
    const first = withIdempotencyKey({ ...emptyDraft(), caProfile: 'jiangsu-ca' });
    const retry = withIdempotencyKey(first);
    expect(retry.idempotencyKey).toBe(first.idempotencyKey);
    const edited = withIdempotencyKey({ ...first, form: { ...first.form, enterprise: { ...first.form.enterprise, address: '新地址' } } });
    expect(edited.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it('keeps the draft’s own key for its first submission', () => {
    const d = { ...emptyDraft(), caProfile: 'jiangsu-ca' as const };
    expect(withIdempotencyKey(d).idempotencyKey).toBe(d.idempotencyKey);
  });
});
