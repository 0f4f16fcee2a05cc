/**
 * Comments as readers and commenters meet them, in D1: the approved threads, counts and versions pages show, the
 * reads a submission checks, and the insert. Moderation (statuses, deletion, the log) is storage/moderation.ts.
 * Writes that belong together are one batch (one transaction).
 */
import type { Comment, CommentStatus, PublicComment } from '../domain/comment.ts';
import { boundThreads } from '../domain/comment-page.ts';
import {
  type CommentSort,
  compareThreads,
  DEFAULT_SORT,
  encodeCursor,
  isCountSort,
  type ThreadCursor,
} from '../domain/comment-sort.ts';
import { foldForMatching } from '../text/fold.ts';
import { bumpVersion, PUBLIC_COLUMNS, type PublicRow, toPublic } from './comment-rows.ts';
import { constraintViolated, type Db } from './db.ts';
import { completeIdempotencyKey } from './idempotency.ts';
import { indexComment } from './search.ts';

/** Version of an article's visible comments; changes whenever one appears, changes or disappears. */
export async function getCommentsVersion(db: Db, slug: string): Promise<number> {
  return (
    (await db.prepare('SELECT version FROM comment_versions WHERE article_slug = ?1').bind(slug).first<number>('version')) ?? 0
  );
}

/** Number of comments of an article readers can see (approved, and every ancestor approved). */
export async function countApproved(db: Db, slug: string): Promise<number> {
  return (
    (await db
      .prepare('SELECT count(*) AS n FROM comments WHERE article_slug = ?1 AND visible = 1')
      .bind(slug)
      .first<number>('n')) ?? 0
  );
}

/** One page of approved threads: `limit` top-level comments after a cursor, each with all its approved replies. */
export interface ThreadPage {
  /** The page's comments, top-level and replies, in id order: nest them with buildThreads, order roots with compareThreads. */
  comments: PublicComment[];
  /** Cursor after the last top-level comment, when more follow. */
  nextCursor: string | null;
  total: number;
}

/**
 * How each order picks the top-level comments after a cursor (?2 id, ?4 count). Each is a range scan of an index
 * (migrations 0001 and 0008): (article_slug, status, parent_id, id) both ways, (…, reply_count, id), (…, agree_count, id).
 */
const ROOT_ORDERS: Record<CommentSort, { after: string; orderBy: string }> = {
  oldest: { after: 'id > ?2', orderBy: 'id' },
  newest: { after: 'id < ?2', orderBy: 'id DESC' },
  'most-replied': { after: '(reply_count, id) < (?4, ?2)', orderBy: 'reply_count DESC, id DESC' },
  'most-agreed': { after: '(agree_count, id) < (?4, ?2)', orderBy: 'agree_count DESC, id DESC' },
};

/** The SQL of the unpinned top-level comments of one page of `sort` (exported for the query-plan test). */
export const rootsSql = (sort: CommentSort): string =>
  `SELECT id FROM comments
   WHERE article_slug = ?1 AND status = 'approved' AND parent_id IS NULL AND pinned_at IS NULL AND ${ROOT_ORDERS[sort].after}
   ORDER BY ${ROOT_ORDERS[sort].orderBy} LIMIT ?3`;

/**
 * Visible comments of an article in `sort` order, paginated by top-level comment (oldest first by default) and
 * bounded by text size (domain/comment-page.ts). A top-level comment is visible exactly when it is approved, so the
 * roots' range scan reads the status index. The pinned comment (migration 0012) is left out of the order and added
 * to the first page only, with its replies. One query for the page, one for the total. Comments come back in id
 * order; the caller nests and orders them.
 */
export async function listApprovedThreads(
  db: Db,
  slug: string,
  after: ThreadCursor | null,
  limit: number,
  sort: CommentSort = DEFAULT_SORT,
): Promise<ThreadPage> {
  const start =
    after ?? (sort === 'oldest' ? { id: 0, count: 0 } : { id: Number.MAX_SAFE_INTEGER, count: Number.MAX_SAFE_INTEGER });
  const [page, total] = await db.batch<PublicRow & { n?: number }>([
    db
      .prepare(
        `WITH RECURSIVE roots AS (${rootsSql(sort)}), thread (id) AS (
           SELECT id FROM roots
           ${after ? '' : 'UNION ALL SELECT id FROM comments WHERE article_slug = ?1 AND pinned_at IS NOT NULL AND visible = 1'}
           UNION ALL
           SELECT c.id FROM comments c JOIN thread t ON c.parent_id = t.id WHERE c.visible = 1
         )
         SELECT ${PUBLIC_COLUMNS} FROM comments WHERE id IN (SELECT id FROM thread) ORDER BY id`,
      )
      .bind(slug, start.id, limit + 1, ...(isCountSort(sort) ? [start.count] : [])),
    db.prepare('SELECT count(*) AS n FROM comments WHERE article_slug = ?1 AND visible = 1').bind(slug),
  ]);
  const rows = (page?.results ?? []).map(toPublic);
  const roots = rows.filter((c) => c.parentId === null).sort(compareThreads(sort));
  const { comments, lastRoot } = boundThreads(rows, roots, limit);
  const nextCursor = lastRoot ? encodeCursor(sort, lastRoot) : null;
  return { comments, nextCursor, total: total?.results[0]?.n ?? 0 };
}

/** A comment of an article readers can see (approved, with every ancestor approved), or null. */
export async function getApprovedComment(db: Db, slug: string, id: number): Promise<PublicComment | null> {
  const row = await db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM comments WHERE id = ?1 AND article_slug = ?2 AND visible = 1`)
    .bind(id, slug)
    .first<PublicRow>();
  return row ? toPublic(row) : null;
}

/** Held or spam comments of an article by id, for their author's short-lived preview. */
export async function getHeldComments(db: Db, slug: string, ids: number[]): Promise<PublicComment[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT ${PUBLIC_COLUMNS} FROM comments
       WHERE article_slug = ?1 AND status IN ('pending', 'spam') AND id IN (SELECT value FROM json_each(?2)) ORDER BY id`,
    )
    .bind(slug, JSON.stringify(ids))
    .all<PublicRow>();
  return results.map(toPublic);
}

/** When the last comment from this IP hash or this email was made, if after `since` (ISO 8601). */
export async function lastCommentSince(db: Db, ipHash: string, email: string, since: string): Promise<string | null> {
  return db
    .prepare(
      `SELECT max(created_at) AS at FROM (
         SELECT created_at FROM comments WHERE ip_hash = ?1 AND created_at > ?3
         UNION ALL
         SELECT created_at FROM comments WHERE author_email = ?2 COLLATE NOCASE AND created_at > ?3
       )`,
    )
    .bind(ipHash, email, since)
    .first<string>('at');
}

/**
 * Whether this name and email already have an approved comment: WordPress's "comment author must have a previously
 * approved comment", which asks for the same name and the same email. The email matches in any case, the name after
 * foldForMatching (so tashkeel or an invisible character neither helps nor hurts).
 */
export async function hasApprovedComment(db: Db, email: string, name: string): Promise<boolean> {
  const { results } = await db
    .prepare("SELECT DISTINCT author_name FROM comments WHERE author_email = ?1 COLLATE NOCASE AND status = 'approved' LIMIT 100")
    .bind(email)
    .all<{ author_name: string }>();
  const wanted = foldForMatching(name);
  return results.some((row) => foldForMatching(row.author_name) === wanted);
}

/** A new comment, ready to store: what a Comment will hold, minus what the database assigns. */
export interface NewComment extends Omit<Comment, 'id' | 'updatedAt' | 'status'> {
  /** New comments are never created in the trash. */
  status: Exclude<CommentStatus, 'trash'>;
  /** sha-256 of the folded body, for duplicate detection. */
  bodyFingerprint: string;
  /**
   * The claimed Idempotency-Key whose record this insert completes with the first response: its status and body,
   * where a top-level `"id"` is replaced by the new comment's id.
   */
  idempotency?: { key: string; responseStatus: 201 | 202; responseBody: string };
  /** The newsroom's reply from the desk; readers' comments leave it out. */
  authorRole?: 'newsroom';
  /** Why it was held (shown on the desk), stored in the same transaction. */
  holdReasons?: unknown[];
}

/** Why an insert was refused by the database's own constraints. */
export type InsertConflict = 'duplicate';

/**
 * Stores a comment, its idempotency record and the article's version bump as one transaction.
 * Returns the new id, or the constraint that refused it (the database decides duplicates, so races cannot slip through).
 */
export async function insertComment(db: Db, c: NewComment): Promise<{ id: number } | { conflict: InsertConflict }> {
  const statements = [
    db
      .prepare(
        `INSERT INTO comments (article_slug, parent_id, depth, author_name, author_email, author_url, body, body_fingerprint,
           status, created_at, updated_at, ip_hash, user_agent, author_role, visible)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13,
           ?9 = 'approved' AND (?2 IS NULL OR EXISTS (SELECT 1 FROM comments WHERE id = ?2 AND visible = 1)))
         RETURNING id`,
      )
      .bind(
        c.articleSlug,
        c.parentId,
        c.depth,
        c.authorName,
        c.authorEmail,
        c.authorUrl,
        c.body,
        c.bodyFingerprint,
        c.status,
        c.createdAt,
        c.ipHash,
        c.userAgent,
        c.authorRole ?? 'reader',
      ),
  ];
  if (c.holdReasons)
    // comment_reasons.comment_id is the table's rowid, so last_insert_rowid() is still the comment's id after this.
    statements.push(
      db
        .prepare('INSERT INTO comment_reasons (comment_id, reasons) VALUES (last_insert_rowid(), ?1)')
        .bind(JSON.stringify(c.holdReasons)),
    );
  if (c.idempotency) statements.push(completeIdempotencyKey(db, c.idempotency));
  if (c.status === 'approved')
    statements.push(bumpVersion(db, c.articleSlug), indexComment(db, { id: null, articleSlug: c.articleSlug, body: c.body }));
  try {
    const [inserted] = await db.batch<{ id: number }>(statements);
    return { id: inserted?.results[0]?.id as number };
  } catch (error) {
    if (constraintViolated(error) === 'UNIQUE') return { conflict: 'duplicate' };
    throw error;
  }
}

/** The newest comments of an article readers can see (for its comments feed). */
export async function listRecentApproved(db: Db, slug: string, limit: number): Promise<PublicComment[]> {
  const { results } = await db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM comments WHERE article_slug = ?1 AND visible = 1 ORDER BY id DESC LIMIT ?2`)
    .bind(slug, limit)
    .all<PublicRow>();
  return results.map(toPublic);
}
