/**
 * Who is asking: the client's IP as a keyed hash (never stored raw) and its user agent.
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

/** The client of this request. Refuses (503) while IP_HASH_SECRET is unset, rather than store weak hashes. */
export async function identifyClient(c: Context<AppEnv>): Promise<ClientIdentity> {
  const secret = c.env.IP_HASH_SECRET;
  if (!secret) throw new ProblemError(503, 'Comments are not configured: the IP_HASH_SECRET secret is not set.');
  // Cloudflare sets CF-Connecting-IP and clients cannot forge it; no other header is trusted.
  const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
  return { ipHash: await hmacHex(secret, ip), userAgent: c.req.header('User-Agent') ?? '' };
}
