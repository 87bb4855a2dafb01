/**
 * The calendar in China: China Standard Time is UTC+8 all year (no daylight saving since 1991). Publicity periods,
 * receipt dates, the subsidy's yearly cap and birth dates are all days on this calendar, whatever the clock's zone.
 */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `instant` on the calendar in China. */
export const chinaDate = (instant: Date): string => new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);

/** The calendar year in China of `instant`. */
export const chinaYear = (instant: Date): number => new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).getUTCFullYear();
