/**
 * Password hashing with scrypt from Node's crypto (memory-hard, no native dependency), encoded with its
 * parameters so they can be raised later without invalidating stored hashes.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// N=2^15, r=8: ~32 MiB and ~50 ms per hash on the 2-core CI machine — slow for guessing, fine for logins.
const PARAMS = { N: 1 << 15, r: 8, p: 1 };
const KEY_LEN = 32;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LEN, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
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
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('tongban-dummy-password');
  await verifyPassword(password, await dummyHash);
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
