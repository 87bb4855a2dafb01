import type { TokenErrorCode } from '@shared/errors/token';
import type { ServerCheck } from '@shared/contract/client-api';
import type { DiagnosticReport, ServiceFailure, SlotReport, UnlockContact } from '@shared/contract/token';
import { translate, type Locale, type MessageKey, type MessageVars } from '@shared/i18n/messages';
import { unlockVars } from '../../certificates/key-sign';

/**
 * The "插上CA但检测不到CA？" walk-through: the manuals' causes in the order a clerk can fix them — driver
 * (missing, or 32-bit next to a 64-bit Tongban), key not plugged in, key without a certificate, certificate out of
 * date, PIN locked. Once a check fails the later ones cannot be judged, so they show as not checked.
 */
export type CheckId = 'driver' | 'token' | 'cert' | 'validity' | 'pin' | 'server';
export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface Text {
  key: MessageKey;
  vars?: MessageVars;
}

export interface Check {
  id: CheckId;
  title: MessageKey;
  status: CheckStatus;
  /** What was found. */
  finding?: Text;
  /** A warning on a passed check: another certificate expired or locked, a PIN count low. */
  note?: Text;
  /** What to do, for a failed check: a message, or the hint of the error code that says it already. */
  fix?: MessageKey | { hintOf: TokenErrorCode };
  /** Lines beside the finding (issue 18): a driver that crashed or hung, where a locked key is unlocked. */
  extra?: Extra[];
}

export type Extra = { kind: 'failure'; failure: ServiceFailure } | { kind: 'unlock'; unlock: UnlockContact };

const base = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * A slot whose token was never initialised (SoftHSM always offers one; a blank key from a CA counter is the same)
 * holds no certificate and never will until a CA writes one: it is not a key the clerk can use.
 */
const uninitialised = (s: SlotReport) => !!s.token && !s.token.flags.includes('TOKEN_INITIALIZED');

/** `separator` joins names in a finding (the locale's list separator). */
export function evaluateReport(report: DiagnosticReport, separator = ', '): Check[] {
  const list = (names: string[]) => [...new Set(names)].join(separator);
  const checks: Check[] = [];
  let failed = false;
  const push = (c: Omit<Check, 'status'> & { ok: boolean }) => {
    const { ok, ...rest } = c;
    if (failed) {
      checks.push({ id: rest.id, title: rest.title, status: 'skipped' });
      return;
    }
    const extra = rest.extra?.length ? { extra: rest.extra } : {};
    if (ok) {
      checks.push({ id: rest.id, title: rest.title, status: 'pass', ...(rest.finding && { finding: rest.finding }), ...(rest.note && { note: rest.note }), ...extra });
    } else {
      failed = true;
      checks.push({ id: rest.id, title: rest.title, status: 'fail', ...(rest.finding && { finding: rest.finding }), ...(rest.fix && { fix: rest.fix }), ...extra });
    }
  };

  const loaded = report.modules.filter((m) => m.loaded);
  const broken = report.modules.filter((m) => !m.loaded && (m.present || m.error));
  push({
    id: 'driver',
    title: 'selfCheck.driver.title',
    ok: loaded.length > 0,
    finding:
      loaded.length > 0
        ? { key: 'selfCheck.driver.pass', vars: { names: list(loaded.map((m) => m.info?.description || base(m.path))) } }
        : broken.length > 0
          ? { key: 'selfCheck.driver.failed', vars: { names: list(broken.map((m) => base(m.path))) } }
          : { key: 'selfCheck.driver.none' },
    fix: 'selfCheck.driver.fix',
    extra: (report.serviceFailures ?? []).map((failure) => ({ kind: 'failure', failure })),
  });

  const present = report.slots.filter((s) => s.tokenPresent && !uninitialised(s));
  const empty = report.slots.filter((s) => s.tokenPresent && uninitialised(s));
  push({
    id: 'token',
    title: 'selfCheck.token.title',
    ok: present.length > 0,
    finding:
      present.length > 0
        ? { key: 'selfCheck.token.pass', vars: { labels: list(present.map((s) => s.token?.label || s.description)) } }
        : empty.length > 0
          ? { key: 'selfCheck.token.empty', vars: { labels: list(empty.map((s) => s.token?.label || s.description)) } }
          : { key: 'selfCheck.token.fail' },
    fix: 'selfCheck.token.fix',
  });

  const certs = report.certificates;
  push({
    id: 'cert',
    title: 'selfCheck.cert.title',
    ok: certs.length > 0,
    finding: certs.length > 0 ? { key: 'selfCheck.cert.pass', vars: { count: certs.length } } : { key: 'selfCheck.cert.fail' },
    fix: 'selfCheck.cert.fix',
  });

  const name = (c: (typeof certs)[number]) => c.enterpriseName ?? c.tokenLabel;
  const outOfDate = certs.filter((c) => c.validity !== 'valid');
  // One good certificate is enough to go on; the finding still names the bad ones.
  const anyValid = certs.some((c) => c.validity === 'valid');
  const outOfDateText: Text = { key: 'selfCheck.validity.fail', vars: { names: list(outOfDate.map(name)) } };
  push({
    id: 'validity',
    title: 'selfCheck.validity.title',
    ok: anyValid,
    finding: anyValid ? { key: 'selfCheck.validity.pass', vars: { count: certs.length - outOfDate.length } } : outOfDateText,
    ...(anyValid && outOfDate.length > 0 && { note: outOfDateText }),
    fix: 'selfCheck.validity.fix',
  });

  const locked = certs.filter((c) => c.pin.locked);
  const low = certs.filter((c) => !c.pin.locked && (c.pin.countLow || c.pin.finalTry));
  const anyUnlocked = certs.some((c) => !c.pin.locked && c.validity === 'valid');
  const lockedText: Text = { key: 'selfCheck.pin.fail', vars: { names: list(locked.map(name)) } };
  const lowText: Text = { key: 'selfCheck.pin.countLow', vars: { names: list(low.map(name)) } };
  push({
    id: 'pin',
    title: 'selfCheck.pin.title',
    ok: anyUnlocked,
    finding: anyUnlocked ? { key: 'selfCheck.pin.pass' } : lockedText,
    ...(anyUnlocked && locked.length > 0 ? { note: lockedText } : anyUnlocked && low.length > 0 ? { note: lowText } : {}),
    fix: { hintOf: 'PIN_LOCKED' },
    // Where each locked key's CA unlocks it, once per CA (issue 18).
    extra: [...new Map(locked.flatMap((c) => (c.unlock ? [[c.profile, c.unlock] as const] : []))).values()].map((unlock) => ({ kind: 'unlock', unlock })),
  });
  return checks;
}

/** An extra line in words: the driver's file name and the local time of a failure, or where to unlock. */
export function extraText(extra: Extra, locale: Locale): Text {
  if (extra.kind === 'unlock') {
    return { key: 'faults.unlock', vars: unlockVars(extra.unlock, locale) };
  }
  const f = extra.failure;
  return {
    key: f.kind === 'crash' ? 'faults.driver.crash' : 'faults.driver.hang',
    vars: {
      driver: f.module ? base(f.module) : translate(locale, 'faults.driver.unknown'),
      time: new Date(f.at).toTimeString().slice(0, 8),
      operation: translate(locale, `faults.operation.${f.method}`),
    },
  };
}

/**
 * The connection to the portal server, a line of its own: it does not depend on the key (a clerk may log in with
 * a password) and the key's checks do not depend on it.
 */
export function evaluateServer(server: ServerCheck): Check {
  const base = { id: 'server' as const, title: 'selfCheck.server.title' as const };
  if (server.reachable) {
    return { ...base, status: 'pass', finding: { key: 'selfCheck.server.pass', vars: { url: server.serverUrl, version: server.version ?? '?', ms: server.ms ?? 0 } } };
  }
  if (!server.allowed) return { ...base, status: 'fail', finding: { key: 'selfCheck.server.notHttps', vars: { url: server.serverUrl } }, fix: 'selfCheck.server.fixHttps' };
  return { ...base, status: 'fail', finding: { key: 'selfCheck.server.unreachable', vars: { url: server.serverUrl } }, fix: 'selfCheck.server.fixUnreachable' };
}
