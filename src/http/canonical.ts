/**
 * One URL per resource: a request on a non-canonical path is redirected to the canonical one, 301 for GET and HEAD,
 * 308 for every other method (which keeps the method and the body, so a comment posted there is not lost).
 * Canonical means no trailing slash, no empty segments, NFC text, and upper-case percent-encoding,
 * so `/articles/ليبيا/` typed by a reader, an NFD slug from macOS, and `%d9%84` all land on one URL.
 */
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../errors.tsx';

/**
 * The canonical form of a raw (percent-encoded) path, or null when it cannot be decoded.
 * @example canonicalPath('/articles/%d9%84/') // '/articles/%D9%84'
 */
function canonicalPath(rawPath: string): string | null {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '') continue;
    try {
      segments.push(encodeURIComponent(decodeURIComponent(segment).normalize('NFC')));
    } catch {
      return null;
    }
  }
  return `/${segments.join('/')}`;
}

/** Redirects requests on non-canonical paths; a path that is not valid percent-encoding is a 400. */
export const canonicalUrls = (): MiddlewareHandler =>
  async function canonicalUrls(c, next) {
    const url = new URL(c.req.url);
    const canonical = canonicalPath(url.pathname);
    if (canonical === null) throw new ProblemError(400, 'The path is not valid percent-encoded UTF-8.');
    if (canonical === url.pathname) return next();
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
    return c.redirect(`${canonical}${url.search}`, safe ? 301 : 308);
  };
