/**
 * Query parameters of article lists, for the JSON API and the HTML list pages.
 * Written with zod/mini: the Worker bundle carries only the checks it uses (full zod would triple its size).
 */
import * as z from 'zod/mini';
import { SLUG_PATTERN } from '../text/slug.ts';
import { cursor, wholeNumber } from './fields.ts';

/** Highest page number accepted; far beyond any real archive, it only bounds the arithmetic. */
export const MAX_PAGE = 100_000;

/** `?page=` alone, for HTML list pages. */
export const pageQuerySchema = z.object({ page: wholeNumber(1, MAX_PAGE, 1) });

/** `GET /api/articles` query: category filter and pagination (per_page 1–100, default 20). */
export const articleListQuerySchema = z.object({
  page: wholeNumber(1, MAX_PAGE, 1),
  category: z.optional(z.string().check(z.regex(SLUG_PATTERN, 'must be a category slug, e.g. "libya"'))),
  per_page: wholeNumber(1, 100, 20),
});

/** Query of an article page: reply mode (`?replyto=<comment id>`) and the next page of comments. */
export const articlePageQuerySchema = z.object({
  replyto: z.optional(z.string().check(z.regex(/^\d{1,12}$/, 'must be a comment id'))),
  comments_after: cursor,
});

/** Longest query accepted, in characters: enough for any real search, small enough to keep FTS5 cheap. */
export const MAX_QUERY_LENGTH = 200;

/** `?q=&page=` of the search page and API. */
export const searchQuerySchema = z.object({
  q: z._default(
    z.pipe(
      z.string().check(z.maxLength(MAX_QUERY_LENGTH * 4, `must be at most ${MAX_QUERY_LENGTH} characters`)),
      z.pipe(
        z.transform((s: string) => s.normalize('NFC').trim()),
        z.string().check(z.refine((s) => [...s].length <= MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)),
      ),
    ),
    '',
  ),
  page: wholeNumber(1, 50, 1),
});
