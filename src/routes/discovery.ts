/**
 * How crawlers and feed readers find the site: `/robots.txt`, the sitemaps, and the feeds (site, category, an
 * article's comments) in RSS, Atom and JSON Feed. Each is one KV document or index read, with ETags and caching.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { notModified, versionTag } from '../http/caching.ts';
import { requireArticle } from '../loaders/article.ts';
import { getArticleIndex, getFeed } from '../storage/articles.ts';
import { getCommentsVersion, listRecentApproved } from '../storage/comments.ts';
import { FEED_FORMAT_LIST, type FeedFormat } from '../views/feed-formats.ts';
import { articlesFeed, commentsFeed, type Feed, feedContentType, renderFeed } from '../views/feeds.ts';
import { newsSitemapXml, robotsTxt, sitemapXml } from '../views/sitemaps.ts';

/** Comments in an article's comments feed. */
const COMMENTS_IN_FEED = 50;

/** A feed with its ETag; `build` runs only when the client does not already have this version. */
async function sendFeed(
  c: Context<AppEnv>,
  format: FeedFormat,
  version: Array<string | number>,
  build: () => Feed | Promise<Feed>,
) {
  const cached = notModified(c, versionTag(c, String(version[0]), `feed-${format}`, ...version.slice(1)));
  if (cached) return cached;
  return c.body(renderFeed(await build(), format), 200, { 'Content-Type': feedContentType(format) });
}

const XML = { 'Content-Type': 'application/xml; charset=UTF-8' };

const discovery = new Hono<AppEnv>()
  .get('/robots.txt', (c) => {
    const cached = notModified(c, versionTag(c, 'robots', 'txt', c.env.SITE_URL));
    if (cached) return cached;
    return c.text(robotsTxt(c.env.SITE_URL));
  })
  .get('/sitemap.xml', async (c) => {
    const index = await getArticleIndex(c.env.ARTICLES);
    const cached = notModified(c, versionTag(c, index.hash, 'sitemap'));
    if (cached) return cached;
    return c.body(sitemapXml(c.env.SITE_URL, index), 200, XML);
  })
  .get('/news-sitemap.xml', async (c) => {
    const index = await getArticleIndex(c.env.ARTICLES);
    const now = new Date();
    // The two-day window moves: the hour is part of the version.
    const cached = notModified(c, versionTag(c, index.hash, 'news', now.toISOString().slice(0, 13)));
    if (cached) return cached;
    return c.body(newsSitemapXml(c.env.SITE_URL, index, now), 200, XML);
  });

for (const format of FEED_FORMAT_LIST) {
  discovery.get(`/feed.${format}`, async (c) => {
    const feed = await getFeed(c.env.ARTICLES);
    if (!feed) throw new ProblemError(404, 'Nothing is published yet.');
    return sendFeed(c, format, [feed.hash], () => articlesFeed(c.env.SITE_URL, feed));
  });
  discovery.get(`/categories/:slug/feed.${format}`, async (c) => {
    const feed = await getFeed(c.env.ARTICLES, c.req.param('slug'));
    if (!feed) throw new ProblemError(404, `No category "${c.req.param('slug')}" is published.`);
    return sendFeed(c, format, [feed.hash], () => articlesFeed(c.env.SITE_URL, feed));
  });
  discovery.get(`/articles/:slug/comments/feed.${format}`, async (c) => {
    const article = await requireArticle(c, c.req.param('slug'));
    const db = c.get('db');
    const version = await getCommentsVersion(db, article.slug);
    return sendFeed(c, format, [article.hash, version], async () =>
      commentsFeed(c.env.SITE_URL, article, await listRecentApproved(db, article.slug, COMMENTS_IN_FEED)),
    );
  });
}

export default discovery;
