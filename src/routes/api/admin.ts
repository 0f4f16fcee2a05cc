/**
 * The admin API for moderators, behind `Authorization: Bearer <ADMIN_TOKEN>` (compared in constant time by
 * Hono's bearerAuth). With no token configured it answers 503: it is never open. The only place emails,
 * IP hashes and user agents are ever shown.
 */
import { type Context, Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import * as z from 'zod/mini';
import { STATUS_EVENTS } from '../../domain/comment-events.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { readJsonBody } from '../../http/json-body.ts';
import { markQueueSeen } from '../../http/queue-seen.ts';
import { publishCommentEvent } from '../../services/comment-events.ts';
import { deleteComment, getComment, getModerationLog, listForModeration, setCommentStatus } from '../../storage/comments.ts';
import { moderationPatchSchema, moderationQuerySchema } from '../../validation/comment.ts';
import { fieldErrors } from '../../validation/fields.ts';
import { validate } from '../../validation/validate.ts';
import { adminCommentJson } from '../../views/comment-json.ts';
import personalData from './admin-personal-data.ts';

/** Names the moderator in the audit log; optional, defaults to "admin". */
const MODERATOR_HEADER = 'X-Moderator';

const actorOf = (c: Context<AppEnv>): string => {
  const name = (c.req.header(MODERATOR_HEADER) ?? '').normalize('NFC').trim();
  return name && name.length <= 100 ? `admin:${name}` : 'admin';
};

async function requireComment(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const comment = /^\d{1,12}$/.test(id) ? await getComment(c.get('db'), Number(id)) : null;
  if (!comment) throw new ProblemError(404, `No comment has the id "${id}".`);
  return comment;
}

const admin = new Hono<AppEnv>()
  .use(async (c, next) => {
    const token = c.env.ADMIN_TOKEN;
    if (!token) throw new ProblemError(503, 'The admin API is disabled: set the ADMIN_TOKEN secret to enable it.');
    c.header('Cache-Control', 'no-store');
    return bearerAuth({ token, realm: 'minbar-admin' })(c as unknown as Context, next);
  })
  .use(markQueueSeen())
  .route('/personal-data', personalData)
  .get('/comments', validate('query', moderationQuerySchema), async (c) => {
    const { status, article, cursor, limit } = c.req.valid('query');
    const page = await listForModeration(c.get('db'), {
      limit,
      ...(status ? { status } : {}),
      ...(article ? { article: article.normalize('NFC') } : {}),
      ...(cursor ? { beforeId: Number(cursor) } : {}),
    });
    return c.json({
      data: page.comments.map(adminCommentJson),
      meta: { limit, next_cursor: page.nextCursor === null ? null : String(page.nextCursor) },
    });
  })
  .get('/comments/:id', async (c) => {
    const comment = await requireComment(c);
    return c.json({ ...adminCommentJson(comment), moderation_log: await getModerationLog(c.get('db'), comment.id) });
  })
  .patch('/comments/:id', async (c) => {
    const raw = await readJsonBody(c);
    const comment = await requireComment(c);
    const parsed = z.safeParse(moderationPatchSchema, raw);
    if (!parsed.success)
      throw new ProblemError(422, 'Send {"status": "pending" | "approved" | "spam" | "trash"}.', {
        errors: fieldErrors(parsed.error.issues),
      });
    const db = c.get('db');
    if (parsed.data.status !== comment.status) {
      await setCommentStatus(db, comment, parsed.data.status, actorOf(c), new Date().toISOString());
      publishCommentEvent(c.env, c.executionCtx, STATUS_EVENTS[parsed.data.status], comment);
    }
    const updated = await getComment(db, comment.id);
    return c.json(updated ? adminCommentJson(updated) : null);
  })
  .delete('/comments/:id', async (c) => {
    const comment = await requireComment(c);
    await deleteComment(c.get('db'), comment, actorOf(c), new Date().toISOString());
    publishCommentEvent(c.env, c.executionCtx, 'comment.deleted', comment);
    return c.body(null, 204);
  });

export default admin;
