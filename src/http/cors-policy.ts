/**
 * Which paths any origin may use and which headers cross the origin boundary: read by the CORS middleware
 * (src/http/cors.ts) and by the OpenAPI generator, so the document states exactly what the Worker does.
 */
import { BOOKMARK_HEADER } from './bookmark.ts';

/** Request headers a cross-origin client may send. */
export const CORS_ALLOWED_HEADERS = ['Content-Type', 'Idempotency-Key', BOOKMARK_HEADER, 'If-None-Match'];
/** Response headers a cross-origin client may read (beyond the CORS-safelisted ones). */
export const CORS_EXPOSED_HEADERS = ['ETag', 'Link', 'Location', 'Retry-After', 'Idempotent-Replayed', BOOKMARK_HEADER];
/** Seconds a browser may remember a preflight answer. */
export const PREFLIGHT_MAX_AGE = 86_400;

const FEED = /\/feed\.(?:xml|atom|json)\/*$/;
const ADMIN = /^\/api\/admin(?:\/|$)/;
/** The JSON API's comment collection of an article, where POST is allowed too. */
const COMMENT_COLLECTION = /^\/api\/articles\/[^/]+\/comments\/*$/;

/** True for an article's comment collection in the JSON API. */
export const isCommentCollection = (path: string): boolean => COMMENT_COLLECTION.test(path);

/** True for the paths any origin may use: the JSON API (and its index page) except admin, and the feeds. */
export const isPublicCrossOriginPath = (path: string): boolean =>
  ((path === '/api' || path.startsWith('/api/')) && !ADMIN.test(path)) || FEED.test(path);
