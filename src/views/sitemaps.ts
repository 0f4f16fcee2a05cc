/**
 * What search engines read to find everything: robots.txt, the sitemap index, its child sitemaps (the front page and
 * categories; the articles, a fixed number per chunk, oldest first) and the Google News sitemap. Each is built from
 * one bounded read of the article catalog (src/storage/article-catalog.ts).
 */
import type { ArticleList, ArticleSummary, SitemapChunk } from '../domain/article.ts';
import { absoluteUrl, articlePath, categoryPath } from '../urls.ts';
import { SITE_NAME } from './layout.tsx';
import { xml } from './xml.ts';

/** Articles published within this many days go in the news sitemap, as Google News asks. */
export const NEWS_WINDOW_DAYS = 2;

/** Path of the sitemap of the front page and the category pages. */
const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';

/**
 * Path of the article sitemap `number` (0-based in storage, 1-based in the URL).
 * @example articlesSitemapPath(0) // '/sitemaps/articles-1.xml'
 */
const articlesSitemapPath = (number: number): string => `/sitemaps/articles-${number + 1}.xml`;

/** The chunk number (0-based) an article sitemap's file name names, or null for any other name. */
export function articlesSitemapNumber(name: string): number | null {
  const match = /^articles-([1-9]\d{0,8})\.xml$/.exec(name);
  return match ? Number(match[1]) - 1 : null;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** robots.txt: everything public may be crawled; the admin API may not; both sitemaps are named. */
export const robotsTxt = (siteUrl: string): string =>
  [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/admin/',
    'Disallow: /admin',
    '',
    `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(siteUrl, '/news-sitemap.xml')}`,
    '',
  ].join('\n');

const lastmod = (value: string | null) => (value ? `<lastmod>${xml(value)}</lastmod>` : '');
const urlEntry = (loc: string, modified: string | null) => `  <url><loc>${xml(loc)}</loc>${lastmod(modified)}</url>\n`;
const urlset = (entries: string[]) => [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">\n`, ...entries, '</urlset>\n'].join('');

/** The sitemap index: the pages sitemap, then one article sitemap per chunk, each with its newest change. */
export function sitemapIndexXml(siteUrl: string, site: ArticleList, chunks: SitemapChunk[]): string {
  const entry = (path: string, modified: string | null) =>
    `  <sitemap><loc>${xml(absoluteUrl(siteUrl, path))}</loc>${lastmod(modified)}</sitemap>\n`;
  return [
    XML_DECLARATION,
    `<sitemapindex xmlns="${SITEMAP_NS}">\n`,
    entry(PAGES_SITEMAP_PATH, site.lastUpdatedAt),
    ...chunks.map((chunk) => entry(articlesSitemapPath(chunk.number), chunk.lastUpdatedAt)),
    '</sitemapindex>\n',
  ].join('');
}

/** The front page and every category page, each with the newest change of what it lists. */
export const pagesSitemapXml = (siteUrl: string, site: ArticleList, categories: ArticleList[]): string =>
  urlset([
    urlEntry(absoluteUrl(siteUrl, '/'), site.lastUpdatedAt),
    ...categories.flatMap((list) =>
      list.category ? [urlEntry(absoluteUrl(siteUrl, categoryPath(list.category.slug)), list.lastUpdatedAt)] : [],
    ),
  ]);

/** One chunk of article pages, each with its last modification. */
export const articlesSitemapXml = (siteUrl: string, articles: Array<{ slug: string; updated_at: string }>): string =>
  urlset(articles.map((a) => urlEntry(absoluteUrl(siteUrl, articlePath(a.slug)), a.updated_at)));

/** The Google News sitemap: the given recent articles, with publication, language, date and title. */
export function newsSitemapXml(siteUrl: string, recent: Array<Pick<ArticleSummary, 'slug' | 'title' | 'published_at'>>): string {
  return [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n`,
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
