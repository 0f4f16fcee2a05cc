/**
 * The retention queries: each one selects by age only, so running them again with the same clock changes nothing.
 * Deletions go through `deleteComment` (replies kept, moved up a level; logged), trashing is logged like a
 * moderator's action with the actor `retention`.
 */
import type { Comment } from '../domain/comment.ts';
import { ALL_COLUMNS, type CommentRow, toComment } from './comment-rows.ts';
import type { Db } from './db.ts';

/** What an IP hash becomes once removed: the schema requires 64 characters (WordPress uses 0.0.0.0 likewise). */
export const REMOVED_IP_HASH = '0'.repeat(64);

/** Most comments deleted per run (the rest go the next day), so a run stays well inside its time limits. */
const DELETIONS_PER_RUN = 500;

/** Removes IP hashes and user agents from comments created before `before`; returns how many comments changed. */
export async function removeClientData(db: Db, before: string): Promise<number> {
  const result = await db
    .prepare("UPDATE comments SET ip_hash = ?2, user_agent = '' WHERE created_at < ?1 AND (ip_hash <> ?2 OR user_agent <> '')")
    .bind(before, REMOVED_IP_HASH)
    .run();
  return result.meta.changes;
}

/** Spam and trash last changed before `before` (when they got there), oldest first. */
export async function listExpiredSpamAndTrash(db: Db, before: string): Promise<Comment[]> {
  const { results } = await db
    .prepare(
      `SELECT ${ALL_COLUMNS} FROM comments WHERE status IN ('spam', 'trash') AND updated_at < ?1 ORDER BY updated_at, id LIMIT ?2`,
    )
    .bind(before, DELETIONS_PER_RUN)
    .all<CommentRow>();
  return results.map(toComment);
}

/** Moves comments pending since before `before` to the trash, logged; returns how many. */
export async function trashStalePending(db: Db, before: string, at: string): Promise<number> {
  const stale = "status = 'pending' AND created_at < ?1";
  const [, updated] = await db.batch([
    db
      .prepare(
        `INSERT INTO moderation_log (comment_id, from_status, to_status, actor, at)
         SELECT id, 'pending', 'trash', 'retention', ?2 FROM comments WHERE ${stale}`,
      )
      .bind(before, at),
    db.prepare(`UPDATE comments SET status = 'trash', updated_at = ?2 WHERE ${stale}`).bind(before, at),
  ]);
  return updated?.meta.changes ?? 0;
}

/** Deletes idempotency records created before `before`; returns how many. */
export async function deleteExpiredIdempotencyKeys(db: Db, before: string): Promise<number> {
  return (await db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?1').bind(before).run()).meta.changes;
}
