/**
 * A reader reports an approved comment: one report per client per comment, a few per client per hour, and at the
 * site's threshold (COMMENT_REPORT_THRESHOLD, default 3) the comment leaves the page and goes back to moderators,
 * into the pending and reported queues.
 */
import type { Comment } from '../domain/comment.ts';
import type { Db } from '../storage/db.ts';
import { articleChanged, statusChangeStatements } from '../storage/moderation.ts';
import { addReport, reportCounts } from '../storage/reports.ts';

/** Reasons a reader can give. */
export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'personal'] as const;

/** One of REPORT_REASONS. */
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Reports one client may send per hour. */
const REPORTS_PER_HOUR = 10;
/** Who the moderation log names when readers' reports hold a comment. */
const READERS_ACTOR = 'readers';

/** Reports that send a comment back to moderators, from the var (default 3; at least 1). */
export const reportThreshold = (value: string | undefined): number =>
  value !== undefined && /^\d+$/.test(value.trim()) && Number(value) > 0 ? Number(value) : 3;

/** What came of a report. */
export type ReportOutcome = 'reported' | 'held' | 'already-reported' | 'rate-limited';

/**
 * Records a report on an approved `comment` from the client `ipHash`.
 * @example await reportComment(db, comment, ipHash, 'abuse', 3, new Date()) // 'reported'
 */
export async function reportComment(
  db: Db,
  comment: Comment,
  ipHash: string,
  reason: ReportReason,
  threshold: number,
  now: Date,
): Promise<ReportOutcome> {
  const id = comment.id;
  const at = now.toISOString();
  const before = await reportCounts(db, id, ipHash, new Date(now.getTime() - 3600_000).toISOString());
  if (before.byClient >= REPORTS_PER_HOUR) return 'rate-limited';
  if (!(await addReport(db, { commentId: id, ipHash, reason, at }))) return 'already-reported';
  if (before.open + 1 < threshold) return 'reported';
  await db.batch([
    ...statusChangeStatements(db, comment, 'pending', READERS_ACTOR, at),
    ...articleChanged(db, comment.articleSlug),
  ]);
  return 'held';
}
