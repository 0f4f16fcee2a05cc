/**
 * Who is asking: the client's network as a keyed hash (never stored raw) and its user agent.
 */
import type { Context } from 'hono';
import { hmacHex } from '../crypto.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';

/** The request's client, as comments record it. */
export interface ClientIdentity {
  ipHash: string;
  userAgent: string;
}

/**
 * The network a client address belongs to, as rate limits and flood control see it: an IPv4 address as it is, an
 * IPv6 address as its /64 (one subscriber's LAN; rotating addresses inside it must not buy a fresh budget).
 * IPv4-mapped IPv6 counts as IPv4. Anything unparseable is kept as it is.
 * @example clientNetwork('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientNetwork(ip: string): string {
  const address = ip.trim().toLowerCase();
  if (!address.includes(':')) return address;
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1] as string;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The client of this request. Refuses (503) while IP_HASH_SECRET is unset, rather than store weak hashes. */
export async function identifyClient(c: Context<AppEnv>): Promise<ClientIdentity> {
  const secret = c.env.IP_HASH_SECRET;
  if (!secret) throw new ProblemError(503, 'Comments are not configured: the IP_HASH_SECRET secret is not set.');
  // Cloudflare sets CF-Connecting-IP and clients cannot forge it; no other header is trusted.
  const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
  return { ipHash: await hmacHex(secret, clientNetwork(ip)), userAgent: c.req.header('User-Agent') ?? '' };
}
