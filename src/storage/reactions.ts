/**
 * The «أتفق» reactions in D1: one per client per comment. The comment's agree_count follows by trigger
 * (migration 0008), so readers of comments never count rows here.
 */
import type { Db } from './db.ts';

/** What a press did: added this client's agreement, or took it back. */
export type ToggleResult = 'agreed' | 'withdrawn';

/**
 * Adds this client's agreement to an approved comment, or takes it back if it was there; returns what it did and the
 * comment's article. Returns null when no approved comment has this id (nothing is written then).
 */
export async function toggleAgreement(
  db: Db,
  commentId: number,
  clientHash: string,
  at: string,
): Promise<{ result: ToggleResult; articleSlug: string } | null> {
  const [withdrawn, agreed, comment] = await db.batch<{ comment_id?: number; article_slug?: string }>([
    db
      .prepare(
        `DELETE FROM comment_reactions WHERE comment_id = ?1 AND client_hash = ?2
           AND EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND status = 'approved')
         RETURNING comment_id`,
      )
      .bind(commentId, clientHash),
    // Runs in the same transaction, after the delete: inserts only when nothing was taken back just now.
    db
      .prepare(
        `INSERT INTO comment_reactions (comment_id, client_hash, created_at)
         SELECT ?1, ?2, ?3 WHERE changes() = 0
           AND EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND status = 'approved')
         ON CONFLICT DO NOTHING
         RETURNING comment_id`,
      )
      .bind(commentId, clientHash, at),
    db.prepare("SELECT article_slug FROM comments WHERE id = ?1 AND status = 'approved'").bind(commentId),
  ]);
  const articleSlug = comment?.results[0]?.article_slug;
  if (articleSlug === undefined) return null;
  if ((withdrawn?.results.length ?? 0) > 0) return { result: 'withdrawn', articleSlug };
  if ((agreed?.results.length ?? 0) > 0) return { result: 'agreed', articleSlug };
  return null;
}

/**
 * Retention: agreements given before `before` keep counting but stop naming their client. The client hash becomes a
 * random value starting with '-' (a real hash is hex), so a second run leaves them alone; that client may agree again.
 * Returns how many agreements were changed.
 */
export async function forgetReactionClients(db: Db, before: string): Promise<number> {
  const result = await db
    .prepare(
      `UPDATE comment_reactions SET client_hash = '-' || substr(lower(hex(randomblob(32))), 2)
       WHERE created_at < ?1 AND client_hash NOT LIKE '-%'`,
    )
    .bind(before)
    .run();
  return result.meta.changes;
}
