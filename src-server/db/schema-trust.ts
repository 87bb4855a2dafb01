/** Table types of migration 0013 (login throttle, yearly subsidy quota lock), merged into `Database` like schema-recovery.ts. */

/** One login subject's recent failures; a row exists only while it has some. Times are epoch milliseconds. */
export interface LoginThrottleTable {
  /** `account:<enterprise as resolved or typed>/<username>`, `staff:<username>`, `legacy:<username>`, `address:<ip>`. */
  subject: string;
  failures: number;
  last_at: number | string;
  /** No password is checked for this subject before this instant. */
  blocked_until: number | string;
}

/** The lock row of one enterprise's subsidy year: submissions and approvals take it before summing the year. */
export interface SubsidyYearQuotaTable {
  enterprise_id: string;
  year: number;
  locked_at: string;
}

declare module './schema' {
  interface Database {
    login_throttle: LoginThrottleTable;
    subsidy_year_quotas: SubsidyYearQuotaTable;
  }
}
