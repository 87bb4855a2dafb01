/**
 * Password hashing with scrypt from Node's crypto (memory-hard, no native dependency), encoded with its
 * parameters so they can be raised later without invalidating stored hashes: verification always uses the
 * parameters stored with the hash, whatever the current cost.
 *
 * A hash cheaper than the current cost is not re-hashed at login: a deployment's cost is never below 2^14 and
 * the cheap ones exist only in test databases, and re-hashing would add a write to every login path (accounts,
 * staff, legacy). Raising the production cost later is a deliberate change that brings its own upgrade.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of scrypt's N in production: 2^15, r=8 is ~32 MiB and ~50–200 ms per hash — slow for guessing, fine for logins. */
export const PRODUCTION_SCRYPT_LOG2N = 15;
/**
 * The lowest cost a deployment may configure (`TONGBAN_SCRYPT_LOG2N`, config.ts). Only code may go lower: the
 * test servers do (tests/fixtures/server/harness.ts, tests/fixtures/portal.ts), where every scenario account,
 * login and reset hashes and 2^15 made the server suites several times slower.
 */
export const MIN_DEPLOYED_SCRYPT_LOG2N = 14;
/** 2^17 × r=8 is 128 MiB per hash: beyond that two concurrent logins would exhaust a small server. */
export const MAX_SCRYPT_LOG2N = 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;

/**
 * Process-wide rather than passed down: hashes are made deep in domain code (accounts, staff, resets, recovery)
 * that has no server configuration at hand, and a process runs one portal. buildServer sets it from its config.
 */
let currentLog2N = PRODUCTION_SCRYPT_LOG2N;

/** Sets the cost of hashes made from now on (buildServer, from `config.scryptLog2N`). */
export function setPasswordHashCost(log2N: number): void {
  if (!Number.isInteger(log2N) || log2N < 1 || log2N > MAX_SCRYPT_LOG2N) {
    throw new Error(`scrypt cost must be a whole log2 N from 1 to ${MAX_SCRYPT_LOG2N} (got ${log2N})`);
  }
  currentLog2N = log2N;
}

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `log2N` defaults to the current cost (setPasswordHashCost). */
export async function hashPassword(password: string, log2N = currentLog2N): Promise<string> {
  const N = 2 ** log2N;
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * Spends the same time as a real check when the account does not exist, so response times do not reveal which
 * usernames exist.
 */
const dummyHashes = new Map<number, Promise<string>>();
export async function verifyAgainstNothing(password: string): Promise<false> {
  // At the current cost, as the accounts' own hashes are made.
  let dummy = dummyHashes.get(currentLog2N);
  if (!dummy) dummyHashes.set(currentLog2N, (dummy = hashPassword('tongban-dummy-password')));
  await verifyPassword(password, await dummy);
  return false;
}

/**
 * The initial-password alphabet: read off an SMS and typed on a phone or a PC, so no look-alikes (0/O/o, 1/I/l/i/j,
 * 2/Z/z, 5/S/s, 8/B/b, 6/G/g/q, U/V/u/v; and C K P W X Y only in upper case, where the lower case looks the same)
 * and no symbols (`? % = +` hide behind a phone keyboard's second page). The policy's three classes come from upper,
 * lower and digits.
 */
export const INITIAL_PASSWORD_SETS = ['ACDEFHJKLMNPQRTWXY', 'adefhmnrt', '23456789'] as const;
/**
 * 14 characters from 35 symbols ≈ 71.8 bits: as strong as the 12 characters from 62 symbols (≈ 71.5 bits) that
 * included symbols before.
 */
export const INITIAL_PASSWORD_LENGTH = 14;

/** A random initial password that satisfies the policy (upper, lower and digits) with no look-alike character. */
export function generateInitialPassword(): string {
  const sets = INITIAL_PASSWORD_SETS;
  const all = sets.join('');
  const chars = Array.from({ length: INITIAL_PASSWORD_LENGTH }, (_, i) => {
    const set = i < sets.length ? sets[i]! : all;
    return set[randomInt(set.length)]!;
  });
  // Shuffle (Fisher–Yates) so the classes are not always in the same positions.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
