/**
 * Reads the cursor of a sorted comment list from the query. The query schema checks its shape; whether it belongs
 * to the chosen order can only be told together with `sort`, so that check lives here.
 */
import { type CommentSort, parseCursor, type ThreadCursor } from '../domain/comment-sort.ts';
import { ProblemError } from '../errors.tsx';

/**
 * The position a cursor of `sort` names, null without one; a cursor of another order is a 400 on `field`
 * (the API's problem+json, or the Arabic error page).
 */
export function readThreadCursor(sort: CommentSort, text: string | undefined, field: string): ThreadCursor | null {
  if (text === undefined) return null;
  const after = parseCursor(sort, text);
  if (after) return after;
  throw new ProblemError(400, `Invalid query: ${field}.`, {
    type: 'invalid-parameters',
    errors: { [field]: [`must be a cursor handed out for sort=${sort}`] },
  });
}
