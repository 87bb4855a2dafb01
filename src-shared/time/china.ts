/**
 * The calendar in China: China Standard Time is UTC+8 all year (no daylight saving since 1991). Publicity periods,
 * receipt dates, the subsidy's yearly cap and birth dates are all days on this calendar, whatever the clock's zone.
 */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `instant` on the calendar in China. */
export const chinaDate = (instant: Date): string => new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);

/**
 * `YYYY-MM-DD HH:mm` of `instant` in China time, in both languages: the portal's times are China's whatever the
 * PC's zone, and digits in this order read the same to a clerk in Chinese and in English (never `12/06/2026` or
 * `3:04 PM`). `seconds` adds `:ss` (a draft's "saved at").
 */
export function chinaDateTime(instant: Date | string, opts: { seconds?: boolean } = {}): string {
  const iso = new Date(new Date(instant).getTime() + CHINA_UTC_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, opts.seconds ? 19 : 16)}`;
}

/** `HH:mm` (or `HH:mm:ss`) of `instant` in China time. */
export const chinaTime = (instant: Date | string, opts: { seconds?: boolean } = {}): string => chinaDateTime(instant, opts).slice(11);

/** The calendar year in China of `instant`. */
export const chinaYear = (instant: Date): number => new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).getUTCFullYear();
