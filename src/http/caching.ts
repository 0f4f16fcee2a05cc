/**
 * HTTP caching: strong ETags from publish-time hashes, 304 answers before any rendering, shared Cache-Control.
 */
import type { Context } from 'hono';
import { sha256Hex } from '../crypto.ts';
import type { AppEnv } from '../env.ts';

/** Cache-Control of public pages and API responses: fresh for a minute, then served stale while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/**
 * A strong entity tag made of version parts (content hash, representation, build).
 * @example entityTag('ab12', 'html', 'dev') // '"ab12.html.dev"'
 */
export const entityTag = (...parts: Array<string | number>): string =>
  `"${parts.map((p) => String(p).replace(/[^\w-]/g, '_')).join('.')}"`;

/** True when an If-None-Match header names `etag` (or `*`). Weak validators compare by their opaque part. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Marks the response as publicly cacheable under `etag` and answers 304 when the client already has it.
 * Returns the 304 response, or null when the caller should render the full body.
 */
export function notModified(c: Context<AppEnv>, etag: string): Response | null {
  c.header('ETag', etag);
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL);
  return ifNoneMatchHits(c.req.header('If-None-Match'), etag) ? c.body(null, 304) : null;
}

/** The ETag of one representation of versioned content, tied to the deployed build so template changes show. */
export const versionTag = (c: Context<AppEnv>, hash: string, representation: string, ...rest: Array<string | number>): string =>
  entityTag(hash.slice(0, 20), representation, ...rest, c.env.BUILD_ID || 'dev');

/**
 * A short digest of the «أتفق» counts a response shows, in order: part of its ETag, so a reaction changes the tag of
 * exactly the pages and API responses that show the comment, and of no other.
 */
export const agreementsDigest = async (comments: ReadonlyArray<{ id: number; agreeCount: number }>): Promise<string> =>
  (await sha256Hex(comments.map((c) => `${c.id}:${c.agreeCount}`).join(','))).slice(0, 16);
