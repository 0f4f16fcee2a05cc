/**
 * A moderator pins a comment to the top of its article, or unpins it. Only an approved top-level comment can be
 * pinned (a reply lives in its thread, a held one is not public); unpinning is always allowed. The outcome says why
 * nothing was done, for the desk's message.
 */

import { pinComment, unpinComment } from '../storage/comment-pins.ts';
import type { Db } from '../storage/db.ts';
import { getComment } from '../storage/moderation.ts';

/** What came of a pin or unpin. */
export type PinOutcome =
  | { kind: 'done'; articleSlug: string }
  | { kind: 'missing' }
  /** Pinning a comment that is not approved, or a reply. */
  | { kind: 'not-pinnable'; why: 'not-approved' | 'reply' };

/**
 * Pins (`pin` true) or unpins comment `id` as `actor`.
 * @example await setCommentPin(db, 42, true, 'huda', new Date()) // { kind: 'done', articleSlug: '...' }
 */
export async function setCommentPin(db: Db, id: number, pin: boolean, actor: string, now: Date): Promise<PinOutcome> {
  // An id of 0 or below is simply not found (ids start at 1), so it needs no check of its own.
  const comment = await getComment(db, id);
  if (!comment) return { kind: 'missing' };
  const at = now.toISOString();
  const done = { kind: 'done', articleSlug: comment.articleSlug } as const;
  // Asking for the state it is in already (a page left open, a form sent twice) changes and logs nothing.
  if (!pin) {
    if (comment.pinned) await unpinComment(db, comment, actor, at);
    return done;
  }
  if (comment.status !== 'approved') return { kind: 'not-pinnable', why: 'not-approved' };
  if (comment.parentId !== null) return { kind: 'not-pinnable', why: 'reply' };
  if (!comment.pinned) await pinComment(db, comment, actor, at);
  return done;
}
