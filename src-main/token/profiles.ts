/**
 * Vendor profiles (native/profiles/*.json): candidate modules per CA, how to recognise its certificates and which
 * mechanisms sign with its keys. Read at start-up, validated, never compiled in: support can add a module path
 * without a release.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CaProfile } from '@shared/contract/signing';
import type { UnlockContact } from '@shared/contract/token';
import { pkcs11js } from './pkcs11/module';

const mechanismSchema = z.object({
  mechanism: z.union([z.string().regex(/^CKM_[A-Z0-9_]+$/), z.string().regex(/^0x[0-9a-fA-F]{1,8}$/)]),
  input: z.enum(['message', 'digest-info', 'digest']),
});

const profileSchema = z.object({
  id: z.enum(['jiangsu-ca', 'suzhou-ca', 'unknown']),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  modules: z.record(z.string(), z.array(z.string())),
  /** Where a locked key is unlocked, as the manuals say (absent: the manuals name no place for this CA). */
  unlock: z.object({ window: z.object({ 'zh-CN': z.string(), en: z.string() }), phones: z.array(z.string()) }).optional(),
  issuerPatterns: z.array(z.string()),
  mechanisms: z.object({ RSA: z.array(mechanismSchema), EC: z.array(mechanismSchema), SM2: z.array(mechanismSchema) }),
});

const quirksSchema = z.object({
  quirks: z.array(z.object({ match: z.string(), rescan: z.enum(['slot-list', 'reinitialize']), why: z.string() })),
});

export interface MechanismChoice {
  mechanism: number;
  name: string;
  input: 'message' | 'digest-info' | 'digest';
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
        list.map((m) => ({ mechanism: mechanismNumber(m.mechanism), name: m.mechanism, input: m.input })),
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
