/**
 * Password hashing with scrypt from Node's crypto (memory-hard, no native dependency), encoded with its
 * parameters so they can be raised later without invalidating stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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

/** A random initial password that satisfies the policy: 12 characters, upper, lower, digits, a symbol. */
export function generateInitialPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];
  const all = sets.join('');
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b, i) => {
    const set = i < sets.length ? sets[i]! : all;
    return set[b % set.length]!;
  });
  // Shuffle so the classes are not always in the same positions.
  const order = randomBytes(chars.length);
  return chars
    .map((c, i) => [order[i]!, c] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c)
    .join('');
}
