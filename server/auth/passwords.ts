// Password hashing with scrypt (memory-hard): N = 2^15, r = 8, p = 1 → 32 MiB per hash, a fresh
// 16-byte salt per password, stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later.
// Every hash goes through the process's `hashGate`, so a burst of them cannot take every thread.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hashGate } from './hash-gate.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing cannot be used to tie up the server. */
export const MAX_PASSWORD_LENGTH = 1024;

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that, so leave headroom. */
const MAX_MEMORY = 128 * 1024 * 1024;

/** Throws `busy` (503) when the gate's queue is full. */
function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return hashGate.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );
}

/** What is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words make a good one.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim() !== password) return 'A password cannot start or end with a space.';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Compares in constant time. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt' || password.length > MAX_PASSWORD_LENGTH) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length < 16) return false;
  const key = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: checked against when the user name is unknown, so both cases take as long. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(randomBytes(24).toString('base64')).catch((error: unknown) => {
    decoy = null; // e.g. refused while the gate was full: make it again next time
    throw error;
  }));
}
