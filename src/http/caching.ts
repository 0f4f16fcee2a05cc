/**
 * HTTP caching: strong ETags from publish-time hashes, 304 answers before any rendering, shared Cache-Control.
 */
import type { Context } from 'hono';
import { sha256Hex } from '../crypto.ts';
import type { AppEnv } from '../env.ts';
import { PUBLIC_CACHE_CONTROL } from './cache-policy.ts';

/**
 * Cache-Control of article pages (RFC 9213 targeting): browsers and other caches revalidate on every use, a cheap 304
 * thanks to the ETag, so a reader who just posted a comment sees it on the page the redirect shows; CDNs keep the
 * public lifetime through CDN-Cache-Control.
 */
const ARTICLE_PAGE_CACHE_CONTROL = 'public, no-cache';

/** Cache-Control of a page served while its comments cannot be read: shown, but not kept for long anywhere. */
const COMMENTS_UNAVAILABLE_CACHE_CONTROL = 'public, max-age=10';

/** notModified for article pages: browsers revalidate on every view while CDNs keep the public lifetime. */
export function notModifiedInBrowsers(c: Context<AppEnv>, etag: string): Response | null {
  c.header('CDN-Cache-Control', PUBLIC_CACHE_CONTROL);
  return notModified(c, etag, ARTICLE_PAGE_CACHE_CONTROL);
}

/** Marks a response built without its comments: short-lived, and without a validator that could confirm it later. */
export function markCommentsUnavailable(c: Context<AppEnv>): void {
  c.header('ETag', undefined);
  c.header('CDN-Cache-Control', undefined);
  c.header('Cache-Control', COMMENTS_UNAVAILABLE_CACHE_CONTROL);
}

/**
 * A strong entity tag made of version parts (content hash, representation, build).
 * @example entityTag('ab12', 'html', 'dev') // '"ab12.html.dev"'
 */
const entityTag = (...parts: Array<string | number>): string =>
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
export function notModified(c: Context<AppEnv>, etag: string, cacheControl = PUBLIC_CACHE_CONTROL): Response | null {
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  return ifNoneMatchHits(c.req.header('If-None-Match'), etag) ? c.body(null, 304) : null;
}

/** The ETag of one representation of versioned content, tied to the deployed build so template changes show. */
export const versionTag = (c: Context<AppEnv>, hash: string, representation: string, ...rest: Array<string | number>): string =>
  entityTag(hash.slice(0, 20), representation, ...rest, c.env.BUILD_ID || 'dev');

/**
 * Answers with `body` under a strong ETag computed from its bytes, or 304 when the client has them: for content
 * assembled per request (search results), which has no version to check before the work is done. It saves the
 * transfer, not the work.
 */
export async function sendTaggedBody(c: Context<AppEnv>, body: string, contentType: string): Promise<Response> {
  const cached = notModified(c, versionTag(c, await sha256Hex(body), 'body'));
  return cached ?? c.body(body, 200, { 'Content-Type': contentType });
}

/**
 * A short digest of the «أتفق» counts a response shows, in order: part of its ETag, so a reaction changes the tag of
 * exactly the pages and API responses that show the comment, and of no other.
 */
export const agreementsDigest = async (comments: ReadonlyArray<{ id: number; agreeCount: number }>): Promise<string> =>
  (await sha256Hex(comments.map((c) => `${c.id}:${c.agreeCount}`).join(','))).slice(0, 16);
