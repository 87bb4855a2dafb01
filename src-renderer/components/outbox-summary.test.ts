import { describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '@shared/contract/client-api';
import { outboxKindKey, outboxSummary } from './outbox-summary';

const entry = (state: OutboxEntryView['state'], kind = 'registration'): OutboxEntryView => ({
  idempotencyKey: crypto.randomUUID(),
  kind,
  label: '苏州星河智能科技有限公司',
  state,
  attempts: 1,
  lastError: null,
  createdAt: '2026-12-06T08:00:00.000Z',
  sentAt: null,
});

describe('outboxSummary', () => {
  it('counts what waits or is being sent, and what the server refused; hidden when neither', () => {
    expect(outboxSummary([entry('waiting'), entry('sending'), entry('sent'), entry('refused')])).toEqual({ pending: 2, refused: 1, shown: true });
    expect(outboxSummary([entry('sent')]).shown).toBe(false);
    expect(outboxSummary([]).shown).toBe(false);
  });

  it('names the known kinds, and any later flow generically until it has its own name', () => {
    expect(outboxKindKey('subsidy')).toBe('outbox.kind.subsidy');
    expect(outboxKindKey('filing')).toBe('outbox.kind.other');
  });
});
