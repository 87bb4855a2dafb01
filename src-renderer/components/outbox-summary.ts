import type { OutboxEntryView } from '@shared/contract/client-api';
import { isMessageKey, type MessageKey } from '@shared/i18n/messages';

/**
 * What the header says of main's outbox: how many signed submissions wait to be sent, and how many the server
 * refused (a refusal that came in the background is seen nowhere else). Nothing when both are none.
 */
export function outboxSummary(entries: OutboxEntryView[]): { pending: number; refused: number; shown: boolean } {
  const pending = entries.filter((e) => e.state === 'waiting' || e.state === 'sending').length;
  const refused = entries.filter((e) => e.state === 'refused').length;
  return { pending, refused, shown: pending + refused > 0 };
}

/** The catalog key naming a kind of submission; a flow without its own name yet is a "signed submission". */
export function outboxKindKey(kind: string): MessageKey {
  const key = `outbox.kind.${kind}`;
  return isMessageKey(key) ? key : 'outbox.kind.other';
}
