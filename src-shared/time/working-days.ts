/**
 * Working days (工作日) on the calendar in China, for promised time limits such as the unified identity platform's
 * "一个工作日进行身份证件的审核" (manual 004). Monday to Friday count; the State Council's yearly holiday and
 * make-up-day notice (法定节假日与调休) is passed in as data, because it is published year by year and no rule
 * derives it.
 */
import { chinaDate } from './china';

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One year's notice: days off on weekdays (`holidays`) and weekend days worked (`workdays`), `YYYY-MM-DD`. */
export interface HolidayCalendar {
  holidays: readonly string[];
  workdays: readonly string[];
}

export const NO_HOLIDAYS: HolidayCalendar = { holidays: [], workdays: [] };

/** Whether the China calendar day `day` (`YYYY-MM-DD`) is a working day. */
export function isWorkingDay(day: string, calendar: HolidayCalendar = NO_HOLIDAYS): boolean {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The end (24:00 China time) of the `n`th working day after the day of `instant`: what "within n working days" of
 * a submission promises. Submitted on Friday, one working day ends on Monday at midnight.
 */
export function workingDaysDeadline(instant: Date, n: number, calendar: HolidayCalendar = NO_HOLIDAYS): Date {
  let day = chinaDate(instant);
  for (let left = n; left > 0; ) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day, calendar)) left--;
  }
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - CHINA_UTC_OFFSET_MS);
}
