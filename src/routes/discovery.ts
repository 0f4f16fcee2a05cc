/**
 * How crawlers find the site: `/robots.txt`, `/sitemap.xml` and `/news-sitemap.xml`, with ETags and caching.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { notModified, versionTag } from '../http/caching.ts';
import { getArticleIndex } from '../storage/articles.ts';
import { newsSitemapXml, robotsTxt, sitemapXml } from '../views/sitemaps.ts';

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

export default discovery;
