/**
 * Pinning in the admin API: `POST /api/admin/comments/:id/pin` pins, `DELETE` unpins, as the desk's row action does
 * (one pin per article; only an approved top-level comment; logged with X-Moderator). Served by the desk Worker: the
 * public Worker forwards these two routes through DESK, so pinning adds nothing to the readers' bundle but the route.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { actorOf, adminAuth } from '../../http/admin-auth.ts';
import { requireComment } from '../../loaders/moderated-comment.ts';
import { setCommentPin } from '../../services/pin-comment.ts';

/** Pins or unpins the comment of the path; 409 when it cannot be pinned. */
const setPin = (pin: boolean) => async (c: Context<AppEnv>) => {
  const actor = actorOf(c);
  const comment = await requireComment(c);
  const outcome = await setCommentPin(c.get('db'), comment.id, pin, actor, new Date());
  if (outcome.kind === 'not-pinnable')
    throw new ProblemError(
      409,
      outcome.why === 'reply'
        ? `Comment ${comment.id} is a reply: only a top-level comment can be pinned.`
        : `Comment ${comment.id} is ${comment.status}: only an approved comment can be pinned.`,
    );
  return c.body(null, 204);
};

const adminPins = new Hono<AppEnv>().use(adminAuth()).post('/:id/pin', setPin(true)).delete('/:id/pin', setPin(false));

export default adminPins;
