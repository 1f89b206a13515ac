// Passwords are stored as scrypt hashes (memory-hard: each guess costs 32 MiB and tens of
// milliseconds), never as a fast hash. The stored form names its parameters, so they can be
// raised later without breaking the hashes already stored: scrypt$N$r$p$salt$hash (base64url).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scryptParams = { N: 2 ** 15, r: 8, p: 1 } as const;
const saltBytes = 16;
const keyBytes = 32;
const minPasswordLength = 12;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // 128·N·r bytes of memory; leave headroom over Node's 32 MiB default.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, scryptParams);
  const { N, r, p } = scryptParams;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash; a stored value of any other form never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n! > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== keyBytes) return false;
  const key = await derive(password, salt, { N: N!, r: r!, p: p! });
  return timingSafeEqual(key, expected);
}

// A hash of a password nobody has, checked when the sign-in name is unknown or has no password
// yet, so that the answer takes as long as for a wrong password and does not tell names apart.
let decoy: Promise<string> | undefined;
export async function spendLikeAVerify(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  await verifyPassword(password, await decoy);
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, userId: string): string | undefined {
  if ([...password].length < minPasswordLength) return `expected at least ${minPasswordLength} characters`;
  if (password.trim().toLowerCase() === userId.trim().toLowerCase()) return 'must not be the sign-in name';
  if (password.length > 1024) return 'expected at most 1024 characters';
  return undefined;
}
