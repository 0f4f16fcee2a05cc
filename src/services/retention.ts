/**
 * The daily retention run (Cron Trigger): client data, old spam and trash, stale pending comments, expired
 * idempotency keys, ended desk sessions and old failed sign-ins. Everything is decided by `now`, so a second run with the same clock changes nothing; the run
 * logs one structured line with what it did.
 */
import type { RetentionSettings } from '../domain/background-settings.ts';
import { logInfo } from '../log.ts';
import type { Db } from '../storage/db.ts';
import { deleteComment, getComment } from '../storage/moderation.ts';
import { forgetReactionClients } from '../storage/reactions.ts';
import {
  deleteEndedDeskSessions,
  deleteExpiredIdempotencyKeys,
  listExpiredSpamAndTrash,
  removeClientData,
  trashStalePending,
} from '../storage/retention.ts';
import { IDEMPOTENCY_HOURS } from './idempotency.ts';

/** What one run did. */
export interface RetentionReport {
  event: 'retention';
  at: string;
  client_data_removed: number;
  /** «أتفق» agreements whose client hash was replaced (they keep counting). */
  reaction_clients_forgotten: number;
  spam_and_trash_deleted: number;
  pending_trashed: number;
  idempotency_keys_deleted: number;
  /** The desk's sessions that expired or were signed out. */
  desk_sessions_deleted: number;
  /** Failed desk sign-ins older than a day (the sign-in limits look back 15 minutes). */
  signin_failures_deleted: number;
}

const DAY_MS = 86_400_000;

/**
 * Runs retention as of `now` and returns (and logs) what changed.
 * @example await runRetention(env.DB, readRetentionSettings(env), new Date(controller.scheduledTime))
 */
export async function runRetention(db: Db, settings: RetentionSettings, now: Date): Promise<RetentionReport> {
  const at = now.toISOString();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const clientDataRemoved = await removeClientData(db, ago(settings.clientDays));
  // Deleted before the pending are trashed, so what is trashed today waits its full trashDays.
  const expired = await listExpiredSpamAndTrash(db, ago(settings.trashDays));
  for (const { id } of expired) {
    // Read again: deleting a parent moved its replies, so the listed parent and depth may be stale.
    const comment = await getComment(db, id);
    // Stryker disable next-line ConditionalExpression: a comment listed a moment before is only gone if another request deleted it in between, which no test can time
    if (comment) await deleteComment(db, comment, 'retention', at);
  }
  const desk = await deleteEndedDeskSessions(db, at, ago(1));
  const report: RetentionReport = {
    event: 'retention',
    at,
    client_data_removed: clientDataRemoved,
    reaction_clients_forgotten: await forgetReactionClients(db, ago(settings.clientDays)),
    spam_and_trash_deleted: expired.length,
    pending_trashed: await trashStalePending(db, ago(settings.pendingDays), at),
    idempotency_keys_deleted: await deleteExpiredIdempotencyKeys(db, ago(IDEMPOTENCY_HOURS / 24)),
    desk_sessions_deleted: desk.sessions,
    signin_failures_deleted: desk.failures,
  };
  logInfo(report.event, { ...report });
  return report;
}
