import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { fileNames, startSubsidyAutosave, subsidyDraftKey, subsidyFilesKey, useSubsidyApplication } from './subsidy-application';
import { emptyForm, type SubsidyForm } from './subsidy-form';

const ID = '6f258176-0000-4000-8000-000000000001';
const view = (status: SubsidyApplicationView['status'], updatedAt = '2026-11-22T10:00:00.000Z') =>
  ({ id: ID, status, form: { contact: { name: '服务器' } }, updatedAt, quota: { rule: { rateBasisPoints: 5000, perTalentCapFen: 1, perEnterpriseYearCapFen: 1 }, usedThisYearFen: 0 } }) as unknown as SubsidyApplicationView;

function fakeApi(opts: { app: SubsidyApplicationView; local?: { data: unknown; savedAt: string }; files?: unknown }) {
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
      load: vi.fn(async ({ key }: { key: string }) => ({
        ok: true,
        value: key === subsidyDraftKey(ID) ? (opts.local ?? null) : key === subsidyFilesKey(ID) && opts.files ? { data: opts.files, savedAt: '2026-11-22T09:00:00.000Z' } : null,
      })),
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

  // The server keeps hashes only: the names are the desk's, per slot (walk-through items 4 and 15).
  const SHA = 'a'.repeat(64);
  const OTHER = 'b'.repeat(64);
  const file = (requirement: string, sha256: string, fileName: string) => ({ requirement, sha256, size: 10, mediaType: 'image/jpeg' as const, fileName });
  const serverForm = {
    contact: { name: '服务器' },
    attachments: [file('businessLicence', SHA, ''), file('businessLicence', OTHER, '')],
    talents: [{ name: '人才', attachments: [file('invoice', SHA, '')] }],
  };
  const named = (form: SubsidyForm) => [
    ...(form.attachments.businessLicence ?? []).map((f) => f.fileName),
    ...(form.talents[0]?.attachments.invoice ?? []).map((f) => f.fileName),
  ];

  it('shows the names the clerk chose, per slot, when the server’s draft is the newer one', async () => {
    const typed: SubsidyForm = {
      ...emptyForm(),
      attachments: { businessLicence: [file('businessLicence', SHA, '营业执照-正本.jpg'), file('businessLicence', OTHER, '营业执照-副本.jpg')] },
      talents: [{ ...emptyForm().talents[0]!, attachments: { invoice: [file('invoice', SHA, '人才2-发票.jpg')] } }],
    };
    const local = { form: typed, idempotencyKey: crypto.randomUUID(), idempotencyFor: null };
    fakeApi({ app: { ...view('draft', '2026-11-22T10:10:00.000Z'), form: serverForm } as SubsidyApplicationView, local: { data: local, savedAt: '2026-11-22T10:05:00.000Z' } });
    await useSubsidyApplication.getState().open(ID);
    expect(useSubsidyApplication.getState().restored).toBe(false);
    expect(named(useSubsidyApplication.getState().form)).toEqual(['营业执照-正本.jpg', '营业执照-副本.jpg', '人才2-发票.jpg']);
  });

  it('shows a returned application’s files by the names they were filed with, also from names kept by an earlier version', async () => {
    const filed: SubsidyForm = {
      ...emptyForm(),
      attachments: { businessLicence: [file('businessLicence', SHA, '执照.jpg'), file('businessLicence', OTHER, '执照2.jpg')] },
      talents: [{ ...emptyForm().talents[0]!, attachments: { invoice: [file('invoice', SHA, '发票.jpg')] } }],
    };
    fakeApi({ app: { ...view('returned'), form: serverForm } as SubsidyApplicationView, files: fileNames(filed) });
    await useSubsidyApplication.getState().open(ID);
    expect(named(useSubsidyApplication.getState().form)).toEqual(['执照.jpg', '执照2.jpg', '发票.jpg']);
    // Kept by SHA-256 only (before names were per slot): still a name, not a hash.
    fakeApi({ app: { ...view('returned'), form: serverForm } as SubsidyApplicationView, files: { [SHA]: '旧.jpg' } });
    await useSubsidyApplication.getState().open(ID);
    expect(named(useSubsidyApplication.getState().form)).toEqual(['旧.jpg', `${OTHER.slice(0, 8)}.jpg`, '旧.jpg']);
  });
});
