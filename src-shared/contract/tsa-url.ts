/**
 * The RFC 3161 time-stamp authority (TSA) that turns a PDF signature into PAdES B-T (issue 15): where the clerk's
 * Settings, IT's seed settings or machine policy, and the portal's own announcement (`pdfSigningDefaultsRoute`)
 * name one. The same rule as the server URL (server-url.ts): https, or http only on this machine's loopback — a
 * time-stamp is signed, but the request leaves the PC with a hash of the signature and a plain http hop to another
 * machine is what a client must never start on its own. Empty means none chosen here: the portal's TSA if it
 * announces one, else the signature stays B-B (and the desk says so).
 */
import { z } from 'zod';
import { serverUrlAllowed } from './server-url';

export const tsaUrlSchema = z
  .string()
  .trim()
  .max(512)
  .superRefine((value, ctx) => {
    if (value === '') return;
    const issue = (code: 'FORMAT' | 'SERVER_URL_NOT_HTTPS') => ctx.addIssue({ code: 'custom', message: code, params: { code }, input: value });
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return issue('FORMAT');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return issue('FORMAT');
    if (!serverUrlAllowed(value)) issue('SERVER_URL_NOT_HTTPS');
  });

/** The TSA to sign with: the one chosen on this PC (Settings, IT) over the portal's; null: none, B-B. */
export function effectiveTsaUrl(chosen: string | undefined, portalDefault: string | null | undefined): string | null {
  for (const candidate of [chosen, portalDefault]) {
    if (candidate && tsaUrlSchema.safeParse(candidate).success) return candidate.trim();
  }
  return null;
}
