/**
 * Queries of the desk's pages: which queue, its filters and the cursor. Free text is trimmed and bounded.
 */
import * as z from 'zod/mini';
import { QUEUES } from '../domain/moderation-actions.ts';

const text = z.optional(
  z.pipe(
    z.string(),
    z.transform((v) => v.normalize('NFC').trim().slice(0, 300)),
  ),
);
const cursor = z.optional(z.string().check(z.regex(/^\d{1,12}$/)));

/** `GET /admin/comments`. */
export const deskQueueQuerySchema = z.object({
  status: z._default(z.enum(QUEUES), 'pending'),
  article: text,
  q: text,
  email: text,
  client: text,
  cursor,
  done: z.optional(z.string()),
  n: cursor,
});

/** `GET /admin/log`. */
export const deskLogQuerySchema = z.object({ before: cursor });
