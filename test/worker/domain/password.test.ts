// Moderator passwords (src/domain/password.ts): what signs a moderator in, what does not, and the passwords and
// names `npm run moderator` gives out. Hashes below use few iterations where the count does not matter (speed).
import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  MODERATOR_NAME,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from '../../../src/domain/password.ts';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
const base64 = (hex: string) => btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16))));

describe('moderator passwords', () => {
  it('are hashed with 100,000 iterations by default, a 16-byte salt of their own and a 32-byte key', async () => {
    const stored = await hashPassword('كلمة سر طويلة');
    expect(stored.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(bytes(stored.salt)).toHaveLength(16);
    expect(bytes(stored.hash)).toHaveLength(32);
    expect(await verifyPassword('كلمة سر طويلة', stored)).toBe(true);
  });

  it('sign in with the right password only', async () => {
    const stored = await hashPassword('correct horse', 1000);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    for (const wrong of ['correct horsE', 'correct horse ', 'correct hors', ''])
      expect(await verifyPassword(wrong, stored), wrong).toBe(false);
  });

  it('give the same password a different salt and hash for each account', async () => {
    const [a, b] = await Promise.all([hashPassword('same', 1000), hashPassword('same', 1000)]);
    expect(a?.salt).not.toBe(b?.salt);
    expect(a?.hash).not.toBe(b?.hash);
  });

  it('verify with the iterations stored with the hash, so raising the default keeps old accounts working', async () => {
    const stored = await hashPassword('قديم', 2000);
    expect(stored.iterations).toBe(2000);
    expect(await verifyPassword('قديم', stored)).toBe(true);
    expect(await verifyPassword('قديم', { ...stored, iterations: 1000 })).toBe(false);
  });

  it('are standard PBKDF2-SHA-256: a hash from another implementation verifies (RFC 7914 test vector)', async () => {
    // PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1: the first 32 bytes of the RFC's 64.
    const stored = {
      hash: base64('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc'),
      salt: btoa('salt'),
      iterations: 1,
    };
    expect(await verifyPassword('passwd', stored)).toBe(true);
    expect(await verifyPassword('passwd!', stored)).toBe(false);
  });

  it('refuse a stored hash cut short, even when what is left matches', async () => {
    const stored = await hashPassword('قصير', 1000);
    const cut = btoa(String.fromCharCode(...bytes(stored.hash).slice(0, 16)));
    expect(await verifyPassword('قصير', { ...stored, hash: cut })).toBe(false);
    expect(await verifyPassword('قصير', { ...stored, hash: '' })).toBe(false);
  });

  it('match however the keyboard composed the letters (NFC)', async () => {
    const stored = await hashPassword('سؤال', 1000);
    expect(await verifyPassword('سو\u0654ال', stored)).toBe(true);
  });
});

describe('generated passwords', () => {
  it('are 24 characters that survive a URL, a shell and a form, and never repeat', () => {
    const passwords = Array.from({ length: 300 }, generatePassword);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe('moderator names', () => {
  it('are 1 to 64 letters of any script, digits, dots, dashes and underscores', () => {
    for (const name of ['هدى', 'omar', 'o.k_2-b', '٣', 'x'.repeat(64)]) expect(MODERATOR_NAME.test(name), name).toBe(true);
    for (const name of ['', 'هدى علي', 'omar@desk', ' omar', 'omar ', 'x'.repeat(65), 'a/b'])
      expect(MODERATOR_NAME.test(name), name).toBe(false);
  });
});
