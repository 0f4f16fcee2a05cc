/**
 * The orders a reader can choose for an article's comment threads, and their keyset cursors.
 * Sorting applies to top-level comments; replies stay in conversation order (oldest first) under their parent.
 * The SQL in src/storage/comment-threads.ts mirrors `compareThreads`: one definition of each order, tested both ways.
 */

/** Orders a reader can choose; `oldest` is the default and keeps today's order. */
export const COMMENT_SORTS = ['oldest', 'newest', 'most-replied', 'most-agreed'] as const;

/** One of COMMENT_SORTS. */
export type CommentSort = (typeof COMMENT_SORTS)[number];

/** The order of a thread when the reader chose none. */
export const DEFAULT_SORT: CommentSort = 'oldest';

/** What a sort looks at on a top-level comment. */
export interface SortKeys {
  id: number;
  /** Approved direct replies. */
  replyCount: number;
  /** «أتفق» reactions. */
  agreeCount: number;
  /** The article's pinned comment, which comes before every other in any order. */
  pinned?: true;
}

/** Where the next page of a sorted thread list starts: after the comment with this id and this sort value. */
export interface ThreadCursor {
  id: number;
  /** The count the order is by (replies or agreements); 0 for the orders by date. */
  count: number;
}

/** The count a count order is by (only ever asked for those: the orders by date are handled before). */
const countOf = (sort: CommentSort, c: SortKeys): number => (sort === 'most-replied' ? c.replyCount : c.agreeCount);

/** Whether the order is by a count (ties broken by the newest comment first). */
export const isCountSort = (sort: CommentSort): boolean => sort === 'most-replied' || sort === 'most-agreed';

/** The order itself, before the pin. */
function compareUnpinned(sort: CommentSort): (a: SortKeys, b: SortKeys) => number {
  if (sort === 'oldest') return (a, b) => a.id - b.id;
  if (sort === 'newest') return (a, b) => b.id - a.id;
  return (a, b) => countOf(sort, b) - countOf(sort, a) || b.id - a.id;
}

/**
 * The comparator of an order: the pinned comment first, then the order. Count orders put the highest count first and
 * break ties newest first, so a single descending index on (count, id) serves them.
 * @example [{ id: 1, replyCount: 0, agreeCount: 2 }, { id: 2, replyCount: 0, agreeCount: 5 }].sort(compareThreads('most-agreed'))
 */
export function compareThreads(sort: CommentSort): (a: SortKeys, b: SortKeys) => number {
  const order = compareUnpinned(sort);
  return (a, b) => (b.pinned ? 1 : 0) - (a.pinned ? 1 : 0) || order(a, b);
}

/**
 * The opaque cursor after `last`: its id for the orders by date (compatible with the cursors handed out before
 * sorting existed), `<count>.<id>` for the count orders.
 * @example encodeCursor('most-replied', { id: 12, replyCount: 3, agreeCount: 0 }) // '3.12'
 */
export function encodeCursor(sort: CommentSort, last: SortKeys): string {
  return isCountSort(sort) ? `${countOf(sort, last)}.${last.id}` : String(last.id);
}

/**
 * The cursor of `sort` written in `text`, or null when it is not one (a cursor of another order included).
 * @example parseCursor('most-agreed', '3.12') // { id: 12, count: 3 }
 */
export function parseCursor(sort: CommentSort, text: string): ThreadCursor | null {
  const match = (isCountSort(sort) ? /^(\d{1,9})\.(\d{1,12})$/ : /^()(\d{1,12})$/).exec(text);
  if (!match) return null;
  return { count: Number(match[1] || 0), id: Number(match[2]) };
}

/**
 * The query of a view of the thread that keeps its order (and page): parameters with a value, `&`-joined, without the
 * default order, so today's URLs stay as they are.
 * @example threadQuery({ sort: 'newest', comments_after: '12' }) // 'sort=newest&comments_after=12'
 */
export const threadQuery = (params: { sort: CommentSort } & Record<string, string | number | undefined>): string =>
  Object.entries(params)
    .filter(([name, value]) => value !== undefined && value !== '' && !(name === 'sort' && value === DEFAULT_SORT))
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
