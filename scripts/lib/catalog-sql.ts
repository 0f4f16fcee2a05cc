/**
 * Keeps the D1 article catalog (migration 0010, read by src/storage/article-catalog.ts) in step with what is
 * published: one row per article (its summary, and the publisher's manifest: source file and hashes), then the
 * derived rows (positions, list sizes, sitemap chunks) recomputed in SQL from the rows, so they never depend on what
 * this run happened to hold in memory. Written as SQL for `wrangler d1 execute --file`, one statement a line.
 */
import { type ArticleDocument, SITEMAP_CHUNK_SIZE } from '../../src/domain/article.ts';
import { literal } from './search-index.ts';

/** Where an article came from: its file and the hash of that file as rendered (the publisher's manifest). */
interface ArticleSource {
  path: string;
  hash: string;
}

/** The statement that stores (or replaces) an article's row. Its position is recomputed by REFRESH_CATALOG_SQL. */
export function upsertArticleSql(a: ArticleDocument, source: ArticleSource): string {
  const values = [
    literal(a.slug),
    literal(a.title),
    literal(a.dek),
    literal(a.category.slug),
    literal(a.category.name),
    literal(a.published_at),
    literal(a.updated_at),
    String(Date.parse(a.published_at)),
    String(Date.parse(a.updated_at)),
    literal(a.hash),
    literal(source.path),
    literal(source.hash),
  ];
  return (
    'INSERT OR REPLACE INTO articles (slug, title, dek, category_slug, category_name, published_at, updated_at, ' +
    `published_ms, updated_ms, hash, source_path, source_hash) VALUES (${values.join(', ')});`
  );
}

/** The statement that records a new source file for an article whose document did not change (a renamed file). */
export const moveArticleSql = (slug: string, source: ArticleSource): string =>
  `UPDATE articles SET source_path = ${literal(source.path)}, source_hash = ${literal(source.hash)} WHERE slug = ${literal(slug)};`;

/** The statement that removes an unpublished article's row. */
export const removeArticleSql = (slug: string): string => `DELETE FROM articles WHERE slug = ${literal(slug)};`;

/** The statement that records the hash of another KV document the publisher wrote (a feed, the OpenAPI document). */
export const documentHashSql = (key: string, hash: string): string =>
  `INSERT OR REPLACE INTO published_documents (key, hash) VALUES (${literal(key)}, ${literal(hash)});`;

/** The statement that forgets a KV document the publisher deleted. */
export const removeDocumentSql = (key: string): string => `DELETE FROM published_documents WHERE key = ${literal(key)};`;

/**
 * Recomputes what is derived from all rows: each article's place in the oldest-first order of the site and of its
 * category (only rows whose place changed are written: appending an article writes one), the size and newest change
 * of every list (the site's row always, so "published nothing" differs from "never published"), and the sitemap
 * chunks. The order is newest first by publication time, then by slug: the reverse of the positions.
 */
export const REFRESH_CATALOG_SQL = [
  'UPDATE articles SET position = ranked.position, category_position = ranked.category_position FROM (' +
    'SELECT slug, row_number() OVER (ORDER BY published_ms, slug DESC) - 1 AS position, ' +
    'row_number() OVER (PARTITION BY category_slug ORDER BY published_ms, slug DESC) - 1 AS category_position ' +
    'FROM articles) AS ranked WHERE articles.slug = ranked.slug AND ' +
    '(articles.position <> ranked.position OR articles.category_position <> ranked.category_position);',
  'DELETE FROM article_lists;',
  // With one max() in an aggregate, SQLite takes the other bare columns from the row that has it.
  'INSERT INTO article_lists (category_slug, category_name, article_count, last_updated_at) ' +
    "SELECT '', '', n, updated_at FROM (SELECT count(*) AS n, updated_at, max(updated_ms) FROM articles);",
  'INSERT INTO article_lists (category_slug, category_name, article_count, last_updated_at) ' +
    'SELECT category_slug, category_name, n, updated_at FROM ' +
    '(SELECT category_slug, category_name, count(*) AS n, updated_at, max(updated_ms) FROM articles GROUP BY category_slug);',
  'DELETE FROM sitemap_chunks;',
  'INSERT INTO sitemap_chunks (number, url_count, last_updated_at) SELECT number, n, updated_at FROM ' +
    `(SELECT position / ${SITEMAP_CHUNK_SIZE} AS number, count(*) AS n, updated_at, max(updated_ms) FROM articles GROUP BY position / ${SITEMAP_CHUNK_SIZE});`,
].join('\n');

/**
 * Everything the catalog holds for these articles, as a first publish writes it (their rows, then the derived rows):
 * for seeding a local database in tests and benchmarks. The manifest's source is the slug, so a real publish later
 * renders every file once and corrects it.
 * @example await env.DB.exec(catalogSql(publication.articles))
 */
export const catalogSql = (articles: ArticleDocument[]): string =>
  [...articles.map((a) => upsertArticleSql(a, { path: a.slug, hash: a.hash })), REFRESH_CATALOG_SQL].join('\n');
