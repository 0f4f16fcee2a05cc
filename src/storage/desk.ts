/**
 * What the desk reads and writes besides comments themselves: queue counts, why comments were held, readers'
 * reports, and the site-wide moderation log. Schema in migrations/0011_create_desk.sql.
 */
import type { Comment, CommentStatus, HoldReason } from '../domain/comment.ts';
import { ALL_COLUMNS, type CommentRow, toComment } from './comment-rows.ts';
import type { Db } from './db.ts';
import type { ModerationQuery } from './moderation.ts';

/** The desk's queue filters: the admin API's, and more. */
export interface DeskQuery extends ModerationQuery {
  /** Body contains this text. */
  text?: string;
  /** Author email, case-insensitive. */
  email?: string;
  /** From this client (IP hash). */
  ipHash?: string;
  /** Only comments with readers' reports no moderator has acted on yet. */
  reported?: boolean;
}

/** A desk queue: newest first, with everything; `nextCursor` when more follow. */
export async function listDeskQueue(db: Db, q: DeskQuery): Promise<{ comments: Comment[]; nextCursor: number | null }> {
  const { results } = await db
    .prepare(
      `SELECT ${ALL_COLUMNS} FROM comments
       WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR article_slug = ?2) AND id < ?3
         AND (?5 IS NULL OR instr(body, ?5) > 0) AND (?6 IS NULL OR author_email = ?6 COLLATE NOCASE)
         AND (?7 IS NULL OR ip_hash = ?7)
         AND (?8 IS NULL OR id IN (SELECT comment_id FROM comment_reports WHERE resolved_at IS NULL))
       ORDER BY id DESC LIMIT ?4`,
    )
    .bind(
      q.status ?? null,
      q.article ?? null,
      q.beforeId ?? Number.MAX_SAFE_INTEGER,
      q.limit + 1,
      q.text ?? null,
      q.email ?? null,
      q.ipHash ?? null,
      q.reported ? 1 : null,
    )
    .all<CommentRow>();
  const page = results.slice(0, q.limit).map(toComment);
  return { comments: page, nextCursor: results.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/** How many comments each queue holds. */
export type QueueCounts = Record<CommentStatus | 'reported', number>;

/** Counts of every queue, in one batch. */
export async function countQueues(db: Db): Promise<QueueCounts> {
  const [byStatus, reported] = await db.batch<{ status?: CommentStatus; n: number }>([
    db.prepare('SELECT status, count(*) AS n FROM comments GROUP BY status'),
    db.prepare(
      'SELECT count(*) AS n FROM comments WHERE id IN (SELECT comment_id FROM comment_reports WHERE resolved_at IS NULL)',
    ),
  ]);
  const counts: QueueCounts = { pending: 0, approved: 0, spam: 0, trash: 0, reported: reported?.results[0]?.n ?? 0 };
  for (const row of byStatus?.results ?? []) if (row.status) counts[row.status] = row.n;
  return counts;
}

/** Open reports on one comment. */
export interface ReportSummary {
  count: number;
  reasons: string[];
}

/** Hold reasons and open reports of the given comments, in one batch. */
export async function getDeskNotes(
  db: Db,
  ids: number[],
): Promise<{ reasons: Map<number, HoldReason[]>; reports: Map<number, ReportSummary> }> {
  const list = JSON.stringify(ids);
  const [reasonRows, reportRows] = await db.batch<{ comment_id: number; reasons?: string; n?: number; why?: string }>([
    db
      .prepare('SELECT comment_id, reasons FROM comment_reasons WHERE comment_id IN (SELECT value FROM json_each(?1))')
      .bind(list),
    db
      .prepare(
        `SELECT comment_id, count(*) AS n, group_concat(reason) AS why FROM comment_reports
         WHERE resolved_at IS NULL AND comment_id IN (SELECT value FROM json_each(?1)) GROUP BY comment_id`,
      )
      .bind(list),
  ]);
  return {
    reasons: new Map((reasonRows?.results ?? []).map((r) => [r.comment_id, JSON.parse(r.reasons ?? '[]') as HoldReason[]])),
    reports: new Map(
      (reportRows?.results ?? []).map((r) => [r.comment_id, { count: r.n ?? 0, reasons: (r.why ?? '').split(',') }]),
    ),
  };
}

/** Marks a comment's open reports as dealt with (a moderator acted on it); part of the action's batch. */
export const resolveReports = (db: Db, commentId: number, at: string) =>
  db.prepare('UPDATE comment_reports SET resolved_at = ?2 WHERE comment_id = ?1 AND resolved_at IS NULL').bind(commentId, at);

/** One entry of the moderation log. */
export interface LogEntry {
  id: number;
  commentId: number;
  from: string;
  to: string;
  actor: string;
  at: string;
}

/** The latest moderation actions across the site, newest first, before the log id `beforeId`. */
export async function listRecentActions(db: Db, limit: number, beforeId = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT id, comment_id AS commentId, from_status AS "from", to_status AS "to", actor, at FROM moderation_log
       WHERE id < ?1 ORDER BY id DESC LIMIT ?2`,
    )
    .bind(beforeId, limit)
    .all<LogEntry>();
  return results;
}
