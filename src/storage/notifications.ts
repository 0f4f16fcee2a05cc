/**
 * What the moderators' digest remembers (table `notification_state`, migration 0007) and what it lists.
 *
 * "Looked at" means: a moderator changed or deleted a comment, or opened the pending queue, since the last digest.
 * Until then the digest is not sent again, so a flood of held comments is one e-mail. Anything that shows a
 * moderator the queue (the admin API does; the desk should too) calls `markModerationQueueSeen`.
 */
import type { Comment } from '../domain/comment.ts';
import { ALL_COLUMNS, type CommentRow, toComment } from './comment-rows.ts';
import type { Db } from './db.ts';

/**
 * Records that a moderator has looked at the queue now: the next held comment may mail the moderators again.
 * @example await markModerationQueueSeen(c.get('db'), new Date().toISOString())
 */
export async function markModerationQueueSeen(db: Db, at: string): Promise<void> {
  await db
    .prepare(
      "INSERT INTO notification_state (name, value) VALUES ('queue_seen_at', ?1) ON CONFLICT (name) DO UPDATE SET value = ?1",
    )
    .bind(at)
    .run();
}

/**
 * Claims the right to send a digest at `at`: true when no digest was sent yet, or the queue was looked at since the
 * last one. One statement, so two consumers running at once cannot both claim it.
 */
export async function claimDigest(db: Db, at: string): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO notification_state (name, value) VALUES ('digest_sent_at', ?1)
       ON CONFLICT (name) DO UPDATE SET value = ?1
       WHERE ifnull((SELECT value FROM notification_state WHERE name = 'queue_seen_at'), '') >= notification_state.value`,
    )
    .bind(at)
    .run();
  return result.meta.changes > 0;
}

/** Gives a claim back (the digest could not be sent), so the retry may claim it again. */
export async function releaseDigest(db: Db, at: string): Promise<void> {
  await db.prepare("DELETE FROM notification_state WHERE name = 'digest_sent_at' AND value = ?1").bind(at).run();
}

/** The pending backlog: how many comments wait, and the newest `limit` of them. */
export async function getPendingBacklog(db: Db, limit: number): Promise<{ total: number; comments: Comment[] }> {
  const [page, count] = await db.batch<CommentRow & { n: number }>([
    db.prepare(`SELECT ${ALL_COLUMNS} FROM comments WHERE status = 'pending' ORDER BY id DESC LIMIT ?1`).bind(limit),
    db.prepare("SELECT count(*) AS n FROM comments WHERE status = 'pending'"),
  ]);
  return { total: count?.results[0]?.n ?? 0, comments: (page?.results ?? []).map(toComment) };
}
