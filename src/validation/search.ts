/**
 * Query of the search page and API.
 */
import * as z from 'zod/mini';
import { describe } from './describe.ts';
import { wholeNumber } from './fields.ts';

/** Longest query accepted, in characters: enough for any real search, small enough to keep FTS5 cheap. */
const MAX_QUERY_LENGTH = 200;

/** `?q=&page=` of the search page and API. */
export const searchQuerySchema = z.object({
  q: z._default(
    describe(
      z.pipe(
        z.string().check(z.maxLength(MAX_QUERY_LENGTH * 4, `must be at most ${MAX_QUERY_LENGTH} characters`)),
        z.pipe(
          z.transform((s: string) => s.normalize('NFC').trim()),
          z.string().check(z.refine((s) => [...s].length <= MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)),
        ),
      ),
      { maxLength: MAX_QUERY_LENGTH },
    ),
    '',
  ),
  page: wholeNumber(1, 50, 1),
});
