/**
 * Moderator passwords: PBKDF2-SHA-256 through WebCrypto with a random per-account salt. The same code runs in the
 * Worker (sign-in) and in Node (`npm run moderator`), so a hash made by the script verifies in the Worker.
 */

/** The most PBKDF2 iterations Cloudflare Workers allow in production (local workerd allows more: a test pins it). */
export const PBKDF2_ITERATIONS = 100_000;
/** Bytes of salt per account. */
const SALT_BYTES = 16;
/** Bits of derived key. */
const KEY_BITS = 256;

/** What is stored for a password. */
export interface PasswordHash {
  /** base64 of the derived key. */
  hash: string;
  /** base64 of the salt. */
  salt: string;
  iterations: number;
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BITS));
}

/**
 * Hashes a new password with a fresh salt.
 * @example const stored = await hashPassword('correct horse'); // { hash, salt, iterations: 100000 }
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { hash: toBase64(await derive(password, salt, iterations)), salt: toBase64(salt), iterations };
}

/** Whether `password` matches `stored`; compares every byte, whatever the first difference. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
  let difference = expected.length ^ actual.length;
  for (const [i, byte] of expected.entries()) difference |= byte ^ (actual[i] ?? 0);
  return difference === 0;
}

/** A generated password: 18 random bytes, base64url (24 characters), printed once by the moderator script. */
export function generatePassword(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(18)))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

/** Moderator names: letters (any script), digits, dot, dash and underscore; 1–64 characters. */
export const MODERATOR_NAME = /^[\p{L}\p{N}._-]{1,64}$/u;
