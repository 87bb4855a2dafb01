import { chinaDateTime } from '@shared/time/china';
import type { SubsidyApplicationSummary } from '@shared/contract/client-api';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { isMessageKey } from '@shared/i18n/messages';
import type { Translate } from '../../i18n/store';

/** Tag colours of the application states: waiting (blue), needs the clerk (orange), done well (green), ended (grey/red). */
export const STATUS_COLOR: Record<SubsidyStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'processing',
  returned: 'warning',
  resubmitted: 'processing',
  approved: 'success',
  publicity: 'success',
  disbursement_pending: 'success',
  receipt_submitted: 'processing',
  receipt_returned: 'warning',
  paid: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** Date and time of an ISO instant in China time, to the minute (`2026-12-06 15:04`). */
export const dateTime = (iso: string | null): string => (iso ? chinaDateTime(iso) : '—');

/** The short application number clerks read out on the phone. */
export const shortId = (id: string) => id.slice(0, 8).toUpperCase();

/** `talents[1].invoiceNumber` → "引进人才 2 · 发票号码": what a reviewer's comment is about, in the clerk's words. */
export function pathLabel(path: string, t: Translate): string {
  const m = /^talents\[(\d{1,2})\]\.(.+)$/.exec(path);
  const field = m ? m[2]! : path;
  const att = /^attachments\.(\w+)$/.exec(field);
  const contact = /^contact\.(name|mobile|email)$/.exec(field);
  const key = att
    ? `subsidy.req.${att[1]}`
    : contact
      ? `subsidy.form.contact${contact[1]![0]!.toUpperCase()}${contact[1]!.slice(1)}`
      : `subsidy.field.${field}`;
  const name = isMessageKey(key) ? t(key) : field;
  return m ? `${t('subsidy.talent.title', { index: Number(m[1]) + 1 })} · ${name}` : name;
}

/** The enterprise's most recently saved unsubmitted application, if any (Home's way back to it). */
export function unfinishedDraft<A extends Pick<SubsidyApplicationSummary, 'status'> & { updatedAt: string }>(applications: readonly A[]): A | null {
  return applications.filter((a) => a.status === 'draft').reduce<A | null>((latest, a) => (!latest || a.updatedAt > latest.updatedAt ? a : latest), null);
}
