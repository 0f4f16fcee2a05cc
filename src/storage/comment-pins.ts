/**
 * Pinning a comment to the top of its article (migration 0012): one pin per article, set and cleared by moderators
 * from the desk. Each change is one batch with its moderation log rows and the article's version bump, so the page's
 * and the API's ETags change with it. Which comment may be pinned is decided by services/pin-comment.ts; the
 * statements also check it, so a comment moderated in between is never pinned.
 */
import type { Comment } from '../domain/comment.ts';
import { bumpVersion } from './comment-rows.ts';
import type { Db } from './db.ts';

/**
 * Pins `comment` on its article as `actor`, replacing the article's earlier pin (logged as unpinned). Pinning the
 * pinned comment again changes nothing.
 * @example await pinComment(db, comment, 'huda', new Date().toISOString())
 */
export async function pinComment(db: Db, comment: Comment, actor: string, at: string): Promise<void> {
  const others = 'FROM comments WHERE article_slug = ?1 AND pinned_at IS NOT NULL AND id <> ?2';
  await db.batch([
    db
      .prepare(
        `INSERT INTO moderation_log (comment_id, from_status, to_status, actor, at) SELECT id, 'pinned', 'unpinned', ?3, ?4 ${others}`,
      )
      .bind(comment.articleSlug, comment.id, actor, at),
    db.prepare(`UPDATE comments SET pinned_at = NULL WHERE id IN (SELECT id ${others})`).bind(comment.articleSlug, comment.id),
    db
      .prepare(
        "UPDATE comments SET pinned_at = ?2 WHERE id = ?1 AND status = 'approved' AND parent_id IS NULL AND pinned_at IS NULL",
      )
      .bind(comment.id, at),
    // Logged only when this batch pinned it (not when it was pinned already, or left `approved` meanwhile).
    db
      .prepare(
        "INSERT INTO moderation_log (comment_id, from_status, to_status, actor, at) SELECT id, 'approved', 'pinned', ?2, ?3 FROM comments WHERE id = ?1 AND pinned_at = ?3",
      )
      .bind(comment.id, actor, at),
    bumpVersion(db, comment.articleSlug),
  ]);
}

/**
 * Unpins `comment` as `actor`, logged; a comment that is not pinned (any more) is left as it is, and nothing is logged.
 * @example await unpinComment(db, comment, 'huda', new Date().toISOString())
 */
export async function unpinComment(db: Db, comment: Comment, actor: string, at: string): Promise<void> {
  await db.batch([
    db
      .prepare(
        "INSERT INTO moderation_log (comment_id, from_status, to_status, actor, at) SELECT id, 'pinned', 'unpinned', ?2, ?3 FROM comments WHERE id = ?1 AND pinned_at IS NOT NULL",
      )
      .bind(comment.id, actor, at),
    db.prepare('UPDATE comments SET pinned_at = NULL WHERE id = ?1').bind(comment.id),
    bumpVersion(db, comment.articleSlug),
  ]);
}
