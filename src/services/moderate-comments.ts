/**
 * A moderator's row or bulk action on comments, from the desk and the admin API alike: every named comment must
 * still exist, then one D1 batch changes them all (or none, when a trashed one was posted again since), writes one log row each, resolves their reports, updates the
 * search index and bumps each touched article's comment version once. The caller publishes the outcome's events.
 */
import { type CommentEventType, STATUS_EVENTS } from '../domain/comment-events.ts';
import { MAX_BULK_IDS, type ModerationAction, TARGET_STATUS } from '../domain/moderation-actions.ts';
import { constraintViolated, type Db } from '../storage/db.ts';
import { resolveReports } from '../storage/desk.ts';
import { articleChanged, deleteStatements, getCommentsByIds, statusChangeStatements } from '../storage/moderation.ts';

/** What came of an action. */
export type ModerateOutcome =
  | { kind: 'done'; count: number; event: CommentEventType; changed: Array<{ id: number; articleSlug: string }> }
  | { kind: 'too-many' }
  | { kind: 'none' }
  | { kind: 'missing'; ids: number[] }
  /** A trashed comment (one of `ids`) cannot leave the trash: the same comment was posted again since. */
  | { kind: 'duplicate'; ids: number[] };

/**
 * Applies `action` to the comments `ids` as `actor`. Nothing changes unless every comment exists.
 * @example await moderateComments(db, [4, 7], 'spam', 'huda', new Date()) // { kind: 'done', count: 2 }
 */
export async function moderateComments(
  db: Db,
  ids: number[],
  action: ModerationAction,
  actor: string,
  now: Date,
): Promise<ModerateOutcome> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { kind: 'none' };
  if (unique.length > MAX_BULK_IDS) return { kind: 'too-many' };
  const comments = await getCommentsByIds(db, unique);
  const found = new Set(comments.map((c) => c.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) return { kind: 'missing', ids: missing };
  const at = now.toISOString();
  const target = TARGET_STATUS[action];
  const statements = comments.flatMap((comment) => [
    ...(target === 'deleted' ? deleteStatements(db, comment, actor, at) : statusChangeStatements(db, comment, target, actor, at)),
    resolveReports(db, comment.id, at),
  ]);
  for (const slug of new Set(comments.map((c) => c.articleSlug))) statements.push(...articleChanged(db, slug));
  try {
    await db.batch(statements);
  } catch (error) {
    if (constraintViolated(error) !== 'UNIQUE') throw error;
    return { kind: 'duplicate', ids: comments.filter((c) => c.status === 'trash').map((c) => c.id) };
  }
  const event = target === 'deleted' ? 'comment.deleted' : STATUS_EVENTS[target];
  return { kind: 'done', count: comments.length, event, changed: comments.map(({ id, articleSlug }) => ({ id, articleSlug })) };
}
