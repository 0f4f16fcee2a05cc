/**
 * The «أتفق» reactions in D1: one per client per comment. The comment's agree_count follows by trigger
 * (migration 0008), so readers of comments never count rows here.
 */
import type { Db } from './comments.ts';

/** What a press did: added this client's agreement, or took it back. */
export type ToggleResult = 'agreed' | 'withdrawn';

/**
 * Adds this client's agreement to an approved comment of the article, or takes it back if it was there.
 * Returns null when no approved comment of the article has this id (nothing is written then).
 */
export async function toggleAgreement(
  db: Db,
  slug: string,
  commentId: number,
  clientHash: string,
  at: string,
): Promise<ToggleResult | null> {
  const [withdrawn, agreed] = await db.batch<{ comment_id: number }>([
    db
      .prepare(
        `DELETE FROM comment_reactions WHERE comment_id = ?1 AND client_hash = ?2
           AND EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND article_slug = ?3 AND status = 'approved')
         RETURNING comment_id`,
      )
      .bind(commentId, clientHash, slug),
    // Runs in the same transaction, after the delete: inserts only when nothing was taken back just now.
    db
      .prepare(
        `INSERT INTO comment_reactions (comment_id, client_hash, created_at)
         SELECT ?1, ?2, ?4 WHERE changes() = 0
           AND EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND article_slug = ?3 AND status = 'approved')
         ON CONFLICT DO NOTHING
         RETURNING comment_id`,
      )
      .bind(commentId, clientHash, slug, at),
  ]);
  if ((withdrawn?.results.length ?? 0) > 0) return 'withdrawn';
  if ((agreed?.results.length ?? 0) > 0) return 'agreed';
  return null;
}
