import { z } from 'zod';
import { serverUrlAllowed } from './server-url';

/**
 * What Tongban signs and how the server checks it (DESIGN.md decision 5). Both sides import this file, so the
 * signed bytes cannot drift apart.
 */

/**
 * Profiles of the CAs whose keys Tongban knows. `unknown` is any other PKCS#11 certificate; `elicence-card` is the
 * card e-business licence (卡式电子营业执照), which logs in like a CA key (issue 14).
 */
export const caProfileSchema = z.enum(['jiangsu-ca', 'suzhou-ca', 'unknown', 'elicence-card']);
export type CaProfile = z.infer<typeof caProfileSchema>;

/** Hash of one attachment as it is bound into a signature. */
export const attachmentDigestSchema = z.object({
  /** Which requirement the file answers (e.g. `businessLicence`, `adminIdFront`). */
  requirement: z.string().min(1).max(64),
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
});
export type AttachmentDigest = z.infer<typeof attachmentDigestSchema>;

/**
 * Files one material may have (a diploma's two sides, a contract's pages as photos): enough for what clerks scan
 * page by page, and a PDF holds any number of pages. Every desk's slot and the server hold to it; with the
 * per-talent list's 30 it leaves room for all seven of a talent's materials.
 */
export const MAX_FILES_PER_MATERIAL = 4;
/** The codes of the per-material rule; the catalogs have a text for each. */
export const MATERIAL_RULE_CODES = ['ATTACHMENT_TOO_MANY', 'ATTACHMENT_TWICE'] as const;

/**
 * A list of attachments where one material has at most {@link MAX_FILES_PER_MATERIAL} files and no file twice:
 * issues at `<list>.<requirement>`, the paths the desks and the reviewers' comments use.
 */
export const materialListSchema = <T extends z.ZodType<{ requirement: string; sha256: string }>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      const seen = new Map<string, Set<string>>();
      for (const a of list) {
        const files = seen.get(a.requirement) ?? new Set<string>();
        if (files.has(a.sha256)) ctx.addIssue({ code: 'custom', path: [a.requirement], message: 'ATTACHMENT_TWICE' });
        files.add(a.sha256);
        seen.set(a.requirement, files);
      }
      for (const [requirement, files] of seen) {
        if (files.size > MAX_FILES_PER_MATERIAL) ctx.addIssue({ code: 'custom', path: [requirement], message: 'ATTACHMENT_TOO_MANY' });
      }
    });

/**
 * A signed submission: `cms` is a CMS detached SignedData (base64 DER) over `canonicalBytes(payload)` (RFC 8785,
 * UTF-8). The signer certificate travels inside the CMS. `payload.type` names the kind and version of the
 * document so a signature over one kind can never be replayed as another.
 */
export const signedEnvelopeSchema = <P extends z.ZodType>(payload: P) =>
  z.object({
    payload,
    cms: z.string().min(1).max(64 * 1024),
  });

/** Signed payload skeleton every signed document follows. */
export const signedPayloadBaseSchema = z.object({
  type: z.string().regex(/^tongban\.[a-z-]+\/v\d+$/),
  /** Client clock at signing, ISO 8601; the CMS signingTime is the authoritative one. */
  signedAt: z.string().datetime({ offset: true }),
  /** The submission's idempotency key: a retried submit never creates a second record. */
  idempotencyKey: z.string().uuid(),
  attachments: materialListSchema(attachmentDigestSchema, 50),
});

/**
 * Web eID 1.0 authentication token (https://github.com/web-eid/web-eid-system-architecture-doc):
 * the key signs SHA-256(origin) || SHA-256(nonce), both UTF-8, where origin is `https://host[:port]`.
 * ECDSA signatures are raw r||s as in JWS, not DER. `SM2` (no JOSE name is registered for it): SM2 over
 * SM3(Z ‖ those 64 bytes) with the default signer id 1234567812345678, raw r||s (GM/T 0003, GM/T 0009).
 */
export const webEidAuthTokenSchema = z.object({
  unverifiedCertificate: z.string().min(1).max(16 * 1024),
  algorithm: z.enum(['RS256', 'ES256', 'SM2']),
  signature: z.string().min(1).max(2048),
  format: z.literal('web-eid:1.0'),
  appVersion: z.string().max(256),
});
export type WebEidAuthToken = z.infer<typeof webEidAuthTokenSchema>;

/** Server challenge nonces are 44–128 characters (base64 of at least 32 random bytes). */
export const authNonceSchema = z.string().min(44).max(128);

/** The origin as the token binds it: scheme, host and optional port, no path, no trailing slash. */
export function authOrigin(url: string): string {
  const u = new URL(url);
  if (!serverUrlAllowed(url)) {
    throw new Error(`origin must be https (or http on loopback): ${url}`);
  }
  return `${u.protocol}//${u.host}`;
}
