/**
 * Hashes and keyed hashes with Web Crypto: IP addresses are only ever stored as keyed hashes.
 */

const encoder = new TextEncoder();

const hex = (buffer: ArrayBuffer): string => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** sha-256 of `text`, as 64 hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** sha-256 of `text`, base64 (for CSP source expressions). */
export async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/**
 * HMAC-SHA-256 of `message` under `secret`, as 64 hex digits.
 * @example await hmacHex(env.IP_HASH_SECRET, '203.0.113.7') // the only form in which an IP is stored
 */
export async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}
