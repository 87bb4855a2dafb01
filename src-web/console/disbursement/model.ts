/** The disbursement as finance staff see it, and what is still missing said in words. */
import { chinaDate } from '@shared/time/china';
import type { z } from 'zod';
import type { staffDisbursementViewSchema } from '@shared/contract/http/disbursement';
import type { Translate } from '../i18n';

export type StaffDisbursement = z.infer<typeof staffDisbursementViewSchema>;
export type ReceiptAction = StaffDisbursement['allowedActions'][number];

/** `employmentCertificate:1` → 人才2的在职证明; `bankAccount` → 收款账户; anything unknown as it is. */
export function missingLabel(item: string, t: Translate): string {
  const cert = /^employmentCertificate:(\d+)$/.exec(item);
  if (cert) return t('disb.missing.employmentCertificate', { n: Number(cert[1]) + 1 });
  if (item === 'bankAccount') return t('disb.missing.bankAccount');
  if (item === 'contact') return t('disb.missing.contact');
  return item;
}

/** Today's date in China (UTC+8), the calendar publicity periods are set in. */
export const chinaToday = (now = new Date()) => chinaDate(now);

export { publicityOver } from '@shared/contract/http/disbursement';
