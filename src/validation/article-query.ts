/**
 * Query parameters of article lists, for the JSON API and the HTML list pages.
 */
import { z } from 'zod';
import { slugSchema } from './front-matter.ts';

/** A whole number written in plain digits ("2", not "2.0", " 2" or "0x2"), within bounds. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);

/** Highest page number accepted; far beyond any real archive, it only bounds the arithmetic. */
export const MAX_PAGE = 100_000;

/** `?page=` alone, for HTML list pages. */
export const pageQuerySchema = z.object({ page: wholeNumber(1, MAX_PAGE, 1) });

/** `GET /api/articles` query: category filter and pagination (per_page 1–100, default 20). */
export const articleListQuerySchema = pageQuerySchema.extend({
  category: slugSchema.optional(),
  per_page: wholeNumber(1, 100, 20),
});
