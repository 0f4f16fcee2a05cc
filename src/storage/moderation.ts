/**
 * Comments as moderators handle them, in D1: a comment with everything, the queue, status changes, deletion for
 * good and the moderation log. Each change is one batch with its log row, the article's version bump, the
 * visibility refresh and the search index.
 */
import type { Comment, CommentStatus } from '../domain/comment.ts';
import { ALL_COLUMNS, bumpVersion, type CommentRow, refreshVisibility, toComment } from './comment-rows.ts';
import type { InsertConflict } from './comments.ts';
import { constraintViolated, type Db } from './db.ts';
import { indexComment, unindexComment } from './search.ts';

/** A comment with everything, for moderators, or null. */
export async function getComment(db: Db, id: number): Promise<Comment | null> {
  const row = await db.prepare(`SELECT ${ALL_COLUMNS} FROM comments WHERE id = ?1`).bind(id).first<CommentRow>();
  return row ? toComment(row) : null;
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

/**
 * Sets a comment's status and records who did it, in one transaction. Returns `duplicate` (and changes nothing)
 * when the comment would leave the trash while the same comment was posted again since.
 */
export async function setCommentStatus(
  db: Db,
  comment: Comment,
  status: CommentStatus,
  actor: string,
  at: string,
): Promise<{ conflict: InsertConflict } | null> {
  try {
    await db.batch([
      db.prepare('UPDATE comments SET status = ?2, updated_at = ?3 WHERE id = ?1').bind(comment.id, status, at),
      logChange(db, comment.id, comment.status, status, actor, at),
      bumpVersion(db, comment.articleSlug),
      refreshVisibility(db, comment.articleSlug),
      // Approved comments are indexed; search shows those readers can see.
      unindexComment(db, comment.id),
      ...(status === 'approved'
        ? [indexComment(db, { id: comment.id, articleSlug: comment.articleSlug, body: comment.body })]
        : []),
    ]);
    return null;
  } catch (error) {
    if (constraintViolated(error) === 'UNIQUE') return { conflict: 'duplicate' };
    throw error;
  }
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
    // The parent as stored now, not as read before: a concurrent delete may have moved this comment up already.
    db
      .prepare('UPDATE comments SET parent_id = (SELECT parent_id FROM comments WHERE id = ?1) WHERE parent_id = ?1')
      .bind(comment.id),
    db.prepare('DELETE FROM comments WHERE id = ?1').bind(comment.id),
    refreshVisibility(db, comment.articleSlug),
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
