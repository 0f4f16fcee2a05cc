/**
 * Comments in D1. Every function takes the database (or a D1 session) and returns domain types;
 * snake_case rows never leave this file. Writes that belong together are one batch (one transaction).
 */
import type { Comment, CommentStatus, PublicComment } from '../domain/comment.ts';
import { indexComment, unindexComment } from './search.ts';

/** A D1 database or a session on it (reads that must see the reader's own writes). */
export type Db = Pick<D1Database, 'prepare' | 'batch'>;

/** A comments row as D1 returns it (other storage modules of comments map it with `toComment`). */
export interface CommentRow {
  id: number;
  article_slug: string;
  parent_id: number | null;
  depth: number;
  author_name: string;
  author_email: string;
  author_url: string | null;
  body: string;
  status: CommentStatus;
  created_at: string;
  updated_at: string;
  ip_hash: string;
  user_agent: string;
}

type PublicRow = Pick<CommentRow, 'id' | 'parent_id' | 'depth' | 'author_name' | 'author_url' | 'body' | 'created_at'>;

const PUBLIC_COLUMNS = 'id, parent_id, depth, author_name, author_url, body, created_at';
/** Every column of `CommentRow`, for SELECTs. */
export const ALL_COLUMNS = `${PUBLIC_COLUMNS}, article_slug, author_email, status, updated_at, ip_hash, user_agent`;

const toPublic = (row: PublicRow): PublicComment => ({
  id: row.id,
  parentId: row.parent_id,
  depth: row.depth,
  authorName: row.author_name,
  authorUrl: row.author_url,
  body: row.body,
  createdAt: row.created_at,
});

/** Maps a full row to the domain type. */
export const toComment = (row: CommentRow): Comment => ({
  ...toPublic(row),
  articleSlug: row.article_slug,
  authorEmail: row.author_email,
  status: row.status,
  updatedAt: row.updated_at,
  ipHash: row.ip_hash,
  userAgent: row.user_agent,
});

/** Bumps the article's comment version in the same batch as a change readers can see. */
const bumpVersion = (db: Db, slug: string) =>
  db
    .prepare(
      'INSERT INTO comment_versions (article_slug, version) VALUES (?1, 1) ON CONFLICT (article_slug) DO UPDATE SET version = version + 1',
    )
    .bind(slug);

/** Version of an article's visible comments; changes whenever one appears, changes or disappears. */
export async function getCommentsVersion(db: Db, slug: string): Promise<number> {
  return (
    (await db.prepare('SELECT version FROM comment_versions WHERE article_slug = ?1').bind(slug).first<number>('version')) ?? 0
  );
}

/** Number of approved comments of an article. */
export async function countApproved(db: Db, slug: string): Promise<number> {
  return (
    (await db
      .prepare("SELECT count(*) AS n FROM comments WHERE article_slug = ?1 AND status = 'approved'")
      .bind(slug)
      .first<number>('n')) ?? 0
  );
}

/** One page of approved threads: `limit` top-level comments after `afterId`, each with all its approved replies. */
export interface ThreadPage {
  comments: PublicComment[];
  /** Id of the last top-level comment, when more follow. */
  nextCursor: number | null;
  total: number;
}

/** Approved comments of an article, oldest first, paginated by top-level comment. One query for the page, one for the total. */
export async function listApprovedThreads(db: Db, slug: string, afterId: number, limit: number): Promise<ThreadPage> {
  const [page, total] = await db.batch<PublicRow & { n?: number }>([
    db
      .prepare(
        `WITH RECURSIVE roots AS (
           SELECT id FROM comments
           WHERE article_slug = ?1 AND status = 'approved' AND parent_id IS NULL AND id > ?2
           ORDER BY id LIMIT ?3
         ), thread (id) AS (
           SELECT id FROM roots
           UNION ALL
           SELECT c.id FROM comments c JOIN thread t ON c.parent_id = t.id WHERE c.status = 'approved'
         )
         SELECT ${PUBLIC_COLUMNS} FROM comments WHERE id IN (SELECT id FROM thread) ORDER BY id`,
      )
      .bind(slug, afterId, limit + 1),
    db.prepare("SELECT count(*) AS n FROM comments WHERE article_slug = ?1 AND status = 'approved'").bind(slug),
  ]);
  const rows = page?.results ?? [];
  const rootIds = rows.filter((r) => r.parent_id === null).map((r) => r.id);
  let comments = rows.map(toPublic);
  let nextCursor: number | null = null;
  if (rootIds.length > limit) {
    const extraRoot = rootIds[limit] as number;
    nextCursor = rootIds[limit - 1] as number;
    const dropped = new Set([extraRoot]);
    for (const c of comments) if (c.parentId !== null && dropped.has(c.parentId)) dropped.add(c.id);
    comments = comments.filter((c) => !dropped.has(c.id));
  }
  return { comments, nextCursor, total: total?.results[0]?.n ?? 0 };
}

/** An approved comment of an article, or null. */
export async function getApprovedComment(db: Db, slug: string, id: number): Promise<PublicComment | null> {
  const row = await db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM comments WHERE id = ?1 AND article_slug = ?2 AND status = 'approved'`)
    .bind(id, slug)
    .first<PublicRow>();
  return row ? toPublic(row) : null;
}

/** A comment with everything, for moderators, or null. */
export async function getComment(db: Db, id: number): Promise<Comment | null> {
  const row = await db.prepare(`SELECT ${ALL_COLUMNS} FROM comments WHERE id = ?1`).bind(id).first<CommentRow>();
  return row ? toComment(row) : null;
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

/** Whether this email already has an approved comment (WordPress's "comment author must have a previously approved comment"). */
export async function hasApprovedComment(db: Db, email: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS yes FROM comments WHERE author_email = ?1 COLLATE NOCASE AND status = 'approved' LIMIT 1")
    .bind(email)
    .first();
  return row !== null;
}

/** What the idempotency record of a first response holds. */
export interface IdempotentResponse {
  requestFingerprint: string;
  commentId: number;
  responseStatus: 201 | 202;
}

/** The first response recorded under an Idempotency-Key after `since`, or null. */
export async function getIdempotentResponse(db: Db, key: string, since: string): Promise<IdempotentResponse | null> {
  const row = await db
    .prepare('SELECT request_fingerprint, comment_id, response_status FROM idempotency_keys WHERE key = ?1 AND created_at > ?2')
    .bind(key, since)
    .first<{ request_fingerprint: string; comment_id: number; response_status: 201 | 202 }>();
  return row
    ? { requestFingerprint: row.request_fingerprint, commentId: row.comment_id, responseStatus: row.response_status }
    : null;
}

/** A new comment, ready to store: what a Comment will hold, minus what the database assigns. */
export interface NewComment extends Omit<Comment, 'id' | 'updatedAt' | 'status'> {
  /** New comments are never created in the trash. */
  status: Exclude<CommentStatus, 'trash'>;
  /** sha-256 of the folded body, for duplicate detection. */
  bodyFingerprint: string;
  /** The first response to remember under an Idempotency-Key, and the age before which old keys are purged. */
  idempotency?: { key: string; requestFingerprint: string; responseStatus: 201 | 202; expiredBefore: string };
}

/** Why an insert was refused by the database's own constraints. */
export type InsertConflict = 'duplicate' | 'idempotency-key';

/**
 * Stores a comment, its idempotency record and the article's version bump as one transaction.
 * Returns the new id, or the constraint that refused it (the database decides duplicates, so races cannot slip through).
 */
export async function insertComment(db: Db, c: NewComment): Promise<{ id: number } | { conflict: InsertConflict }> {
  const statements = [
    db
      .prepare(
        `INSERT INTO comments (article_slug, parent_id, depth, author_name, author_email, author_url, body, body_fingerprint,
           status, created_at, updated_at, ip_hash, user_agent, idempotency_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13) RETURNING id`,
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
        c.idempotency?.key ?? null,
      ),
  ];
  if (c.idempotency) {
    statements.push(db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?1').bind(c.idempotency.expiredBefore));
    statements.push(
      db
        .prepare(
          `INSERT INTO idempotency_keys (key, request_fingerprint, comment_id, response_status, created_at)
           VALUES (?1, ?2, last_insert_rowid(), ?3, ?4)`,
        )
        .bind(c.idempotency.key, c.idempotency.requestFingerprint, c.idempotency.responseStatus, c.createdAt),
    );
  }
  if (c.status === 'approved')
    statements.push(bumpVersion(db, c.articleSlug), indexComment(db, { id: null, articleSlug: c.articleSlug, body: c.body }));
  try {
    const [inserted] = await db.batch<{ id: number }>(statements);
    return { id: inserted?.results[0]?.id as number };
  } catch (error) {
    const message = String((error as Error).message);
    if (message.includes('UNIQUE') && message.includes('idempotency_keys')) return { conflict: 'idempotency-key' };
    if (message.includes('UNIQUE')) return { conflict: 'duplicate' };
    throw error;
  }
}

/** Filters of the moderation queue. */
export interface ModerationQuery {
  status?: CommentStatus;
  article?: string;
  beforeId?: number;
  limit: number;
}

/** Comments for moderators, newest first, with everything; `nextCursor` when more follow. */
export async function listForModeration(db: Db, q: ModerationQuery): Promise<{ comments: Comment[]; nextCursor: number | null }> {
  const { results } = await db
    .prepare(
      `SELECT ${ALL_COLUMNS} FROM comments
       WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR article_slug = ?2) AND id < ?3
       ORDER BY id DESC LIMIT ?4`,
    )
    .bind(q.status ?? null, q.article ?? null, q.beforeId ?? Number.MAX_SAFE_INTEGER, q.limit + 1)
    .all<CommentRow>();
  const page = results.slice(0, q.limit).map(toComment);
  return { comments: page, nextCursor: results.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

const logChange = (db: Db, id: number, from: string, to: string, actor: string, at: string) =>
  db
    .prepare('INSERT INTO moderation_log (comment_id, from_status, to_status, actor, at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(id, from, to, actor, at);

/** Sets a comment's status and records who did it, in one transaction. */
export async function setCommentStatus(
  db: Db,
  comment: Comment,
  status: CommentStatus,
  actor: string,
  at: string,
): Promise<void> {
  await db.batch([
    db.prepare('UPDATE comments SET status = ?2, updated_at = ?3 WHERE id = ?1').bind(comment.id, status, at),
    logChange(db, comment.id, comment.status, status, actor, at),
    bumpVersion(db, comment.articleSlug),
    // Only approved comments are searchable.
    unindexComment(db, comment.id),
    ...(status === 'approved'
      ? [indexComment(db, { id: comment.id, articleSlug: comment.articleSlug, body: comment.body })]
      : []),
  ]);
}

/**
 * Deletes a comment for good. Its replies are kept: they move up to the deleted comment's parent (one level
 * shallower, with all their own replies), so a conversation never disappears with one message. Logged as `deleted`.
 */
export async function deleteComment(db: Db, comment: Comment, actor: string, at: string): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE comments SET depth = depth - 1 WHERE id IN (
           WITH RECURSIVE sub (id) AS (
             SELECT id FROM comments WHERE parent_id = ?1
             UNION ALL
             SELECT c.id FROM comments c JOIN sub ON c.parent_id = sub.id
           ) SELECT id FROM sub)`,
      )
      .bind(comment.id),
    db.prepare('UPDATE comments SET parent_id = ?2 WHERE parent_id = ?1').bind(comment.id, comment.parentId),
    db.prepare('DELETE FROM comments WHERE id = ?1').bind(comment.id),
    unindexComment(db, comment.id),
    logChange(db, comment.id, comment.status, 'deleted', actor, at),
    bumpVersion(db, comment.articleSlug),
  ]);
}

/** The moderation log of a comment, oldest first. */
export async function getModerationLog(
  db: Db,
  id: number,
): Promise<Array<{ from: string; to: string; actor: string; at: string }>> {
  const { results } = await db
    .prepare('SELECT from_status AS "from", to_status AS "to", actor, at FROM moderation_log WHERE comment_id = ?1 ORDER BY id')
    .bind(id)
    .all<{ from: string; to: string; actor: string; at: string }>();
  return results;
}

/** The newest approved comments of an article (for its comments feed). */
export async function listRecentApproved(db: Db, slug: string, limit: number): Promise<PublicComment[]> {
  const { results } = await db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM comments WHERE article_slug = ?1 AND status = 'approved' ORDER BY id DESC LIMIT ?2`)
    .bind(slug, limit)
    .all<PublicRow>();
  return results.map(toPublic);
}
