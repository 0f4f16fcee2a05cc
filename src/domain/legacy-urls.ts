/**
 * The URLs a WordPress site answered, and where each now lives on Minbar. Pure: the WordPress importer writes the
 * map's keys with `legacyKey`, and the Worker's not-found path reads a request with `resolveLegacyUrl`.
 *
 * Forms understood: `?p=<id>`, `?page_id=<id>`, `?s=<q>`, `?feed=rss2|atom`; a post's permalink in any common
 * structure (`/<name>/`, `/YYYY/MM/DD/<name>/`, `/YYYY/MM/<name>/`, `/category/<x>/<name>/`, `/<x>/<name>/`,
 * `/archives/<id>`), and with `/feed/`, `/amp/`, `/comment-page-N/`, `/N/` or `/embed/` after it;
 * `/category/<nicename>/` with `/page/N/` or `/feed/`; `/feed/`, `/feed/atom/`, `/comments/feed/`, `/search/<q>/`,
 * `/page/N/`.
 */
import { isId as isNumber } from './ids.ts';

/** Keys of the legacy URL map (D1 `legacy_urls`). Names are percent-decoded and NFC, as the Worker sees them. */
export const legacyKey = {
  /** A post or page by its WordPress id (`?p=`, `?page_id=`, `/archives/<id>`). */
  id: (id: number | string): string => `id:${id}`,
  /** A post or page by its `post_name`. */
  post: (name: string): string => `post:${name}`,
  /** A category archive by its nicename. */
  category: (nicename: string): string => `category:${nicename}`,
};

/** What to do with a request nothing else answered. */
export type LegacyResolution =
  /** Redirect here; no lookup needed (feeds, search). */
  | { location: string }
  /** Look these keys up in order; the first found is the target path, and `locate` builds the final URL. */
  | { keys: string[]; locate: (target: string) => string };

/** What follows a post's name in its old URL, and where it goes on the article. */
type PostSuffix = (article: string) => string;
/** What follows a category's name, and where it goes on the category. */
type CategorySuffix = (category: string) => string;

const SITE_FEEDS: Record<string, string> = {
  '': '/feed.xml',
  rss2: '/feed.xml',
  rss: '/feed.xml',
  rdf: '/feed.xml',
  atom: '/feed.atom',
};
/** The extension of a feed named after `/feed/` (path segments are never empty). */
const FEED_EXTENSIONS: Record<string, string> = { rss2: 'xml', rss: 'xml', rdf: 'xml', atom: 'atom' };

const search = (q: string): string => (q.trim() === '' ? '/search' : `/search?q=${encodeURIComponent(q)}`);

/** Strips a post URL's trailing part (`feed`, `amp`, `comment-page-2`, a page number) and says where it leads. */
function postSuffix(segments: string[]): { rest: string[]; locate: PostSuffix } {
  // Stryker disable next-line StringLiteral: callers always pass at least one segment, so the fallback is never used
  const last = segments.at(-1) ?? '';
  const beforeLast = segments.at(-2);
  if (beforeLast === 'feed' && last in FEED_EXTENSIONS)
    return { rest: segments.slice(0, -2), locate: (a) => `${a}/comments/feed.${FEED_EXTENSIONS[last]}` };
  if (last === 'feed') return { rest: segments.slice(0, -1), locate: (a) => `${a}/comments/feed.xml` };
  if (last === 'amp' || last === 'embed' || last === 'trackback') return { rest: segments.slice(0, -1), locate: (a) => a };
  if (/^comment-page-\d{1,6}$/.test(last)) return { rest: segments.slice(0, -1), locate: (a) => `${a}#comments` };
  if (isNumber(last) && segments.length > 1 && !isNumber(beforeLast)) return { rest: segments.slice(0, -1), locate: (a) => a };
  return { rest: segments, locate: (a) => a };
}

/** `/category/<x>/`, `/category/<parent>/<x>/`, with `/page/N/` or `/feed/` after it. */
function categorySuffix(segments: string[]): { rest: string[]; locate: CategorySuffix } {
  // Stryker disable next-line StringLiteral: callers always pass at least one segment, so the fallback is never used
  const last = segments.at(-1) ?? '';
  if (segments.at(-2) === 'page' && isNumber(last))
    return { rest: segments.slice(0, -2), locate: (c) => (last === '1' ? c : `${c}?page=${last}`) };
  if (segments.at(-2) === 'feed' && last in FEED_EXTENSIONS)
    return { rest: segments.slice(0, -2), locate: (c) => `${c}/feed.${FEED_EXTENSIONS[last]}` };
  if (last === 'feed') return { rest: segments.slice(0, -1), locate: (c) => `${c}/feed.xml` };
  return { rest: segments, locate: (c) => c };
}

/** Query forms: they work on any path WordPress served, the front page above all. */
function resolveQuery(query: URLSearchParams): LegacyResolution | null {
  const id = query.get('p') ?? query.get('page_id');
  if (isNumber(id ?? undefined)) return { keys: [legacyKey.id(Number(id))], locate: (a) => a };
  const q = query.get('s');
  if (q !== null) return { location: search(q) };
  const feed = query.get('feed');
  if (feed !== null && feed in SITE_FEEDS) return { location: SITE_FEEDS[feed] as string };
  return null;
}

/** A path's segments, decoded and NFC (the canonical-URL middleware has already made them valid). */
function segmentsOf(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s).normalize('NFC'));
  } catch {
    return null;
  }
}

/**
 * Where an old WordPress URL leads, or null when it is no WordPress form (then it stays a 404).
 * @example resolveLegacyUrl('/feed/atom', new URLSearchParams()) // { location: '/feed.atom' }
 */
export function resolveLegacyUrl(path: string, query: URLSearchParams): LegacyResolution | null {
  const segments = segmentsOf(path);
  if (segments === null) return null;
  if (segments.length === 0 || query.has('p') || query.has('page_id')) return resolveQuery(query);
  const [first, second] = segments;
  if (first === 'feed' && segments.length <= 2) {
    const location = SITE_FEEDS[second ?? ''];
    return location ? { location } : null;
  }
  // Minbar has no site-wide comment feed: the newest articles (each with its comment feed) are the nearest thing.
  if (first === 'comments' && second === 'feed' && segments.length <= 3) return { location: '/feed.xml' };
  if (first === 'search' && second !== undefined && segments.length === 2) return { location: search(second) };
  if (first === 'page' && isNumber(second) && segments.length === 2) return { location: `/?page=${second}` };
  if (first === 'archives' && isNumber(second)) {
    // Stryker disable next-line MethodExpression: only `locate` is used, and with or without "archives" the id before a page number keeps it from being stripped, which would lead to the article anyway
    const { locate } = postSuffix(segments.slice(1));
    return { keys: [legacyKey.id(Number(second))], locate };
  }
  if (first === 'category' && segments.length >= 2) {
    const category = categorySuffix(segments.slice(1));
    const post = postSuffix(segments.slice(1));
    const categoryName = category.rest.at(-1);
    const postName = post.rest.at(-1);
    // `/category/<x>/<name>/` is a post under a category base; `/category/<x>/` the category itself.
    const keys = [
      ...(postName && post.rest.length >= 2 ? [legacyKey.post(postName)] : []),
      ...(categoryName ? [legacyKey.category(categoryName)] : []),
    ];
    return {
      keys,
      locate: (target) => (target.startsWith('/categories/') ? category.locate(target) : post.locate(target)),
    };
  }
  const post = postSuffix(segments);
  const name = post.rest.at(-1);
  // A name after at most three prefix segments: dates (/2025/04/03/), or a category (/%category%/%postname%/).
  if (name === undefined || post.rest.length > 4) return null;
  return { keys: [legacyKey.post(name)], locate: post.locate };
}
