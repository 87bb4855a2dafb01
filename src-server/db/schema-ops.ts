/** Table types of migration 0026 (what several server processes share), merged into `Database` like schema-trust.ts. */

/** One fixed window of one limit for one subject (`<limit>:<address or key>`); epoch milliseconds. */
export interface RateWindowTable {
  subject: string;
  window_start: number;
  count: number;
}

/** Who runs a periodic job on SQLite (PostgreSQL: an advisory lock); `until` in epoch milliseconds. */
export interface JobLeaseTable {
  job: string;
  holder: string | null;
  until: number;
}

declare module './schema' {
  interface Database {
    rate_windows: RateWindowTable;
    job_leases: JobLeaseTable;
  }
}
