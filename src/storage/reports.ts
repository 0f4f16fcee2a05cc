/**
 * Readers' reports of comments, in D1 (comment_reports, migrations/0011_create_desk.sql): one per client per
 * comment, and the counts the report rules need. The desk reads and resolves them in storage/desk.ts.
 */
import type { Db } from './db.ts';

/** Stores a reader's report; false when this client already reported this comment (one report per client). */
export async function addReport(db: Db, r: { commentId: number; ipHash: string; reason: string; at: string }): Promise<boolean> {
  const result = await db
    .prepare('INSERT INTO comment_reports (comment_id, ip_hash, reason, at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING')
    .bind(r.commentId, r.ipHash, r.reason, r.at)
    .run();
  return result.meta.changes > 0;
}

/** Open reports on a comment, and reports this client made since `since` (its rate limit), in one batch. */
export async function reportCounts(
  db: Db,
  commentId: number,
  ipHash: string,
  since: string,
): Promise<{ open: number; byClient: number }> {
  const [open, byClient] = await db.batch<{ n: number }>([
    db.prepare('SELECT count(*) AS n FROM comment_reports WHERE comment_id = ?1 AND resolved_at IS NULL').bind(commentId),
    db.prepare('SELECT count(*) AS n FROM comment_reports WHERE ip_hash = ?1 AND at > ?2').bind(ipHash, since),
  ]);
  return { open: open?.results[0]?.n ?? 0, byClient: byClient?.results[0]?.n ?? 0 };
}
