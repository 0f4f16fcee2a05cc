/**
 * The search index in D1 (FTS5): reading it, and the statements that keep comments in step with moderation.
 * Articles are indexed by the publisher (scripts/lib/search-index.ts), with the same normaliser.
 */
import { indexText } from '../text/search.ts';
import type { Db } from './db.ts';

/** One search hit: an article, or an approved comment on one. */
export interface SearchHit {
  kind: 'article' | 'comment';
  /** The article's slug, or the comment's id. */
  ref: string;
  articleSlug: string;
  /** Original (unfolded) text, for the snippet. */
  original: string;
  /** When the comment was written (comments only). */
  createdAt: string | null;
}

/**
 * Most matches a query ranks: the most recently indexed ones (FTS5 walks its rowids backwards and stops here), so a
 * word found in every article of a 100,000-article archive costs what one found in a thousand does. Publishing and
 * approving index in time order, so these are the newest articles and comments that match.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * The candidates readers may see: articles, and comments that are visible (approved with every ancestor approved),
 * among the newest SEARCH_CANDIDATES matches, each marked when its title matches too (?2, the query limited to the
 * title column, read only over the candidates' rowids). No bm25(): it counts every row that holds each word (its IDF),
 * which for a word found in every article is the whole archive on every query.
 */
// One line, short aliases: SQL text is carried verbatim in the Worker bundle.
const VISIBLE_CANDIDATES =
  'WITH m AS (SELECT rowid AS id, kind, ref, article_slug FROM search_index WHERE search_index MATCH ?1 ' +
  `ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}), t AS (SELECT rowid AS id FROM search_index WHERE search_index ` +
  'MATCH ?2 AND rowid >= (SELECT min(id) FROM m)) SELECT m.*, c.created_at, m.id IN t AS in_title FROM m LEFT JOIN ' +
  "comments c ON m.kind = 'comment' AND c.id = CAST(m.ref AS INTEGER) WHERE m.kind = 'article' OR c.visible = 1";

/**
 * A page of hits for an FTS5 MATCH expression (built by ftsQuery): title matches first, then the rest, newest first
 * within each, with the total (at most SEARCH_CANDIDATES). Only the page's hits read their original text.
 * The last word is a prefix (words being typed), but FTS5 answers a prefix by merging the posting lists of every word
 * that starts with it, whole, before it can stop at the newest matches. So when the words as typed already fill the
 * window (a common word), the window is theirs, and the query costs the same at any archive size.
 */
export async function searchIndex(
  db: Db,
  match: string,
  limit: number,
  offset: number,
): Promise<{ hits: SearchHit[]; total: number }> {
  const exact = match.endsWith('*') ? match.slice(0, -1) : match;
  const found = await db
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH ?1 LIMIT ${SEARCH_CANDIDATES})`)
    .bind(exact)
    .first<number>('n');
  const words = (found ?? 0) >= SEARCH_CANDIDATES ? exact : match;
  const inTitle = `title : (${words})`;
  const [page, count] = await db.batch<{
    kind: 'article' | 'comment';
    ref: string;
    article_slug: string;
    original: string;
    created_at: string | null;
    n?: number;
  }>([
    db
      .prepare(
        `SELECT h.kind, h.ref, h.article_slug, s.original, h.created_at FROM (${VISIBLE_CANDIDATES} ORDER BY in_title ` +
          'DESC, id DESC LIMIT ?3 OFFSET ?4) AS h JOIN search_index s ON s.rowid = h.id ORDER BY h.in_title DESC, h.id DESC',
      )
      .bind(words, inTitle, limit, offset),
    db.prepare(`SELECT count(*) AS n FROM (${VISIBLE_CANDIDATES})`).bind(words, inTitle),
  ]);
  return {
    hits: (page?.results ?? []).map((r) => ({
      kind: r.kind,
      ref: String(r.ref),
      articleSlug: r.article_slug,
      original: r.original,
      createdAt: r.created_at,
    })),
    total: count?.results[0]?.n ?? 0,
  };
}

/** Removes a comment from the index (unapproved, trashed, deleted). */
export const unindexComment = (db: Db, id: number | string) =>
  db.prepare("DELETE FROM search_index WHERE kind = 'comment' AND ref = ?1").bind(String(id));

/**
 * Adds an approved comment to the index. `id` null means "the comment this batch just inserted", read from the
 * AUTOINCREMENT counter, which is exact inside the batch's transaction.
 */
export const indexComment = (db: Db, c: { id: number | null; articleSlug: string; body: string }) =>
  c.id === null
    ? db
        .prepare(
          `INSERT INTO search_index (title, body, kind, ref, article_slug, original)
           SELECT '', ?1, 'comment', CAST(seq AS TEXT), ?2, ?3 FROM sqlite_sequence WHERE name = 'comments'`,
        )
        .bind(indexText(c.body), c.articleSlug, c.body)
    : db
        .prepare(
          "INSERT INTO search_index (title, body, kind, ref, article_slug, original) VALUES ('', ?1, 'comment', ?2, ?3, ?4)",
        )
        .bind(indexText(c.body), String(c.id), c.articleSlug, c.body);
