/**
 * What search engines read to find everything: robots.txt, the sitemap and the Google News sitemap.
 * Built from the one index document, so each costs a single KV read.
 */
import { type ArticleIndex, type ArticleSummary, newestUpdate } from '../domain/article.ts';
import { absoluteUrl, articlePath, categoryPath } from '../urls.ts';
import { SITE_NAME } from './layout.tsx';
import { xml } from './xml.ts';

/** Articles published within this many days go in the news sitemap, as Google News asks. */
const NEWS_WINDOW_DAYS = 2;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** robots.txt: everything public may be crawled; the admin API may not; both sitemaps are named. */
export const robotsTxt = (siteUrl: string): string =>
  [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/admin/',
    '',
    `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(siteUrl, '/news-sitemap.xml')}`,
    '',
  ].join('\n');

const urlEntry = (loc: string, lastmod: string | undefined) =>
  `  <url><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}</url>\n`;

/** The sitemap: the front page, every category page and every article, each with its last modification. */
export function sitemapXml(siteUrl: string, index: ArticleIndex): string {
  const categories = new Map<string, ArticleSummary[]>();
  for (const article of index.articles)
    categories.set(article.category.slug, [...(categories.get(article.category.slug) ?? []), article]);
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
    urlEntry(absoluteUrl(siteUrl, '/'), newestUpdate(index.articles)),
    ...[...categories].map(([slug, articles]) => urlEntry(absoluteUrl(siteUrl, categoryPath(slug)), newestUpdate(articles))),
    ...index.articles.map((a) => urlEntry(absoluteUrl(siteUrl, articlePath(a.slug)), a.updated_at)),
    '</urlset>\n',
  ].join('');
}

/** The Google News sitemap: articles of the last two days, with publication, language, date and title. */
export function newsSitemapXml(siteUrl: string, index: ArticleIndex, now: Date): string {
  const since = now.getTime() - NEWS_WINDOW_DAYS * 86_400_000;
  const recent = index.articles.filter((a) => Date.parse(a.published_at) >= since && Date.parse(a.published_at) <= now.getTime());
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n',
    ...recent.map(
      (a) =>
        `  <url><loc>${xml(absoluteUrl(siteUrl, articlePath(a.slug)))}</loc><news:news>` +
        `<news:publication><news:name>${xml(SITE_NAME)}</news:name><news:language>ar</news:language></news:publication>` +
        `<news:publication_date>${xml(a.published_at)}</news:publication_date><news:title>${xml(a.title)}</news:title>` +
        '</news:news></url>\n',
    ),
    '</urlset>\n',
  ].join('');
}
