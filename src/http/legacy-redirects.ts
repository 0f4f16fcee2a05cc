/**
 * Old WordPress URLs answered with 301 to their Minbar page. Consulted only where the answer would otherwise be a
 * 404 (the root notFound handler), and on the front page only when its query names a WordPress form (`?p=`,
 * `?page_id=`, `?s=`, `?feed=`): a page that exists never pays for a lookup.
 */
import type { Context, MiddlewareHandler, NotFoundHandler } from 'hono';
import { resolveLegacyUrl } from '../domain/legacy-urls.ts';
import type { AppEnv } from '../env.ts';
import { logError } from '../log.ts';
import { findLegacyTarget } from '../storage/legacy-urls.ts';

/** WordPress's front-page query parameters that name something else (a post, a search, a feed). */
const FRONT_PAGE_FORMS = ['p', 'page_id', 's', 'feed'];

/** The 301 for an old URL, or null when it is not one (or names nothing that was imported). */
async function legacyRedirect(c: Context<AppEnv>): Promise<Response | null> {
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/')) return null;
  const url = new URL(c.req.url);
  const resolution = resolveLegacyUrl(url.pathname, url.searchParams);
  if (resolution === null) return null;
  if ('location' in resolution) return c.redirect(resolution.location, 301);
  let target: string | null;
  try {
    target = await findLegacyTarget(c.env.DB, resolution.keys);
  } catch (error) {
    // A 404 stays a 404 when the map cannot be read (a database without the 0006 migration, say), never a 500.
    logError('legacy URL lookup failed', error, { status: 404 });
    return null;
  }
  return target === null ? null : c.redirect(resolution.locate(target), 301);
}

/**
 * Wraps the root notFound handler: an old WordPress URL gets its 301, anything else the handler's 404.
 * @example app.notFound(withLegacyRedirects(notFound))
 */
export const withLegacyRedirects =
  (fallback: NotFoundHandler<AppEnv>): NotFoundHandler<AppEnv> =>
  async (c) =>
    (await legacyRedirect(c)) ?? fallback(c);

/**
 * For the front page: `/?p=<id>`, `/?page_id=<id>`, `/?s=<q>` and `/?feed=` are WordPress URLs, not the front page.
 * An unknown id is a 404, never the front page.
 */
export const frontPageLegacyRedirects = (fallback: NotFoundHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
  async function frontPageLegacyRedirects(c, next) {
    if (!c.req.url.includes('?')) return next();
    const query = new URL(c.req.url).searchParams;
    if (!FRONT_PAGE_FORMS.some((name) => query.has(name))) return next();
    return (await legacyRedirect(c)) ?? fallback(c);
  };
