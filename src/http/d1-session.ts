/**
 * D1 read replication with read-your-writes: every request gets a D1 session that starts from the client's
 * bookmark (the `X-D1-Bookmark` header for API clients, a cookie for browsers), and every write hands the new
 * bookmark back, so a commenter who reloads the page sees their comment even when a replica serves the read.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';

/** Header carrying the bookmark, both ways. */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
const BOOKMARK_COOKIE = 'minbar_d1';
const BOOKMARK = /^[\w-]{1,200}$/;

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD';

/**
 * Where a request's session starts: writes and the admin API on the primary (an idempotent replay, a flood check or a
 * moderator's action must never act on a replica that lags behind), reads from the client's bookmark or anywhere.
 */
export function sessionStart(method: string, path: string, bookmark: string | undefined): string {
  if (isWrite(method) || path === '/api/admin' || path.startsWith('/api/admin/')) return 'first-primary';
  return bookmark && BOOKMARK.test(bookmark) ? bookmark : 'first-unconstrained';
}

/** Starts the request's D1 session; on successful writes, returns the bookmark in a header and a cookie. */
export const d1Session = (): MiddlewareHandler<AppEnv> =>
  async function d1Session(c, next) {
    const given = c.req.header(BOOKMARK_HEADER) ?? getCookie(c, BOOKMARK_COOKIE);
    c.set('db', c.env.DB.withSession(sessionStart(c.req.method, c.req.path, given)));
    await next();
    if (isWrite(c.req.method) && c.res.status < 400) handBookmarkBack(c);
  };

function handBookmarkBack(c: Context<AppEnv>) {
  const bookmark = c.get('db').getBookmark();
  if (!bookmark) return;
  c.res.headers.set(BOOKMARK_HEADER, bookmark);
  setCookie(c, BOOKMARK_COOKIE, bookmark, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: 300,
  });
}
