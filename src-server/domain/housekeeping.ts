/**
 * Housekeeping: removes what the server keeps for no purpose any more — above all the ID cards and business
 * licences of registrations that were never confirmed (src-server/README.md "Housekeeping" has the rule).
 *
 * 1. Registrations still `sms_pending` (no enterprise) whose last activity (`updated_at`: submit or code resend)
 *    is older than the retention. Such a registration cannot be confirmed any more anyway: its SMS code expired
 *    long ago, and a resend renews `updated_at`.
 * 2. Files with no owner and no reference anywhere — uploads made without a session that nothing kept — last
 *    touched (uploaded, or listed by a registration submit) more than `anonymousUploadHours` ago (default 24: a
 *    short retention, so anonymous uploads cannot fill the disk for a week; issue 17 item 5): the row and the
 *    stored bytes, in one transaction per file. The store is
 *    content-addressed, so one file can serve several owners; the delete re-checks every reference in its own
 *    WHERE, so a file that gained an owner or a reference meanwhile stays.
 * 3. Expired captchas and CA-login nonces (an hour after expiry, as their issuers already do on every issue),
 *    login failures a day old (the throttle looks back 15 minutes), phone receipt links that were never used and
 *    expired before the retention (used ones hold the phone photo's provenance and stay).
 * 4. Temporary upload files left by a crash, a day old by the file system's clock.
 * 5. Resumable uploads (domain/uploads.ts): unfinished ones a day old (their partial bytes and their row; a client
 *    that comes back later starts that file again), finished or refused ones' rows after the retention, and
 *    registration upload tokens expired before the retention. The scans of such an attempt that no registration
 *    listed are unowned and unreferenced, so rule 2 removes them.
 *
 * Every run writes one audit row (`housekeeping.run`, actor `system`) with the counts. Several server processes on
 * one database: one of them runs it at a time (runHousekeepingExclusively).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type {} from '../db/schema-beijing';
import type {} from '../db/schema-recovery';
import type {} from '../db/schema-trust';
import type {} from '../db/schema-uploads';
import type {} from '../db/schema-pre-registration';
import type {} from '../db/schema-requests';
import type {} from '../db/schema-ops';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { addSeconds } from './clock';
import { withJobLock } from './job-lock';

const DAY_SECONDS = 24 * 3600;
export const DEFAULT_ANONYMOUS_UPLOAD_HOURS = 24;

export interface HousekeepingCounts {
  registrations: number;
  files: number;
  captchas: number;
  caNonces: number;
  loginFailures: number;
  receiptLinks: number;
  temporaryFiles: number;
  unfinishedUploads: number;
  uploadTokens: number;
  /** Recovery and contact-binding codes a day past expiry (they name a mobile or e-mail; the throttle looks back an hour). */
  accountCodes: number;
  /** Shared rate-limit windows a day old (http/rate-limit.ts; the longest window is an hour; they carry addresses). */
  rateWindows: number;
}

export interface HousekeepingResult {
  runId: string;
  cutoff: string;
  counts: HousekeepingCounts;
  registrationIds: string[];
}

/**
 * Every place a file's SHA-256 is kept, as a condition on the `files` row being deleted. Plain columns compare
 * exactly; JSON columns (forms, signed payloads, events, receipt contents) count a reference wherever the hash
 * appears in the text, which is conservative on purpose: hashes are 64 lowercase hex digits (the contract's
 * `sha256HexSchema`), so a match that is not a reference is practically impossible, and a missed reference
 * would lose a file for good. A new table or column that keeps file hashes must be added here.
 */
function isReferenced(eb: ExpressionBuilder<Database, 'files'>, sha256: string): Expression<SqlBool> {
  const inText = `%${sha256}%`;
  const one = sql<number>`1`.as('one');
  return eb.or([
    eb.exists(eb.selectFrom('file_owners').select(one).where('file_owners.sha256', '=', sha256)),
    eb.exists(eb.selectFrom('registrations').select(one).where('registrations.payload_json', 'like', inText)),
    eb.exists(
      eb
        .selectFrom('subsidy_applications')
        .select(one)
        .where((w) => w.or([w('subsidy_applications.form_json', 'like', inText), w('subsidy_applications.return_json', 'like', inText)])),
    ),
    eb.exists(
      eb
        .selectFrom('subsidy_versions')
        .select(one)
        .where((w) => w.or([w('subsidy_versions.payload_json', 'like', inText), w('subsidy_versions.changes_json', 'like', inText)])),
    ),
    eb.exists(eb.selectFrom('subsidy_events').select(one).where('subsidy_events.details_json', 'like', inText)),
    eb.exists(eb.selectFrom('employment_certificates').select(one).where('employment_certificates.sha256', '=', sha256)),
    eb.exists(
      eb
        .selectFrom('disbursements')
        .select(one)
        .where((w) => w.or([w('disbursements.stamped_sha256', '=', sha256), w('disbursements.receipt_content_json', 'like', inText)])),
    ),
    eb.exists(eb.selectFrom('receipt_links').select(one).where('receipt_links.photo_sha256', '=', sha256)),
    // A pre-registration's scans wait for staff for as long as it takes, and every revision's stay (history).
    eb.exists(eb.selectFrom('pre_registration_events').select(one).where('pre_registration_events.attachments_json', 'like', inText)),
    // So do a request to the portal staff's (账户变更申请).
    eb.exists(eb.selectFrom('account_request_events').select(one).where('account_request_events.attachments_json', 'like', inText)),
    // beijing: a certification's identity document and an unbinding request's documents (kept with the decision).
    eb.exists(eb.selectFrom('beijing_certifications').select(one).where('beijing_certifications.documents_json', 'like', inText)),
    eb.exists(eb.selectFrom('beijing_unbinding_requests').select(one).where('beijing_unbinding_requests.documents_json', 'like', inText)),
  ]);
}

const lastTouched = (eb: ExpressionBuilder<Database, 'files'>) => eb.fn.coalesce('files.touched_at', 'files.created_at');

export async function runHousekeeping(services: Services, opts: { now?: Date; requestId?: string | null } = {}): Promise<HousekeepingResult> {
  const { db } = services;
  const now = opts.now ?? services.clock.now();
  const cutoff = addSeconds(now, -services.config.housekeeping.retentionDays * DAY_SECONDS).toISOString();
  const anonymousHours = services.config.housekeeping.anonymousUploadHours ?? DEFAULT_ANONYMOUS_UPLOAD_HOURS;
  const anonymousCutoff = addSeconds(now, -anonymousHours * 3600).toISOString();
  const runId = randomUUID();
  const counts: HousekeepingCounts = { registrations: 0, files: 0, captchas: 0, caNonces: 0, loginFailures: 0, receiptLinks: 0, temporaryFiles: 0, unfinishedUploads: 0, uploadTokens: 0, accountCodes: 0, rateWindows: 0 };
  const registrationIds: string[] = [];
  let failure: unknown = null;

  try {
    // 1. Abandoned registrations. The conditions are the delete's own, so a registration confirmed or resent
    // between any look and this statement is not touched.
    const abandoned = await db.transaction().execute((tx) =>
      tx
        .deleteFrom('registrations')
        .where('status', '=', 'sms_pending')
        .where('enterprise_id', 'is', null)
        .where('updated_at', '<', cutoff)
        .returning('id')
        .execute(),
    );
    registrationIds.push(...abandoned.map((r) => r.id).sort());
    counts.registrations = abandoned.length;

    // 2. Files nobody owns or references any more (the scans of the registrations just removed among them).
    const candidates = await db
      .selectFrom('files')
      .select('sha256')
      .where((eb) => eb(lastTouched(eb), '<', anonymousCutoff))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('file_owners').select(sql<number>`1`.as('one')).whereRef('file_owners.sha256', '=', 'files.sha256'))))
      .orderBy('sha256')
      .execute();
    for (const { sha256 } of candidates) {
      // One transaction per file: the bytes go while the row's delete is still uncommitted, so an upload of the
      // same bytes (which writes the row before it publishes the file) waits for it and then puts them back.
      const removed = await db.transaction().execute(async (tx) => {
        const row = await tx
          .deleteFrom('files')
          .where('sha256', '=', sha256)
          .where((eb) => eb(lastTouched(eb), '<', anonymousCutoff))
          .where((eb) => eb.not(isReferenced(eb, sha256)))
          .returning('sha256')
          .executeTakeFirst();
        if (row) await services.files.remove(sha256);
        return Boolean(row);
      });
      if (removed) counts.files++;
    }

    // 3. Expired one-use tokens and stale throttle rows.
    const hourAgo = addSeconds(now, -3600).toISOString();
    counts.captchas = Number((await db.deleteFrom('captchas').where('expires_at', '<', hourAgo).executeTakeFirst()).numDeletedRows);
    counts.caNonces = Number((await db.deleteFrom('ca_nonces').where('expires_at', '<', hourAgo).executeTakeFirst()).numDeletedRows);
    counts.loginFailures = Number(
      (await db.deleteFrom('login_failures').where('at', '<', addSeconds(now, -DAY_SECONDS).toISOString()).executeTakeFirst()).numDeletedRows,
    );
    // Throttle rows quiet for a day have started over anyway (login-throttle.ts).
    counts.loginFailures += Number(
      (await db.deleteFrom('login_throttle').where('last_at', '<', now.getTime() - DAY_SECONDS * 1000).executeTakeFirst()).numDeletedRows,
    );
    counts.accountCodes = Number(
      (await db.deleteFrom('account_codes').where('expires_at', '<', addSeconds(now, -DAY_SECONDS).toISOString()).executeTakeFirst()).numDeletedRows,
    );
    counts.rateWindows = Number(
      (await db.deleteFrom('rate_windows').where('window_start', '<', now.getTime() - DAY_SECONDS * 1000).executeTakeFirst()).numDeletedRows,
    );
    counts.receiptLinks = Number(
      (
        await db
          .deleteFrom('receipt_links')
          .where('used_at', 'is', null)
          .where('photo_sha256', 'is', null)
          .where('expires_at', '<', cutoff)
          .executeTakeFirst()
      ).numDeletedRows,
    );

    // 4. Temporary files of uploads a crash interrupted; file times are the system's, not the server clock's.
    counts.temporaryFiles = await services.files.sweepTemporary(new Date(Date.now() - DAY_SECONDS * 1000));

    // 5. Resumable uploads: partial bytes a day old, then rows and tokens past the retention.
    const dayAgo = addSeconds(now, -DAY_SECONDS).toISOString();
    const unfinished = await db.selectFrom('uploads').select('id').where('status', '=', 'receiving').where('created_at', '<', dayAgo).execute();
    for (const { id } of unfinished) {
      await services.partialUploads.remove(id).catch(() => undefined);
      counts.unfinishedUploads += Number((await db.deleteFrom('uploads').where('id', '=', id).where('status', '=', 'receiving').executeTakeFirst()).numDeletedRows);
    }
    await db.deleteFrom('uploads').where('status', '!=', 'receiving').where('created_at', '<', cutoff).execute();
    const expiredTokens = db.selectFrom('upload_tokens').select('id').where('expires_at', '<', cutoff);
    await db.deleteFrom('uploads').where('token_id', 'in', expiredTokens).execute();
    counts.uploadTokens = Number((await db.deleteFrom('upload_tokens').where('expires_at', '<', cutoff).executeTakeFirst()).numDeletedRows);
  } catch (err) {
    failure = err;
  }

  await writeAudit(db, {
    actor: { type: 'system', id: null },
    enterpriseId: null,
    action: 'housekeeping.run',
    subjectType: 'housekeeping',
    subjectId: runId,
    after: {
      ...counts,
      registrationIds,
      retentionDays: services.config.housekeeping.retentionDays,
      anonymousUploadHours: anonymousHours,
      cutoff,
      ...(failure ? { error: failure instanceof Error ? failure.message : String(failure) } : {}),
    },
    at: now,
    requestId: opts.requestId ?? null,
  });
  if (failure) throw failure;
  return { runId, cutoff, counts, registrationIds };
}

/**
 * What the schedule runs: {@link runHousekeeping} unless another server process on the same database is running it
 * right now (domain/job-lock.ts); then nothing, and null. Two processes starting together clean once.
 */
export function runHousekeepingExclusively(services: Services): Promise<HousekeepingResult | null> {
  return withJobLock(services, 'housekeeping', () => runHousekeeping(services));
}

export interface HousekeepingSchedule {
  /** Starts the first run and the interval (the server calls it once it is ready). */
  start(): void;
  /** Stops the interval and waits for a run in progress (before the database closes). */
  stop(): Promise<void>;
}

/** Runs at start and every `intervalMinutes`; never two runs at once, in any process; 0 minutes: never (tests run it directly). */
export function housekeepingSchedule(services: Services, log: FastifyBaseLogger): HousekeepingSchedule {
  const minutes = services.config.housekeeping.intervalMinutes;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runHousekeepingExclusively(services)
      .then(
        (r) => (r ? log.info({ housekeeping: r.counts, cutoff: r.cutoff }, 'housekeeping run') : log.debug('housekeeping run by another server process')),
        (err: unknown) => log.error({ err }, 'housekeeping run failed'),
      )
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (!(minutes > 0) || timer) return;
      tick();
      timer = setInterval(tick, minutes * 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
