/**
 * The article catalog in D1 (migration 0010): what lists, sitemaps and search show of each published article. Every
 * read is one bounded range of an index: page N of a list is a range of positions (oldest first, so new articles
 * never renumber old ones), whatever N and whatever the archive's size. Written only by the publisher
 * (scripts/lib/catalog-sql.ts); a list with no row means "never published", which is a 503, not an empty page.
 */
import { type ArticleList, type ArticleSummary, SITEMAP_CHUNK_SIZE, type SitemapChunk } from '../domain/article.ts';
import type { Db } from './db.ts';
import { StorageUnavailableError } from './unavailable.ts';

/** Most URLs the news sitemap lists, as the Google News protocol allows. */
const NEWS_SITEMAP_MAX_URLS = 1e3;

/** An articles row as D1 returns it (summary columns). */
interface ArticleRow {
  slug: string;
  title: string;
  dek: string;
  category_slug: string;
  category_name: string;
  published_at: string;
  updated_at: string;
  hash: string;
}

interface ListRow {
  category_slug: string;
  category_name: string;
  article_count: number;
  last_updated_at: string | null;
}

const SUMMARY_COLUMNS = 'slug, title, dek, category_slug, category_name, published_at, updated_at, hash';
const LIST_COLUMNS = 'category_slug, category_name, article_count, last_updated_at';
const SITE = '';

const toSummary = (r: ArticleRow): ArticleSummary => ({
  slug: r.slug,
  title: r.title,
  dek: r.dek,
  category: { slug: r.category_slug, name: r.category_name },
  published_at: r.published_at,
  updated_at: r.updated_at,
  hash: r.hash,
});

const toList = (r: ListRow): ArticleList => ({
  category: r.category_slug === SITE ? null : { slug: r.category_slug, name: r.category_name },
  total: r.article_count,
  lastUpdatedAt: r.last_updated_at,
});

/** The site's list row; its absence means nothing was ever published here (or the migration is missing). */
function requireSite(row: ListRow | undefined): ArticleList {
  if (!row) throw new StorageUnavailableError('D1');
  return toList(row);
}

/**
 * Page `page` (1-based, `perPage` at a time, newest first) of the site or of one category, with the list it belongs
 * to; `list` is null for a category nothing is published in. One round trip: the page's range of positions is
 * computed in SQL from the list's size.
 * @example await listPage(db, 'libya', 1, 20) // { list: { category: { slug: 'libya', … }, total: 3, … }, items: [...] }
 */
export async function listPage(
  db: Db,
  categorySlug: string | null,
  page: number,
  perPage: number,
): Promise<{ list: ArticleList | null; items: ArticleSummary[] }> {
  const key = categorySlug ?? SITE;
  const count = '(SELECT article_count FROM article_lists WHERE category_slug = ?3)';
  const range =
    categorySlug === null
      ? `position BETWEEN ${count} - ?1 AND ${count} - ?2 ORDER BY position DESC`
      : `category_slug = ?3 AND category_position BETWEEN ${count} - ?1 AND ${count} - ?2 ORDER BY category_position DESC`;
  const [lists, rows] = await db.batch<ListRow | ArticleRow>([
    db.prepare(`SELECT ${LIST_COLUMNS} FROM article_lists WHERE category_slug IN (?1, '')`).bind(key),
    db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${range}`).bind(page * perPage, (page - 1) * perPage + 1, key),
  ]);
  const listRows = (lists?.results ?? []) as ListRow[];
  const site = requireSite(listRows.find((r) => r.category_slug === SITE));
  const row = listRows.find((r) => r.category_slug === key);
  return {
    list: categorySlug === null ? site : row ? toList(row) : null,
    items: ((rows?.results ?? []) as ArticleRow[]).map(toSummary),
  };
}

/** Every list: the site's first, then each category's (for the pages sitemap). */
export async function listLists(db: Db): Promise<{ site: ArticleList; categories: ArticleList[] }> {
  const { results } = await db.prepare(`SELECT ${LIST_COLUMNS} FROM article_lists ORDER BY category_slug`).all<ListRow>();
  const site = requireSite(results.find((r) => r.category_slug === SITE));
  return { site, categories: results.filter((r) => r.category_slug !== SITE).map(toList) };
}

/** The site's list and every article sitemap, oldest first (for the sitemap index). */
export async function listSitemapChunks(db: Db): Promise<{ site: ArticleList; chunks: SitemapChunk[] }> {
  const [site, chunks] = await db.batch<ListRow | SitemapChunk>([
    db.prepare(`SELECT ${LIST_COLUMNS} FROM article_lists WHERE category_slug = ''`),
    db.prepare('SELECT number, last_updated_at AS lastUpdatedAt FROM sitemap_chunks ORDER BY number'),
  ]);
  return { site: requireSite(site?.results[0] as ListRow | undefined), chunks: (chunks?.results ?? []) as SitemapChunk[] };
}

/** The articles of sitemap chunk `number` (0-based), oldest first: slug and last change. */
export async function listSitemapChunk(db: Db, number: number): Promise<Array<{ slug: string; updated_at: string }>> {
  const first = number * SITEMAP_CHUNK_SIZE;
  const { results } = await db
    .prepare('SELECT slug, updated_at FROM articles WHERE position BETWEEN ?1 AND ?2 ORDER BY position')
    .bind(first, first + SITEMAP_CHUNK_SIZE - 1)
    .all<{ slug: string; updated_at: string }>();
  return results;
}

/** Articles published in [since, until], newest first, at most NEWS_SITEMAP_MAX_URLS (the news sitemap). */
export async function listPublishedBetween(db: Db, since: Date, until: Date): Promise<ArticleSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE published_ms BETWEEN ?1 AND ?2 ORDER BY published_ms DESC, slug LIMIT ?3`,
    )
    .bind(since.getTime(), until.getTime(), NEWS_SITEMAP_MAX_URLS)
    .all<ArticleRow>();
  return results.map(toSummary);
}

/** The summaries of the given published articles, by slug (unpublished ones are absent): search results' titles. */
export async function getSummaries(db: Db, slugs: string[]): Promise<Map<string, ArticleSummary>> {
  if (slugs.length === 0) return new Map();
  const { results } = await db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE slug IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(slugs))
    .all<ArticleRow>();
  return new Map(results.map((r) => [r.slug, toSummary(r)]));
}
