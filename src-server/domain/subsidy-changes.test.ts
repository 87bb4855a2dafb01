import { describe, expect, it } from 'vitest';
import type { SubsidyPayload } from '@shared/contract/http/subsidy';
import { subsidyChanges } from './subsidy-changes';

const file = (requirement: string, sha: string) => ({ requirement, sha256: sha.repeat(64), size: 1, mediaType: 'application/pdf' }) as never;
const payload = (over: Record<string, unknown> = {}) =>
  ({
    type: 'tongban.subsidy-application/v1',
    signedAt: '2026-01-01T00:00:00Z',
    idempotencyKey: 'k1',
    contact: { name: '赵六', mobile: '13700001234', email: 'a@b.c' },
    talents: [
      { name: 'A', invoiceNumber: '1', headhunter: { name: 'H', uscc: 'U' }, attachments: [file('invoice', 'a')] },
      { name: 'B', invoiceNumber: '2', headhunter: null, attachments: [file('invoice', 'b')] },
    ],
    attachments: [file('businessLicence', 'c')],
    ...over,
  }) as unknown as SubsidyPayload;

describe('what a resubmission changed', () => {
  it('ignores the envelope and reports field paths and attachment requirements that differ', () => {
    expect(subsidyChanges(payload(), payload({ signedAt: 'x', idempotencyKey: 'k2' }))).toEqual({ fields: [], attachments: [] });
    const next = payload({ contact: { name: '赵六', mobile: '13700009999', email: 'a@b.c' } });
    next.talents[1]!.invoiceNumber = '3';
    next.talents[0]!.attachments = [file('invoice', 'd')];
    (next.attachments as unknown[]).push(file('other', 'e'));
    expect(subsidyChanges(payload(), next)).toEqual({
      fields: ['contact.mobile', 'talents[1].invoiceNumber'],
      attachments: ['attachments.other', 'talents[0].attachments.invoice'],
    });
  });

  it('reports a talent added or removed by its fields', () => {
    const fewer = payload();
    fewer.talents.pop();
    expect(subsidyChanges(payload(), fewer).fields).toContain('talents[1].name');
    expect(subsidyChanges(payload(), fewer).attachments).toEqual(['talents[1].attachments.invoice']);
  });
});
