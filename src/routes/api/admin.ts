/**
 * The admin API for moderators, behind `Authorization: Bearer <ADMIN_TOKEN>` (compared in constant time by
 * Hono's bearerAuth). With no token configured it answers 503: it is never open. The only place emails,
 * IP hashes and user agents are ever shown.
 */
import { Hono } from 'hono/tiny';
import type { ResponseOf } from '../../contracts/responses.ts';
import { STATUS_EVENTS } from '../../domain/comment-events.ts';
import { parseId } from '../../domain/ids.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { actorOf, adminAuth } from '../../http/admin-auth.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { markQueueSeen } from '../../http/queue-seen.ts';
import { forgetArticle } from '../../http/response-cache.ts';
import { requireComment } from '../../loaders/moderated-comment.ts';
import { publishCommentEvent } from '../../services/comment-events.ts';
import { deleteComment, getComment, getModerationLog, listForModeration, setCommentStatus } from '../../storage/moderation.ts';
import { moderationPatchSchema, moderationQuerySchema } from '../../validation/comment.ts';
import { parseBody, validate } from '../../validation/validate.ts';
import { adminCommentJson } from '../../views/comment-json.ts';
import personalData from './admin-personal-data.ts';

const admin = new Hono<AppEnv>()
  .use(adminAuth())
  .use(markQueueSeen())
  .route('/personal-data', personalData)
  .get('/comments', validate('query', moderationQuerySchema), async (c) => {
    const { status, article, cursor, limit } = c.req.valid('query');
    const page = await listForModeration(c.get('db'), {
      limit,
      ...(status ? { status } : {}),
      ...(article ? { article: article.normalize('NFC') } : {}),
      ...(cursor ? { beforeId: cursor } : {}),
    });
    return c.json({
      data: page.comments.map(adminCommentJson),
      meta: { limit, next_cursor: page.nextCursor },
    } satisfies ResponseOf<'AdminCommentPage'>);
  })
  .get('/comments/:id', async (c) => {
    const comment = await requireComment(c);
    return c.json({ ...adminCommentJson(comment), moderation_log: await getModerationLog(c.get('db'), comment.id) });
  })
  // The log outlives the comment: a deleted comment's history stays readable.
  .get('/comments/:id/log', async (c) => {
    const id = c.req.param('id');
    const number = parseId(id);
    const log = number === null ? [] : await getModerationLog(c.get('db'), number);
    if (log.length === 0 && !(number !== null && (await getComment(c.get('db'), number))))
      throw new ProblemError(404, `No comment or moderation log has the id "${id}".`);
    return c.json({ comment_id: Number(id), moderation_log: log });
  })
  .patch('/comments/:id', async (c) => {
    const raw = await readJsonBody(c);
    const actor = actorOf(c);
    const comment = await requireComment(c);
    const { status } = parseBody(moderationPatchSchema, raw, 'Send {"status": "pending" | "approved" | "spam" | "trash"}.');
    const db = c.get('db');
    if (status !== comment.status) {
      const refused = await setCommentStatus(db, comment, status, actor, new Date().toISOString());
      if (refused)
        throw new ProblemError(
          409,
          `Comment ${comment.id} cannot leave the trash: the same comment (same article, parent, email and text) was posted again since. Delete one of them first.`,
          { type: 'duplicate-comment' },
        );
      if (comment.status === 'approved' || status === 'approved') forgetArticle(comment.articleSlug);
      publishCommentEvent(c.env, c.executionCtx, STATUS_EVENTS[status], comment);
    }
    const updated = await getComment(db, comment.id);
    return c.json(updated ? adminCommentJson(updated) : null);
  })
  .delete('/comments/:id', async (c) => {
    const actor = actorOf(c);
    const comment = await requireComment(c);
    await deleteComment(c.get('db'), comment, actor, new Date().toISOString());
    if (comment.status === 'approved') forgetArticle(comment.articleSlug);
    publishCommentEvent(c.env, c.executionCtx, 'comment.deleted', comment);
    return c.body(null, 204);
  });

export default admin;
