/**
 * Cross-origin access, decided once by path: every public read (articles, comments, search, the OpenAPI document,
 * the feeds, and the 301s on those paths) allows any origin, and so does posting a comment to the JSON API.
 *
 * Why comments may be posted cross-origin: the JSON comment API carries no cookie and no credential (the response is
 * `Access-Control-Allow-Origin: *` without `Allow-Credentials`, so a browser never sends or accepts cookies on it),
 * so a cross-origin post has no ambient authority to abuse: it is exactly what any HTTP client can already send, and
 * the same rate limits, moderation and idempotency apply. A partner's web app can offer commenting without a proxy.
 * The HTML form stays same-origin only (CSRF): it runs on the reader's cookies. The admin API allows no origin.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import {
  CORS_ALLOWED_HEADERS,
  CORS_EXPOSED_HEADERS,
  isCommentCollection,
  isPublicCrossOriginPath,
  PREFLIGHT_MAX_AGE,
} from './cors-policy.ts';

const publicCors = cors({
  origin: '*',
  allowMethods: (_origin, c) => (isCommentCollection(c.req.path) ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD']),
  allowHeaders: CORS_ALLOWED_HEADERS,
  exposeHeaders: CORS_EXPOSED_HEADERS,
  maxAge: PREFLIGHT_MAX_AGE,
});

/** CORS on the public paths (preflights answered here, before routing); nothing on the others. */
export const crossOrigin = (): MiddlewareHandler =>
  async function crossOrigin(c, next) {
    return isPublicCrossOriginPath(c.req.path) ? publicCors(c, next) : next();
  };
