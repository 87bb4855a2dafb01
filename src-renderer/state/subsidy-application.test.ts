import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { startSubsidyAutosave, subsidyDraftKey, useSubsidyApplication } from './subsidy-application';
import { emptyForm } from './subsidy-form';

const ID = '6f258176-0000-4000-8000-000000000001';
const view = (status: SubsidyApplicationView['status'], updatedAt = '2026-11-22T10:00:00.000Z') =>
  ({ id: ID, status, form: { contact: { name: '服务器' } }, updatedAt, quota: { rule: { rateBasisPoints: 5000, perTalentCapFen: 1, perEnterpriseYearCapFen: 1 }, usedThisYearFen: 0 } }) as unknown as SubsidyApplicationView;

function fakeApi(opts: { app: SubsidyApplicationView; local?: { data: unknown; savedAt: string } }) {
  const calls: string[] = [];
  const api = {
    subsidy: {
      get: vi.fn(async () => ({ ok: true, value: opts.app })),
      saveDraft: vi.fn(async () => {
        calls.push('server');
        return { ok: true, value: opts.app };
      }),
    },
    drafts: {
      load: vi.fn(async ({ key }: { key: string }) => ({ ok: true, value: key === subsidyDraftKey(ID) ? (opts.local ?? null) : null })),
      save: vi.fn(async ({ key }: { key: string }) => {
        calls.push(`local:${key}`);
        return { ok: true, value: { savedAt: '2026-11-22T11:00:00.000Z' } };
      }),
      discard: vi.fn(async ({ key }: { key: string }) => {
        calls.push(`discard:${key}`);
        return { ok: true, value: { discarded: true } };
      }),
    },
  };
  vi.stubGlobal('window', { tongban: api as unknown as TongbanClientApi });
  return calls;
}

afterEach(() => {
  useSubsidyApplication.getState().close();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('subsidy application draft', () => {
  it('restores the local draft when it is newer than the server’s, else the server’s form', async () => {
    const local = { form: { ...emptyForm(), contact: { name: '本机', mobile: '', email: '' } }, idempotencyKey: crypto.randomUUID(), idempotencyFor: null };
    fakeApi({ app: view('draft'), local: { data: local, savedAt: '2026-11-22T10:05:00.000Z' } });
    await useSubsidyApplication.getState().open(ID);
    expect(useSubsidyApplication.getState()).toMatchObject({ restored: true, form: { contact: { name: '本机' } } });
    fakeApi({ app: view('draft', '2026-11-22T10:10:00.000Z'), local: { data: local, savedAt: '2026-11-22T10:05:00.000Z' } });
    await useSubsidyApplication.getState().open(ID);
    expect(useSubsidyApplication.getState()).toMatchObject({ restored: false, form: { contact: { name: '服务器' } } });
  });

  it('saves locally at once and to the server later, and never again once submitted', async () => {
    vi.useFakeTimers();
    const calls = fakeApi({ app: view('draft') });
    await useSubsidyApplication.getState().open(ID);
    const stop = startSubsidyAutosave(500, 3000);
    useSubsidyApplication.getState().edit((f) => ({ ...f, contact: { ...f.contact, name: '赵六' } }));
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([`local:${subsidyDraftKey(ID)}`]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toEqual([`local:${subsidyDraftKey(ID)}`, 'server']);

    calls.length = 0;
    useSubsidyApplication.getState().edit((f) => ({ ...f, contact: { ...f.contact, name: '赵六六' } }));
    await useSubsidyApplication.getState().submitted(view('submitted'));
    await vi.advanceTimersByTimeAsync(5000);
    stop();
    expect(calls).toEqual([`discard:${subsidyDraftKey(ID)}`, `local:subsidy-files:${ID}`]);
  });
});
