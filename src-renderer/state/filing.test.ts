import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { FilingView } from '@shared/contract/http/filing';
import { filingDraftKey, filingFilesKey, useFiling } from './filing';

const ID = '6f258176-0000-4000-8000-0000000000f1';
const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const digest = (requirement: string, sha256: string) => ({ requirement, sha256, size: 10, mediaType: 'application/pdf' });
// What the server keeps of the filed form: hashes, no names.
const serverForm = { contact: { name: '赵六' }, project: { name: '门卫室' }, attachments: [digest('planningPermit', SHA), digest('planningPermit', OTHER), digest('constructionContract', SHA)] };
const view = (status: FilingView['status']) => ({ id: ID, status, form: serverForm, updatedAt: '2026-11-22T10:00:00.000Z' }) as unknown as FilingView;

function fakeApi(app: FilingView, stored: Map<string, unknown>) {
  const api = {
    filing: { get: vi.fn(async () => ({ ok: true, value: app })), prepared: vi.fn(async () => ({ ok: true, value: null })) },
    drafts: {
      load: vi.fn(async ({ key }: { key: string }) => ({ ok: true, value: stored.has(key) ? { data: stored.get(key), savedAt: '2026-11-22T09:00:00.000Z' } : null })),
      save: vi.fn(async ({ key, data }: { key: string; data: unknown }) => {
        stored.set(key, data);
        return { ok: true, value: { savedAt: '2026-11-22T11:00:00.000Z' } };
      }),
      discard: vi.fn(async ({ key }: { key: string }) => {
        stored.delete(key);
        return { ok: true, value: { discarded: true } };
      }),
    },
  };
  vi.stubGlobal('window', { tongban: api as unknown as TongbanClientApi });
}

afterEach(() => {
  useFiling.getState().close();
  vi.unstubAllGlobals();
});

const names = () => Object.values(useFiling.getState().form.attachments).flatMap((files) => (files ?? []).map((f) => f.fileName));

describe('a filing’s file names', () => {
  it('are kept at submission, per slot and hash, and a returned filing shows its files by them', async () => {
    const stored = new Map<string, unknown>();
    fakeApi(view('draft'), stored);
    await useFiling.getState().open(ID);
    // Before the desk knows them: the server's hashes.
    expect(names()).toEqual([`${SHA.slice(0, 8)}.pdf`, `${OTHER.slice(0, 8)}.pdf`, `${SHA.slice(0, 8)}.pdf`]);
    useFiling.getState().edit((f) => ({
      ...f,
      attachments: {
        planningPermit: (f.attachments.planningPermit ?? []).map((a, i) => ({ ...a, fileName: ['规划许可证.pdf', '用地证明.pdf'][i]! })),
        constructionContract: (f.attachments.constructionContract ?? []).map((a) => ({ ...a, fileName: '施工合同.pdf' })),
      },
    }));
    await useFiling.getState().submitted(view('submitted'));
    expect(stored.has(filingDraftKey(ID))).toBe(false);
    expect(stored.has(filingFilesKey(ID))).toBe(true);

    useFiling.getState().close();
    fakeApi(view('returned'), stored);
    await useFiling.getState().open(ID);
    // One file in two slots keeps the name it had in each.
    expect(names()).toEqual(['规划许可证.pdf', '用地证明.pdf', '施工合同.pdf']);
  });
});
