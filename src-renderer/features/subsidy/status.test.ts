import { describe, expect, it } from 'vitest';
import { unfinishedDraft } from './status';

describe('the way back to an unfinished draft', () => {
  it('offers the most recently saved draft, and nothing when every application was submitted or ended', () => {
    const apps = [
      { id: 'a', status: 'submitted' as const, updatedAt: '2026-12-06T09:00:00.000Z' },
      { id: 'b', status: 'draft' as const, updatedAt: '2026-12-05T09:00:00.000Z' },
      { id: 'c', status: 'draft' as const, updatedAt: '2026-12-06T08:00:00.000Z' },
      { id: 'd', status: 'withdrawn' as const, updatedAt: '2026-12-07T08:00:00.000Z' },
    ];
    expect(unfinishedDraft(apps)?.id).toBe('c');
    expect(unfinishedDraft(apps.filter((a) => a.status !== 'draft'))).toBeNull();
  });
});
