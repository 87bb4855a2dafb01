/** Amounts, dates and sizes as staff read them. Amounts travel as integer fen. */
import { chinaDateTime } from '@shared/time/china';

export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** China time to the minute, the same in both languages (`2026-12-06 15:04`), as the desktop writes it. */
export const dateTime = (iso: string | null | undefined): string => (iso ? chinaDateTime(iso) : '—');

export const dateOnly = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Today (local) as YYYY-MM-DD, optionally moved by some days. */
export function localDate(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
