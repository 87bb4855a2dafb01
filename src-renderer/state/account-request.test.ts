import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { AccountRequestView } from '@shared/contract/http/account-requests';
import { accountRequestDraftKey, accountRequestFilesKey, startAccountRequestAutosave, useAccountRequest } from './account-request';

const REQUEST = '6f258176-0000-4000-8000-0000000000aa';
const SHA = 'c'.repeat(64);
const ENTERPRISE = { uscc: '91320594MA1MXK3R3C', name: '苏州某某科技有限公司' };

/** main's local store as a map, behind the client API the renderer calls. */
function fakeStore() {
  const store = new Map<string, unknown>();
  const api = {
    drafts: {
      load: vi.fn(async ({ key }: { key: string }) => ({ ok: true, value: store.has(key) ? { data: store.get(key), savedAt: '2026-12-07T01:00:00.000Z' } : null })),
      save: vi.fn(async ({ key, data }: { key: string; data: unknown }) => {
        store.set(key, JSON.parse(JSON.stringify(data)));
        return { ok: true, value: { savedAt: '2026-12-07T01:00:00.000Z' } };
      }),
      discard: vi.fn(async ({ key }: { key: string }) => ({ ok: true, value: { discarded: store.delete(key) } })),
    },
  };
  vi.stubGlobal('window', { tongban: api as unknown as TongbanClientApi });
  return store;
}

const loaded = () => vi.waitFor(() => expect(useAccountRequest.getState().loaded).toBe(true));
const scan = (fileName: string) => ({ requirement: 'authorisationLetter', sha256: SHA, size: 10, mediaType: 'application/pdf' as const, fileName });

afterEach(() => {
  useAccountRequest.setState({ draft: null, request: null, loaded: false, restored: false, serverIssues: [] });
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('account request drafts (issue 13 follow-up)', () => {
  it('autosaves what is typed and uploaded, and puts it back when the same request is started again', async () => {
    const store = fakeStore();
    useAccountRequest.getState().start('administratorChange', ENTERPRISE);
    await loaded();
    expect(useAccountRequest.getState().restored).toBe(false);
    vi.useFakeTimers();
    const stop = startAccountRequestAutosave(500);
    const s = useAccountRequest.getState();
    s.updateForm({ ...s.draft!.form, filer: { name: '王喆', mobile: '13600002222' } });
    s.setAttachment('authorisationLetter', scan('委托书-盖章.pdf'));
    await vi.advanceTimersByTimeAsync(600);
    stop();
    vi.useRealTimers();
    expect(store.has(accountRequestDraftKey(useAccountRequest.getState().draft!))).toBe(true);

    // A restart: the store is empty again, the request is started anew.
    useAccountRequest.setState({ draft: null, loaded: false });
    useAccountRequest.getState().start('administratorChange', ENTERPRISE);
    await loaded();
    expect(useAccountRequest.getState()).toMatchObject({
      restored: true,
      draft: { form: { filer: { name: '王喆' }, enterprise: ENTERPRISE }, attachments: { authorisationLetter: { fileName: '委托书-盖章.pdf' } } },
    });
    // Another enterprise signed in on this PC does not get it.
    useAccountRequest.getState().start('administratorChange', { uscc: '91320000000000000X', name: '别家' });
    await loaded();
    expect(useAccountRequest.getState()).toMatchObject({ restored: false, draft: { form: { filer: { name: '' } } } });
  });

  it('forgets the draft once sent, and a refused request’s correction shows the names its scans were sent with', async () => {
    const store = fakeStore();
    useAccountRequest.getState().start('administratorChange', ENTERPRISE);
    await loaded();
    useAccountRequest.getState().setAttachment('authorisationLetter', scan('委托书-盖章.pdf'));
    const key = accountRequestDraftKey(useAccountRequest.getState().draft!);
    store.set(key, { stale: true });
    const view = { requestId: REQUEST, kind: 'administratorChange', status: 'refused', form: { kind: 'administratorChange', enterprise: ENTERPRISE, administrator: { name: '周新', idNumber: '', mobile: '13912340002' }, filer: { name: '王喆', mobile: '13600002222' } }, attachments: [{ requirement: 'authorisationLetter', sha256: SHA, size: 10, mediaType: 'application/pdf' }] } as unknown as AccountRequestView;
    useAccountRequest.getState().submitted(view);
    await vi.waitFor(() => expect(store.has(accountRequestFilesKey(REQUEST))).toBe(true));
    expect(store.has(key)).toBe(false);

    useAccountRequest.getState().correct();
    await loaded();
    expect(useAccountRequest.getState().draft).toMatchObject({ requestId: REQUEST, attachments: { authorisationLetter: { fileName: '委托书-盖章.pdf' } } });
  });
});
