/**
 * Vendor profiles (native/profiles/*.json): candidate modules per CA, how to recognise its certificates and which
 * mechanisms sign with its keys. Read at start-up, validated, never compiled in: support can add a module path
 * without a release.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { caProfileSchema, type CaProfile } from '@shared/contract/signing';
import type { UnlockContact } from '@shared/contract/token';
import { pkcs11js } from './pkcs11/module';

const mechanismSchema = z.object({
  mechanism: z.union([z.string().regex(/^CKM_[A-Z0-9_]+$/), z.string().regex(/^0x[0-9a-fA-F]{1,8}$/)]),
  input: z.enum(['message', 'digest-info', 'digest']),
  /** How an EC or SM2 signature comes back: raw r||s (PKCS#11's CKM_ECDSA form) or a DER SEQUENCE { r, s }. */
  output: z.enum(['raw', 'der']).default('raw'),
  /** Vendor mechanisms: where the number comes from, and whether it is confirmed on a real key. */
  source: z.string().optional(),
});

const profileSchema = z.object({
  id: caProfileSchema,
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  modules: z.record(z.string(), z.array(z.string())),
  /** Where a locked key is unlocked, as the manuals say (absent: the manuals name no place for this CA). */
  unlock: z.object({ window: z.object({ 'zh-CN': z.string(), en: z.string() }), phones: z.array(z.string()) }).optional(),
  issuerPatterns: z.array(z.string()),
  mechanisms: z.object({
    RSA: z.array(mechanismSchema),
    // A DigestInfo is RSA's; EC and SM2 tokens get the message or the bare digest.
    EC: z.array(mechanismSchema.refine((m) => m.input !== 'digest-info', 'digest-info is for RSA only')),
    SM2: z.array(mechanismSchema.refine((m) => m.input !== 'digest-info', 'digest-info is for RSA only')),
  }),
});

const quirksSchema = z.object({
  quirks: z.array(z.object({ match: z.string(), rescan: z.enum(['slot-list', 'reinitialize']), why: z.string() })),
});

export interface MechanismChoice {
  mechanism: number;
  name: string;
  /** `digest`: SHA-256(message) for EC, SM3(Z ‖ message) with the default signer id for SM2. */
  input: 'message' | 'digest-info' | 'digest';
  output: 'raw' | 'der';
}

export interface VendorProfile {
  id: CaProfile;
  name: { 'zh-CN': string; en: string };
  modules: Record<string, string[]>;
  unlock?: UnlockContact;
  issuerPatterns: string[];
  mechanisms: Record<'RSA' | 'EC' | 'SM2', MechanismChoice[]>;
}

export interface ProfileSet {
  profiles: VendorProfile[];
  /** The profile whose issuer patterns match, else `unknown`. */
  profileForIssuer(issuer: string): VendorProfile;
  rescanStrategy(modulePath: string): 'slot-list' | 'reinitialize';
}

/** native/profiles, found from this file in the source tree and from dist/<bundle>/ after a build. */
export const defaultProfilesDir = path.resolve(import.meta.dirname, '..', '..', 'native', 'profiles');

function mechanismNumber(name: string): number {
  if (name.startsWith('0x')) return Number.parseInt(name, 16);
  const value = (pkcs11js as unknown as Record<string, unknown>)[name];
  if (typeof value !== 'number') throw new Error(`unknown PKCS#11 mechanism ${name}`);
  return value;
}

export function loadProfiles(dir = defaultProfilesDir): ProfileSet {
  const profiles: VendorProfile[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'module-quirks.json').sort()) {
    const raw = profileSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    const mechanisms = Object.fromEntries(
      Object.entries(raw.mechanisms).map(([keyType, list]) => [
        keyType,
        list.map((m) => ({ mechanism: mechanismNumber(m.mechanism), name: m.mechanism, input: m.input, output: m.output })),
      ]),
    ) as VendorProfile['mechanisms'];
    profiles.push({ ...raw, mechanisms });
  }
  const generic = profiles.find((p) => p.id === 'unknown');
  if (!generic) throw new Error(`no generic profile (id "unknown") in ${dir}`);
  const quirks = quirksSchema.parse(JSON.parse(readFileSync(path.join(dir, 'module-quirks.json'), 'utf8'))).quirks;

  return {
    profiles,
    profileForIssuer: (issuer) =>
      profiles.find((p) => p.id !== 'unknown' && p.issuerPatterns.some((pattern) => issuer.includes(pattern))) ?? generic,
    rescanStrategy: (modulePath) =>
      quirks.find((q) => new RegExp(q.match, 'i').test(path.basename(modulePath)))?.rescan ?? 'slot-list',
  };
}
