/**
 * What a resubmission changed against the version the reviewer returned: the field paths whose values differ
 * (`contact.mobile`, `talents[1].invoiceNumber`) and the attachment requirements whose files differ
 * (`attachments.businessLicence`, `talents[0].attachments.invoice`), so the reviewer reads only what moved.
 */
import type { SubsidyPayload } from '@shared/contract/http/subsidy';

/** Envelope fields that differ on every signature and say nothing about the application. */
const IGNORED = new Set(['type', 'signedAt', 'idempotencyKey', 'applicationId', 'attachments']);

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    if (value.length === 0) out.set(path, '[]');
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (IGNORED.has(k)) continue;
      flatten(v, path ? `${path}.${k}` : k, out);
    }
    return;
  }
  out.set(path, JSON.stringify(value));
}

function attachmentsOf(payload: SubsidyPayload): Map<string, string> {
  const out = new Map<string, string>();
  const add = (prefix: string, list: readonly { requirement: string; sha256: string }[]) => {
    const by = new Map<string, string[]>();
    for (const a of list) by.set(a.requirement, [...(by.get(a.requirement) ?? []), a.sha256]);
    for (const [req, hashes] of by) out.set(`${prefix}attachments.${req}`, hashes.sort().join(','));
  };
  add('', payload.attachments);
  payload.talents.forEach((t, i) => add(`talents[${i}].`, t.attachments));
  return out;
}

const differing = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();

export function subsidyChanges(previous: SubsidyPayload, next: SubsidyPayload): { fields: string[]; attachments: string[] } {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(previous, '', a);
  flatten(next, '', b);
  return { fields: differing(a, b), attachments: differing(attachmentsOf(previous), attachmentsOf(next)) };
}
