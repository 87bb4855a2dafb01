/**
 * Beijing's unified identity platform (北京市统一身份认证平台, 法人一证通): does this legal representative (name and
 * resident ID number) lead this enterprise (name and USCC or organisation code)? In production the platform
 * answers; it cannot exist here, so {@link SimulatedUnifiedIdentity} stands in and says so in the log.
 */
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../domain/registry';
import { normName } from '../verification/identity';

export interface LegalRepresentativeClaim {
  /** Normalised USCC (18) or organisation code (9). */
  code: string;
  enterpriseName: string;
  name: string;
  /** Normalised resident ID number. */
  idNumber: string;
}

export interface UnifiedIdentity {
  /** Shown in logs and at start-up, so that nobody mistakes a simulation for the real platform. */
  readonly name: string;
  /** `matches`: the enterprise exists under that name and this person is its legal representative. */
  checkLegalRepresentative(claim: LegalRepresentativeClaim): Promise<'matches' | 'mismatch'>;
}

const key = (code: string) => code.toUpperCase();

/**
 * The simulated unified identity platform: knows the enterprise / legal representative pairs it was given (seed
 * files `code,enterpriseName,name,idNumber` from `TONGBAN_SIMULATED_UNIFIED_IDENTITY_CSV`, or `addPair` in tests)
 * and nobody else. Names compare without spaces and full-width forms.
 */
export class SimulatedUnifiedIdentity implements UnifiedIdentity {
  readonly name = 'SimulatedUnifiedIdentity';
  private readonly pairs = new Map<string, { enterpriseName: string; name: string; idNumber: string }>();

  addPair(claim: LegalRepresentativeClaim): void {
    this.pairs.set(key(claim.code), { enterpriseName: normName(claim.enterpriseName), name: normName(claim.name), idNumber: claim.idNumber.toUpperCase() });
  }

  get size(): number {
    return this.pairs.size;
  }

  async load(file: string): Promise<void> {
    const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
    const col = (n: string) => header?.map((h) => h.trim()).indexOf(n) ?? -1;
    const [code, enterpriseName, name, idNumber] = [col('code'), col('enterpriseName'), col('name'), col('idNumber')];
    if ([code, enterpriseName, name, idNumber].some((c) => c < 0)) throw new Error(`${file}: the header must name code,enterpriseName,name,idNumber`);
    for (const r of rows) this.addPair({ code: (r[code] ?? '').trim(), enterpriseName: r[enterpriseName] ?? '', name: r[name] ?? '', idNumber: (r[idNumber] ?? '').trim() });
  }

  async checkLegalRepresentative(claim: LegalRepresentativeClaim): Promise<'matches' | 'mismatch'> {
    const known = this.pairs.get(key(claim.code));
    const same = known && known.enterpriseName === normName(claim.enterpriseName) && known.name === normName(claim.name) && known.idNumber === claim.idNumber.toUpperCase();
    return same ? 'matches' : 'mismatch';
  }
}
