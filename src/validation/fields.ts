/**
 * Field schemas shared by several inputs (query strings of lists).
 */
import * as z from 'zod/mini';
import { ID_PATTERN } from '../domain/ids.ts';

/**
 * A whole number written in plain digits ("2", not "2.0", " 2" or "0x2"), within bounds, `fallback` when absent.
 * @example z.object({ page: wholeNumber(1, 1000, 1) })
 */
export const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,9}$/, 'must be a whole number')),
      z.pipe(z.transform(Number), z.int().check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`))),
    ),
    fallback,
  );

/** A cursor handed out as `next_cursor` by a previous page (an id: a whole number). */
export const cursor = z.optional(
  z.pipe(
    z.string().check(z.regex(ID_PATTERN, 'must be a cursor from a previous page')),
    z.pipe(z.transform(Number), z.int().check(z.gte(1, 'must be a cursor from a previous page'), z.lte(999_999_999_999))),
  ),
);

/** A cursor of a sorted comment list: an id, or `<count>.<id>` for the orders by a count (src/domain/comment-sort.ts). */
export const threadCursor = z.optional(
  z.string().check(z.regex(/^\d{1,12}(?:\.\d{1,12})?$/, 'must be a cursor from a previous page')),
);

/** Zod issues as field → messages (`_` for the input as a whole). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.join('.') || '_';
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return errors;
}
