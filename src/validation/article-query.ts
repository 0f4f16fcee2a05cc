/**
 * Query parameters of article lists, for the JSON API and the HTML list pages.
 * Written with zod/mini: the Worker bundle carries only the checks it uses (full zod would triple its size).
 */
import * as z from 'zod/mini';
import { ID_PATTERN } from '../domain/ids.ts';
import { SLUG_PATTERN } from '../text/slug.ts';
import { commentSortSchema } from './comment.ts';
import { threadCursor, wholeNumber } from './fields.ts';

/** Highest page number accepted; far beyond any real archive, it only bounds the arithmetic. */
const MAX_PAGE = 100_000;

/** `?page=` alone, for HTML list pages. */
export const pageQuerySchema = z.object({ page: wholeNumber(1, MAX_PAGE, 1) });

/** `GET /api/articles` query: category filter and pagination (per_page 1–100, default 20). */
export const articleListQuerySchema = z.object({
  page: wholeNumber(1, MAX_PAGE, 1),
  category: z.optional(z.string().check(z.regex(SLUG_PATTERN, 'must be a category slug, e.g. "libya"'))),
  per_page: wholeNumber(1, 100, 20),
});

/** Query of an article page: reply mode (`?replyto=<comment id>`), the comments' order and their next page. */
export const articlePageQuerySchema = z.object({
  replyto: z.optional(z.string().check(z.regex(ID_PATTERN, 'must be a comment id'))),
  sort: commentSortSchema,
  comments_after: threadCursor,
});
