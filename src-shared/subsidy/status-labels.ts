/**
 * The words for an application's status, the same on every desk: the clerk's desktop, the staff console and the
 * phone page. The desktop's catalog (`subsidy.status.*`) and the console's labels are made from this one table.
 */
import type { SubsidyStatus } from '../contract/http/subsidy';

export interface StatusText {
  'zh-CN': string;
  en: string;
}

export const subsidyStatusLabels: Readonly<Record<SubsidyStatus, StatusText>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  returned: { 'zh-CN': '退回修改', en: 'Returned for correction' },
  resubmitted: { 'zh-CN': '已重新提交', en: 'Resubmitted' },
  approved: { 'zh-CN': '审核通过', en: 'Approved' },
  publicity: { 'zh-CN': '公示中', en: 'In publicity' },
  disbursement_pending: { 'zh-CN': '待拨付', en: 'Awaiting disbursement' },
  receipt_submitted: { 'zh-CN': '收据已提交', en: 'Receipt submitted' },
  receipt_returned: { 'zh-CN': '收据已退回', en: 'Receipt returned' },
  paid: { 'zh-CN': '已拨付', en: 'Paid' },
  rejected: { 'zh-CN': '不予通过', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

/** The table as catalog entries (`subsidy.status.paid` → 已拨付) for a desk whose texts are keyed messages. */
export function statusMessages(locale: keyof StatusText): Record<`subsidy.status.${SubsidyStatus}`, string> {
  return Object.fromEntries(Object.entries(subsidyStatusLabels).map(([status, text]) => [`subsidy.status.${status}`, text[locale]])) as Record<`subsidy.status.${SubsidyStatus}`, string>;
}
