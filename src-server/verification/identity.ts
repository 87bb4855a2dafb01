/**
 * The identity check of a pre-registration's legal representative: are this name, resident ID number and mobile
 * held by that person, and is the mobile in a provincial carrier's system (manual 002 Q&A 三 (1), (2))? In
 * production a real-name identity service answers; it cannot exist here, so {@link SimulatedIdentityVerifier}
 * stands in and says so in the log (DESIGN.md decision 13).
 */
import { readFile } from 'node:fs/promises';
import { toHalfWidth } from '@shared/validation/normalize';
import { parseCsv } from '../domain/registry';

export interface IdentityClaim {
  name: string;
  /** Normalised resident ID number (GB 11643, upper-case X). */
  idNumber: string;
  /** Normalised mainland mobile, 11 digits. */
  mobile: string;
}

/** `notHeld`: the three do not belong together; `carrierUnknown`: no provincial carrier knows the mobile. */
export type IdentityOutcome = 'verified' | 'notHeld' | 'carrierUnknown';

export interface IdentityVerifier {
  /** Shown in logs and at start-up, so that nobody mistakes a simulation for the real service. */
  readonly name: string;
  verify(claim: IdentityClaim): Promise<IdentityOutcome>;
}

/**
 * Number blocks of the mobile virtual network operators (虚拟运营商: 162, 165, 167, 170, 171): their subscribers are
 * not in a provincial carrier's real-name system, so the simulation answers `carrierUnknown` for them, as the
 * manual's case (2) describes.
 */
export const VIRTUAL_OPERATOR_PREFIXES = ['162', '165', '167', '170', '171'] as const;

/**
 * The simulated identity service: knows the persons it was given (seed files `name,idNumber,mobile` from
 * `TONGBAN_SIMULATED_IDENTITY_CSV`, or `addPerson` in tests) and nobody else. Rule, in order: a virtual
 * operator's mobile → `carrierUnknown`; a known ID number with the same name (full-width and spaces ignored) and
 * the same mobile → `verified`; anything else → `notHeld`.
 */
export class SimulatedIdentityVerifier implements IdentityVerifier {
  readonly name = 'SimulatedIdentityVerifier';
  private readonly persons = new Map<string, { name: string; mobile: string }>();

  addPerson(person: IdentityClaim): void {
    this.persons.set(person.idNumber.toUpperCase(), { name: normName(person.name), mobile: person.mobile });
  }

  get size(): number {
    return this.persons.size;
  }

  /** Seed file: header `name,idNumber,mobile`, one person a line (RFC 4180 CSV, as the registry's). */
  async load(file: string): Promise<void> {
    const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
    const col = (n: string) => header?.map((h) => h.trim()).indexOf(n) ?? -1;
    const [name, idNumber, mobile] = [col('name'), col('idNumber'), col('mobile')];
    if (name < 0 || idNumber < 0 || mobile < 0) throw new Error(`${file}: the header must name name,idNumber,mobile`);
    for (const r of rows) this.addPerson({ name: r[name] ?? '', idNumber: (r[idNumber] ?? '').trim(), mobile: (r[mobile] ?? '').trim() });
  }

  async verify(claim: IdentityClaim): Promise<IdentityOutcome> {
    if (VIRTUAL_OPERATOR_PREFIXES.some((p) => claim.mobile.startsWith(p))) return 'carrierUnknown';
    const known = this.persons.get(claim.idNumber.toUpperCase());
    return known && known.name === normName(claim.name) && known.mobile === claim.mobile ? 'verified' : 'notHeld';
  }
}

export const normName = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
