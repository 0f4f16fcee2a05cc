/**
 * The moderators' desk is its own Worker (src/desk/index.ts): `/admin`, `/admin/*`, readers' report forms (GET and
 * POST `/comments/:id/report`) and the admin API's desk actions (pins, bulk, edit, reply, blocks, an article's comment
 * state, the log, the reported queue: src/routes/api/admin-actions.ts and admin-pins.ts) go to it, untouched, through
 * the DESK service binding, before any of the public Worker's middleware (no response memory, no caching headers,
 * no D1 session). Without the binding (a deployment without the desk) those paths are simply not found.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

/** Forwards the request to the desk Worker, or lets it fall through to "not found" when there is none. */
export const forwardToDesk = (): MiddlewareHandler<AppEnv> =>
  async function forwardToDesk(c, next) {
    if (!c.env.DESK) return next();
    return c.env.DESK.fetch(c.req.raw);
  };
