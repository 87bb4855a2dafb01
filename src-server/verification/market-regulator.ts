/**
 * The registry match of a pre-registration (manual 002 Q&A 三, "省工商认证失败"): is this USCC registered with this
 * legal representative's name and ID number in the provincial market regulator's data? In production the
 * regulator's service answers; here {@link SimulatedMarketRegulator} reads the imported legal-person registry
 * (`registry_entries`, which carries id_type / id_number) and says it is a simulation (DESIGN.md decision 13).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { normName } from './identity';

export interface RegistryClaim {
  uscc: string;
  legalRepresentativeName: string;
  legalRepresentativeIdNumber: string;
}

export interface MarketRegulator {
  readonly name: string;
  /** True when the regulator holds an active enterprise with this USCC, legal representative name and ID. */
  matches(claim: RegistryClaim): Promise<boolean>;
  /** What the regulator holds of a USCC (a name or address change is compared with it as advice); null when nothing. */
  entry(uscc: string): Promise<RegistryRecord | null>;
}

export interface RegistryRecord {
  name: string;
  address: string;
  active: boolean;
}

/** Matches against `registry_entries`: same USCC, active, same name (width and spaces ignored), same ID number. */
export class SimulatedMarketRegulator implements MarketRegulator {
  readonly name = 'SimulatedMarketRegulator';

  constructor(private readonly db: Kysely<Database>) {}

  async matches(claim: RegistryClaim): Promise<boolean> {
    const entry = await this.db.selectFrom('registry_entries').selectAll().where('uscc', '=', claim.uscc).executeTakeFirst();
    return (
      !!entry &&
      entry.status === 'active' &&
      normName(entry.legal_representative) === normName(claim.legalRepresentativeName) &&
      entry.id_number.trim().toUpperCase() === claim.legalRepresentativeIdNumber.toUpperCase()
    );
  }

  async entry(uscc: string): Promise<RegistryRecord | null> {
    const row = await this.db.selectFrom('registry_entries').select(['name', 'address', 'status']).where('uscc', '=', uscc).executeTakeFirst();
    return row ? { name: row.name, address: row.address, active: row.status === 'active' } : null;
  }
}
