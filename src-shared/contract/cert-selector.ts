import { z } from 'zod';

/** Selects a certificate: a full USCC, or a prefix (≥ 8 hex chars) of its SHA-256 fingerprint. Its own module so
 *  that token.ts and pdf-signing.ts both use it without importing each other in a cycle. */
export const certSelectorSchema = z.string().trim().min(8).max(64);
