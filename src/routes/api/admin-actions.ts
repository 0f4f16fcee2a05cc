/**
 * The admin API's moderation actions beyond one comment's status, as the desk performs them and with the same
 * services: bulk actions, editing a comment, replying as the newsroom, blocks, closing or reopening an article's
 * comments, the site's moderation log and the reported queue. Behind the Bearer token, logged with X-Moderator.
 * Served by the desk Worker: the public Worker only forwards these routes through DESK (src/index.ts), so none of
 * this weighs on the readers' bundle.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { ResponseOf } from '../../contracts/responses.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { actorOf, adminAuth } from '../../http/admin-auth.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { requireComment } from '../../loaders/moderated-comment.ts';
import { publishCommentEvent } from '../../services/comment-events.ts';
import { editCommentContent } from '../../services/edit-comment.ts';
import { moderateComments } from '../../services/moderate-comments.ts';
import { newsroomReplyBody, replyAsNewsroom } from '../../services/newsroom-reply.ts';
import { setCommentState } from '../../storage/article-comment-states.ts';
import { getArticle } from '../../storage/articles.ts';
import { addBlock, type Block, blockUntil, listBlocks, removeBlock } from '../../storage/blocks.ts';
import { listEdits } from '../../storage/comment-edits.ts';
import { getDeskNotes, listDeskQueue, listRecentActions } from '../../storage/desk.ts';
import { getComment } from '../../storage/moderation.ts';
import { markModerationQueueSeen } from '../../storage/notifications.ts';
import {
  adminPageQuerySchema,
  blockSchema,
  bulkActionSchema,
  commentContentSchema,
  commentStateSchema,
  newsroomReplySchema,
  unblockQuerySchema,
} from '../../validation/admin-actions.ts';
import { parseBody, validate } from '../../validation/validate.ts';
import { adminCommentJson } from '../../views/comment-json.ts';

const blockJson = (block: Block) => ({
  kind: block.kind,
  value: block.value,
  until: block.until,
  created_by: block.createdBy,
  created_at: block.createdAt,
});

/** The comment of the path, re-read after a change. */
const commentAfter = async (c: Context<AppEnv>, id: number) => {
  const comment = await getComment(c.get('db'), id);
  if (!comment) throw new ProblemError(404, `No comment has the id "${id}".`);
  return adminCommentJson(comment);
};

const adminActions = new Hono<AppEnv>()
  .use(adminAuth())
  // Applies the action to every named comment that exists, in one batch; the ones that no longer exist are listed.
  .post('/comments/bulk', async (c) => {
    const { ids, action } = parseBody(
      bulkActionSchema,
      await readJsonBody(c),
      `Send {"ids": [1 to 100 comment ids], "action": "approve" | "unapprove" | "spam" | "trash" | "restore" | "delete"}.`,
    );
    const actor = actorOf(c);
    const db = c.get('db');
    const missing: number[] = [];
    let remaining = [...new Set(ids)];
    let outcome = await moderateComments(db, remaining, action, actor, new Date());
    while (outcome.kind === 'missing') {
      const gone = outcome.ids;
      missing.push(...gone);
      remaining = remaining.filter((id) => !gone.includes(id));
      outcome = await moderateComments(db, remaining, action, actor, new Date());
    }
    if (outcome.kind === 'duplicate')
      throw new ProblemError(
        409,
        `Comment ${outcome.ids.join(', ')} cannot leave the trash: the same comment (same article, parent, email and text) was posted again since. Delete one of them first; nothing changed.`,
        { type: 'duplicate-comment' },
      );
    const done = outcome.kind === 'done' ? outcome.changed : [];
    if (outcome.kind === 'done') {
      for (const comment of outcome.changed) publishCommentEvent(c.env, c.executionCtx, outcome.event, comment);
      await markModerationQueueSeen(c.env.DB, new Date().toISOString());
    }
    return c.json({
      action,
      done: done.map((comment) => comment.id).sort((a, b) => a - b),
      missing: missing.sort((a, b) => a - b),
    });
  })
  .patch('/comments/:id/content', async (c) => {
    const comment = await requireComment(c);
    const edit = parseBody(
      commentContentSchema,
      await readJsonBody(c),
      'Send any of {"name", "url", "body"} as strings ("url": null removes it).',
    );
    const typed = {
      name: edit.name ?? comment.authorName,
      url: edit.url === undefined ? (comment.authorUrl ?? '') : (edit.url ?? ''),
      body: edit.body ?? comment.body,
    };
    const outcome = await editCommentContent(c.get('db'), comment, typed, actorOf(c), new Date());
    if (outcome.kind === 'invalid')
      throw new ProblemError(422, `The edit of comment ${comment.id} is not a valid comment.`, { errors: outcome.errors });
    if (outcome.kind === 'duplicate')
      throw new ProblemError(
        409,
        `The new text of comment ${comment.id} duplicates another comment of its author on the article.`,
        {
          type: 'duplicate-comment',
        },
      );
    const earlier = await listEdits(c.get('db'), comment.id);
    return c.json({
      ...(await commentAfter(c, comment.id)),
      earlier_versions: earlier.map((v) => ({
        name: v.name,
        url: v.url,
        body: v.body,
        edited_by: v.editedBy,
        edited_at: v.editedAt,
      })),
    } satisfies ResponseOf<'AdminComment'>);
  })
  .post('/comments/:id/reply', async (c) => {
    const parent = await requireComment(c);
    const typed = parseBody(newsroomReplySchema, await readJsonBody(c), 'Send {"body": "the reply"}.');
    const body = newsroomReplyBody(typed.body);
    if (body === null) throw new ProblemError(422, 'The reply is empty or too long.', { errors: { body: ['اكتب نص الرد.'] } });
    const outcome = await replyAsNewsroom(c.get('db'), parent, body, new Date());
    if (outcome.kind === 'not-replyable')
      throw new ProblemError(
        409,
        `Comment ${parent.id} is ${parent.status} or at the deepest level: only a published comment with room for replies can be replied to.`,
      );
    if (outcome.kind === 'duplicate')
      throw new ProblemError(409, 'The newsroom already published this reply.', { type: 'duplicate-comment' });
    c.header('Location', `/api/admin/comments/${outcome.id}`);
    return c.json(await commentAfter(c, outcome.id), 201);
  })
  .get('/blocks', async (c) => c.json({ data: (await listBlocks(c.get('db'), new Date().toISOString())).map(blockJson) }))
  .post('/blocks', async (c) => {
    const request = parseBody(
      blockSchema,
      await readJsonBody(c),
      'Send {"kind": "email" | "client", "value": the email or IP hash, or "comment_id": its comment, "days": optional}.',
    );
    const actor = actorOf(c);
    let value = request.value;
    if (request.comment_id !== undefined) {
      const comment = await getComment(c.get('db'), request.comment_id);
      if (!comment) throw new ProblemError(404, `No comment has the id "${request.comment_id}".`);
      value = request.kind === 'email' ? comment.authorEmail : comment.ipHash;
    }
    const now = new Date();
    const block: Block = {
      kind: request.kind,
      value: request.kind === 'email' ? (value ?? '').toLowerCase() : (value ?? ''),
      until: blockUntil(now, request.days ?? 0),
      createdBy: actor,
      createdAt: now.toISOString(),
    };
    await addBlock(c.get('db'), block);
    return c.json(blockJson(block), 201);
  })
  .delete('/blocks', validate('query', unblockQuerySchema), async (c) => {
    const { kind, value } = c.req.valid('query');
    if (!(await removeBlock(c.get('db'), kind, kind === 'email' ? value.toLowerCase() : value)))
      throw new ProblemError(404, `No ${kind} block has the value "${value}".`);
    return c.body(null, 204);
  })
  .put('/articles/:slug/comments-state', async (c) => {
    const slug = c.req.param('slug').normalize('NFC');
    const { state } = parseBody(commentStateSchema, await readJsonBody(c), 'Send {"state": "open" | "closed"}.');
    const actor = actorOf(c);
    if (!(await getArticle(c.env.ARTICLES, slug))) throw new ProblemError(404, `No article has the slug "${slug}".`);
    await setCommentState(c.get('db'), slug, state, actor, new Date().toISOString());
    return c.json({ slug, state });
  })
  .get('/log', validate('query', adminPageQuerySchema), async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const entries = await listRecentActions(c.get('db'), limit + 1, cursor);
    const page = entries.slice(0, limit);
    return c.json({
      data: page.map((entry) => ({
        id: entry.id,
        comment_id: entry.commentId,
        from: entry.from,
        to: entry.to,
        actor: entry.actor,
        at: entry.at,
      })),
      meta: { limit, next_cursor: entries.length > limit ? (page.at(-1)?.id ?? null) : null },
    });
  })
  .get('/reports', validate('query', adminPageQuerySchema), async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const db = c.get('db');
    const page = await listDeskQueue(db, { limit, reported: true, ...(cursor ? { beforeId: cursor } : {}) });
    const { reports } = await getDeskNotes(
      db,
      page.comments.map((comment) => comment.id),
    );
    return c.json({
      data: page.comments.map((comment) => ({
        ...adminCommentJson(comment),
        reports: reports.get(comment.id) ?? { count: 0, reasons: [] },
      })),
      meta: { limit, next_cursor: page.nextCursor },
    } satisfies ResponseOf<'AdminCommentPage'>);
  });

export default adminActions;
