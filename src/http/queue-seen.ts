/**
 * Middleware of the admin API that records "a moderator has looked at the queue" (see src/storage/notifications.ts):
 * after a successful moderation action (PATCH or DELETE of a comment) or a successful GET of the pending list.
 * The desk marks it the same way, by calling `markModerationQueueSeen` where it shows the queue or acts on it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { markModerationQueueSeen } from '../storage/notifications.ts';

const isLookAtQueue = (method: string, path: string, status: string | undefined): boolean =>
  ((method === 'PATCH' || method === 'DELETE') && /\/comments\/\d+$/.test(path)) ||
  (method === 'GET' && path.endsWith('/comments') && status === 'pending');

/** Marks the moderation queue as seen after the requests that show or change it. */
export const markQueueSeen = (): MiddlewareHandler<AppEnv> =>
  async function markQueueSeen(c, next) {
    await next();
    if (c.res.ok && isLookAtQueue(c.req.method, c.req.path, c.req.query('status')))
      await markModerationQueueSeen(c.env.DB, new Date().toISOString());
  };
