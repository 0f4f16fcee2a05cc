/**
 * Requests of the admin API's moderation actions served by the desk Worker (src/routes/api/admin-actions.ts): bulk
 * actions, edits, the newsroom's replies, blocks, an article's comment state, and the pages of the log and the
 * reported queue. Unknown fields are refused (422), like the rest of the admin API.
 */
import * as z from 'zod/mini';
import { MAX_BULK_IDS, MODERATION_ACTIONS } from '../domain/moderation-actions.ts';
import { cursor, wholeNumber } from './fields.ts';

const commentId = z.int().check(z.gte(1, 'must be a comment id'), z.lte(999_999_999_999, 'must be a comment id'));

/** `POST /api/admin/comments/bulk`. */
export const bulkActionSchema = z.strictObject({
  ids: z
    .array(commentId)
    .check(z.minLength(1, 'name at least one comment'), z.maxLength(MAX_BULK_IDS, `name at most ${MAX_BULK_IDS} comments`)),
  action: z.enum(MODERATION_ACTIONS, { error: `must be one of ${MODERATION_ACTIONS.join(', ')}` }),
});

/** `PATCH /api/admin/comments/:id/content`: the fields to change, at least one; `url: null` removes the website. */
export const commentContentSchema = z
  .strictObject({
    name: z.optional(z.string()),
    url: z.optional(z.nullable(z.string())),
    body: z.optional(z.string()),
  })
  .check(z.refine((edit) => Object.keys(edit).length > 0, 'send at least one of name, url, body'));

/** `POST /api/admin/comments/:id/reply`. */
export const newsroomReplySchema = z.strictObject({ body: z.string() });

/** `POST /api/admin/blocks`: what to block (a value, or the email or client of a comment) and for how many days. */
export const blockSchema = z
  .strictObject({
    kind: z.enum(['email', 'client'], { error: 'must be email or client' }),
    value: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    comment_id: z.optional(commentId),
    days: z.optional(z.int().check(z.gte(1, 'must be at least 1 (leave it out to block for good)'), z.lte(3650))),
  })
  .check(
    z.refine((block) => (block.value === undefined) !== (block.comment_id === undefined), {
      message: 'send either value or comment_id',
      path: ['value'],
    }),
    z.refine((block) => block.kind !== 'email' || block.value === undefined || /^[^@\s]+@[^@\s]+$/.test(block.value), {
      message: 'must be an email address',
      path: ['value'],
    }),
  );

/** `DELETE /api/admin/blocks?kind=…&value=…`: the block to lift. */
export const unblockQuerySchema = z.object({
  kind: z.enum(['email', 'client'], { error: 'must be email or client' }),
  value: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** `PUT /api/admin/articles/:slug/comments-state`. */
export const commentStateSchema = z.strictObject({
  state: z.enum(['open', 'closed'], { error: 'must be open or closed' }),
});

/** `GET /api/admin/log` and `GET /api/admin/reports`: a page after the cursor of the previous one. */
export const adminPageQuerySchema = z.object({ cursor, limit: wholeNumber(1, 100, 50) });
