/**
 * The outbox: every signed submission (registration, subsidy, and each flow after them) goes through here, so a
 * clerk signs once and the server records it once whatever the network does.
 *
 * A flow declares a `SubmissionKind` once (its name, whether sending needs the signing enterprise's session, how to
 * send an envelope) and calls `submit` with the idempotency key, the content the clerk approved, a label and how to
 * sign. Then:
 * - signed once: the envelope is written to the outbox table before the first send. The same key with the same
 *   content reuses it (no signing, no PIN); the same key with other content is IDEMPOTENCY_CONFLICT.
 * - sent until the server answers: no answer (SERVER_UNREACHABLE, a timeout, a gateway's 502/503/504) or a
 *   retriable answer keeps it waiting, and a timer with backoff sends it again, as do the app's start and any
 *   call that shows the server is back (`kick`). An entry that needs a session waits for one of its enterprise.
 *   An answer ends it (sent, or refused for good) and its result is kept: a retry returns that result.
 * - visible: `list()` and the `outbox.changed` event, never the envelope. Every error after signing carries
 *   `details.signed = true` (the renderer retries without the PIN); the first send without an answer returns
 *   SUBMISSION_QUEUED.
 * The table lives in main's local store, apart from the drafts the renderer reads and writes.
 */
import { createHash } from 'node:crypto';
import type { OutboxEntryView } from '@shared/contract/client-api';
import type { FlowId } from '@shared/portals/catalogue';
import { fail, type AppError, type Result } from '@shared/contract/result';
import { canonicalize } from '@shared/validation/canonical-json';
import { SESSION_GONE_CODES } from '@shared/errors/server';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';
import { SingleFlight } from './single-flight';

export interface SubmissionKind<Envelope> {
  kind: string;
  /** The portal flow it belongs to: it is sent only while the PC works with a portal that has it (src-shared/portals). */
  flow: FlowId;
  /** Sending needs the session of the enterprise that signed (the entry waits for one); false for public routes. */
  needsSession: boolean;
  /** Sends the envelope as stored; `enterpriseId` is the signer's (null for public routes). */
  send(portal: PortalClient, envelope: Envelope, enterpriseId: string | null): Promise<Result<unknown>>;
}

export interface Submission<Envelope> {
  idempotencyKey: string;
  /** What the clerk approved (without the PIN or the signing time): a retry must bring the same. */
  content: unknown;
  /** The signed-in enterprise, for kinds that need a session. */
  enterpriseId: string | null;
  /**
   * Signs; called only when the outbox has no envelope for this key. `label` is data naming the submission in
   * the list (an enterprise, the talents), not UI text.
   */
  sign(): Promise<Result<{ envelope: Envelope; label: string }>>;
}

export interface OutboxOptions {
  store: LocalStore;
  /** Every kind of signed submission, so entries left from an earlier run can be sent too. */
  kinds: ReadonlyArray<SubmissionKind<never>>;
  portal(): PortalClient;
  /** Whether the current portal has the flow: another portal's server never gets an entry (it would refuse it as unknown). */
  portalHas?(flow: FlowId): boolean;
  /** The enterprise of the current session, or null. */
  enterpriseId(): string | null;
  changed(entries: OutboxEntryView[]): void;
  /** Backoff between automatic sends: first delay, doubled per attempt up to max. */
  retryMs?: { first: number; max: number };
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

interface Row {
  idempotency_key: string;
  kind: string;
  label: string;
  content_sha256: string;
  envelope: string;
  enterprise_id: string | null;
  state: OutboxEntryView['state'];
  attempts: number;
  last_error: string | null;
  result: string | null;
  created_at: string;
  tried_at: string | null;
  sent_at: string | null;
  acknowledged: number;
}

/** Answers about the session, not the submission: the entry waits for the clerk to sign in again. */
const NO_SESSION = new Set<string>(['NOT_SIGNED_IN', ...SESSION_GONE_CODES]);
/** Answers that came in the background stay listed this long, so a refusal there is seen. */
const LISTED_AFTER_END_MS = 24 * 3600_000;
/** Finished entries are deleted after this (their envelopes hold personal data). */
const KEPT_AFTER_END_MS = 30 * 24 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const signed = (error: AppError): AppError => ({ ...error, details: { ...error.details, signed: true } });

export class Outbox {
  private readonly kinds: Map<string, SubmissionKind<unknown>>;
  private readonly inflight = new SingleFlight<Result<unknown>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly opts: OutboxOptions) {
    this.kinds = new Map(opts.kinds.map((k) => [k.kind, k as SubmissionKind<unknown>]));
  }

  /** At start: an entry caught mid-send by a crash is waiting again, old finished ones go; then send what waits. */
  start(): void {
    const db = this.opts.store.database;
    db.prepare("UPDATE outbox SET state = 'waiting' WHERE state = 'sending'").run();
    db.prepare("DELETE FROM outbox WHERE state IN ('sent', 'refused') AND COALESCE(sent_at, created_at) < ?").run(new Date(Date.now() - KEPT_AFTER_END_MS).toISOString());
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async submit<T, E>(kind: SubmissionKind<E>, s: Submission<E>): Promise<Result<T>> {
    if (this.kinds.get(kind.kind) !== kind) return fail('CLIENT_ERROR');
    const contentSha256 = sha256(canonicalize({ kind: kind.kind, content: s.content }));
    let row = this.row(s.idempotencyKey);
    if (row && (row.kind !== kind.kind || row.content_sha256 !== contentSha256)) return fail('IDEMPOTENCY_CONFLICT');
    if (!row) {
      const signedNow = await s.sign();
      if (!signedNow.ok) return signedNow;
      const { envelope, label } = signedNow.value;
      this.opts.store.database
        .prepare(
          'INSERT INTO outbox (idempotency_key, kind, label, content_sha256, envelope, enterprise_id, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING',
        )
        .run(s.idempotencyKey, kind.kind, label, contentSha256, JSON.stringify(envelope), kind.needsSession ? s.enterpriseId : null, 'waiting', new Date().toISOString());
      this.changed();
      // A second call with the same key that signed meanwhile (a double click) keeps the first envelope.
      row = this.row(s.idempotencyKey)!;
      if (row.kind !== kind.kind || row.content_sha256 !== contentSha256) return fail('IDEMPOTENCY_CONFLICT');
    }
    if (row.state === 'sent' || row.state === 'refused') return this.acknowledged(row.idempotency_key, this.stored(row)) as Result<T>;
    const r = await this.send(row.idempotency_key);
    const after = this.row(s.idempotencyKey)!;
    if (r.ok || after.state === 'sent' || after.state === 'refused') return this.acknowledged(after.idempotency_key, this.stored(after)) as Result<T>;
    if (after.state === 'waiting' && !NO_SESSION.has(r.error.code)) {
      const queued: AppError = { code: 'SUBMISSION_QUEUED', retriable: true, details: { signed: true, cause: r.error.code } };
      return { ok: false, error: r.error.requestId ? { ...queued, requestId: r.error.requestId } : queued };
    }
    return { ok: false, error: signed(r.error) };
  }

  /** The clerk's own call got the final answer: the entry need not be listed any more. */
  private acknowledged(key: string, r: Result<unknown>): Result<unknown> {
    if (this.opts.store.database.prepare('UPDATE outbox SET acknowledged = 1 WHERE idempotency_key = ? AND acknowledged = 0').run(key).changes > 0) this.changed();
    return r;
  }

  /**
   * What the clerk has yet to see: entries still waiting, and answers that came in the background (recent ones).
   * Public kinds' entries and the signed-in enterprise's only: a shared PC does not show one company's to another.
   */
  list(): OutboxEntryView[] {
    const since = new Date(Date.now() - LISTED_AFTER_END_MS).toISOString();
    const rows = this.opts.store.database
      .prepare(
        "SELECT * FROM outbox WHERE (enterprise_id IS NULL OR enterprise_id = ?) AND (state IN ('waiting', 'sending') OR (acknowledged = 0 AND COALESCE(sent_at, created_at) >= ?)) ORDER BY created_at DESC LIMIT 50",
      )
      .all(this.opts.enterpriseId(), since) as Row[];
    return rows.map((r) => ({
      idempotencyKey: r.idempotency_key,
      kind: r.kind,
      label: r.label,
      state: r.state,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    }));
  }

  /**
   * The server answered, or a session began: what waited for exactly that goes at once (entries the server asked
   * to try later keep their backoff).
   */
  kick(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.sendDue(true);
  }

  private async sendDue(kicked: boolean): Promise<void> {
    const now = Date.now();
    const waiting = this.opts.store.database.prepare("SELECT * FROM outbox WHERE state = 'waiting' ORDER BY created_at").all() as Row[];
    for (const row of waiting) {
      if (this.stopped) return;
      if (!this.sendable(row) || this.inflight.has(row.idempotency_key)) continue;
      const waitedForThis = row.last_error === null || row.last_error === 'SERVER_UNREACHABLE' || NO_SESSION.has(row.last_error);
      if (!(kicked && waitedForThis) && this.dueAt(row) > now) continue;
      const r = await this.send(row.idempotency_key);
      // Still no answer: the server is away; the rest would only wait for the same timeout.
      if (!r.ok && r.error.code === 'SERVER_UNREACHABLE') break;
    }
    this.schedule();
  }

  /** One timer, for the earliest waiting entry that can go without a session change. */
  private schedule(): void {
    if (this.stopped) return;
    const waiting = (this.opts.store.database.prepare("SELECT * FROM outbox WHERE state = 'waiting'").all() as Row[]).filter((r) => this.sendable(r));
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((r) => this.dueAt(r)));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sendDue(false);
    }, Math.max(0, next - Date.now()));
    this.timer.unref?.();
  }

  private dueAt(row: Row): number {
    const { first, max } = this.opts.retryMs ?? { first: 5_000, max: 300_000 };
    const last = Date.parse(row.tried_at ?? row.created_at);
    return last + Math.min(max, first * 2 ** Math.max(0, row.attempts - 1));
  }

  private sendable(row: Row): boolean {
    const kind = this.kinds.get(row.kind);
    if (!kind || (this.opts.portalHas && !this.opts.portalHas(kind.flow))) return false;
    return row.enterprise_id === null || row.enterprise_id === this.opts.enterpriseId();
  }

  /** Sends one entry (joining a send already under way) and records the outcome. */
  private send(key: string): Promise<Result<unknown>> {
    return this.inflight.run(key, () => this.sendOnce(key));
  }

  private async sendOnce(key: string): Promise<Result<unknown>> {
    const db = this.opts.store.database;
    const row = this.row(key)!;
    if (row.state === 'sent' || row.state === 'refused') return this.stored(row);
    const kind = this.kinds.get(row.kind);
    if (!kind) return fail('CLIENT_ERROR');
    if (row.enterprise_id !== null && row.enterprise_id !== this.opts.enterpriseId()) return fail('NOT_SIGNED_IN');
    db.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE idempotency_key = ?").run(key);
    this.changed();
    let r: Result<unknown>;
    try {
      r = await kind.send(this.opts.portal(), JSON.parse(row.envelope) as unknown, row.enterprise_id);
    } catch (e) {
      this.opts.log?.('outbox send failed', { kind: row.kind, error: (e as Error)?.message });
      r = fail('SERVER_UNREACHABLE', true);
    }
    const at = new Date().toISOString();
    if (r.ok || (!r.error.retriable && !NO_SESSION.has(r.error.code))) {
      const state = r.ok ? 'sent' : 'refused';
      db.prepare('UPDATE outbox SET state = ?, last_error = ?, result = ?, tried_at = ?, sent_at = ? WHERE idempotency_key = ?').run(state, r.ok ? null : r.error.code, JSON.stringify(r), at, at, key);
      this.opts.store.logSubmission(row.kind, key, r.ok ? r.value : r.error);
    } else {
      // No decision yet, or a session that ended (not the server's answer to the submission): the same envelope
      // goes again; `tried_at` times the backoff.
      db.prepare("UPDATE outbox SET state = 'waiting', last_error = ?, tried_at = ? WHERE idempotency_key = ?").run(r.error.code, at, key);
      this.schedule();
    }
    this.changed();
    return r;
  }

  private stored(row: Row): Result<unknown> {
    const r = JSON.parse(row.result ?? 'null') as Result<unknown> | null;
    if (!r) return fail('CLIENT_ERROR');
    return r.ok ? r : { ok: false, error: signed(r.error) };
  }

  private row(key: string): Row | undefined {
    return this.opts.store.database.prepare('SELECT * FROM outbox WHERE idempotency_key = ?').get(key) as Row | undefined;
  }

  private changed(): void {
    this.opts.changed(this.list());
  }
}
