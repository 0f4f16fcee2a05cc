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
 * The hits readers may see: articles, and comments that are visible (approved with every ancestor approved). The
 * join is by primary key per hit, so its cost follows the matches, not the archive.
 */
const VISIBLE_HITS = `FROM search_index LEFT JOIN comments c
  ON search_index.kind = 'comment' AND c.id = CAST(search_index.ref AS INTEGER)
  WHERE search_index MATCH ?1 AND (search_index.kind = 'article' OR c.visible = 1)`;

/** Title matches weigh ten times body matches. */
const RANK = 'bm25(search_index, 10.0, 1.0, 0.0, 0.0, 0.0, 0.0)';

/** A page of hits for an FTS5 MATCH expression (built by ftsQuery), best first, with the total. */
export async function searchIndex(
  db: Db,
  match: string,
  limit: number,
  offset: number,
): Promise<{ hits: SearchHit[]; total: number }> {
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
        `SELECT search_index.kind AS kind, ref, search_index.article_slug AS article_slug, original, c.created_at AS created_at
         ${VISIBLE_HITS} ORDER BY ${RANK} LIMIT ?2 OFFSET ?3`,
      )
      .bind(match, limit, offset),
    db.prepare(`SELECT count(*) AS n ${VISIBLE_HITS}`).bind(match),
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
