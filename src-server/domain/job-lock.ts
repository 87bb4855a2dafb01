/**
 * One process at a time runs a periodic job (housekeeping) when several server processes share a database
 * (issue 20). PostgreSQL: a session advisory lock on a connection of its own, taken with try (a process that finds
 * it held skips this round) and released by the database itself if the process dies. SQLite (processes on one
 * machine sharing the file): a lease row in `job_leases` taken by one upsert that succeeds only while the lease is
 * free or expired; a process that dies mid-run holds it at most `leaseMs`.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type {} from '../db/schema-ops';
import type { Services } from '../services';

/** Longer than any run takes; what a crashed SQLite process can block the job for. */
export const JOB_LEASE_MS = 30 * 60_000;

/** Runs `run` if no other process runs `job` now; null when another one does. */
export async function withJobLock<T>(services: Pick<Services, 'db' | 'engine'>, job: string, run: () => Promise<T>): Promise<T | null> {
  const { db } = services;
  if (services.engine === 'postgres') {
    return db.connection().execute(async (conn) => {
      const key = `tongban:${job}`;
      const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as got`.execute(conn);
      if (!rows[0]?.got) return null;
      try {
        return await run();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
      }
    });
  }
  const holder = randomUUID();
  // Real time, not the server's clock: a lease is about processes, and tests move the server's clock.
  const now = Date.now();
  const ms = (n: number) => sql<number>`cast(${n} as bigint)`;
  const { rows } = await sql<{ holder: string }>`
    insert into job_leases (job, holder, until) values (${job}, ${holder}, ${ms(now + JOB_LEASE_MS)})
    on conflict (job) do update set holder = excluded.holder, until = excluded.until
    where job_leases.until <= ${ms(now)}
    returning holder`.execute(db);
  if (rows[0]?.holder !== holder) return null;
  try {
    return await run();
  } finally {
    await db.updateTable('job_leases').set({ holder: null, until: 0 }).where('job', '=', job).where('holder', '=', holder).execute();
  }
}
