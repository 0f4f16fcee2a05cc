/**
 * Puts comment events on the COMMENT_EVENTS queue without ever slowing down or failing the request that caused
 * them: the send runs after the response (waitUntil), a failure is logged, and without the binding nothing happens.
 */
import type { CommentEvent, CommentEventType } from '../domain/comment-events.ts';
import { logError } from '../log.ts';

/** Where events go: the queue binding, when configured. */
export interface EventsEnv {
  COMMENT_EVENTS?: Queue;
}

/**
 * Enqueues one event about a comment; `waitUntil` keeps the send alive after the response.
 * @example publishCommentEvent(c.env, c.executionCtx, 'comment.held', { id: 7, articleSlug: 'x' })
 */
export function publishCommentEvent(
  env: EventsEnv,
  ctx: Pick<ExecutionContext, 'waitUntil'>,
  type: CommentEventType,
  comment: { id: number; articleSlug: string },
): void {
  const queue = env.COMMENT_EVENTS;
  if (!queue) return;
  const event: CommentEvent = {
    type,
    comment_id: comment.id,
    article_slug: comment.articleSlug,
    occurred_at: new Date().toISOString(),
  };
  ctx.waitUntil(
    queue.send(event, { contentType: 'json' }).catch((error: unknown) => logError('comment event not queued', error, { type })),
  );
}
