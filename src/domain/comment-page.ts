/**
 * Where a page of comment threads ends: after `limit` top-level comments, or earlier once the threads' text passes
 * MAX_PAGE_TEXT_CHARS, so four long comments cannot make a page of a megabyte that is rebuilt on every view.
 * A page always holds at least one whole thread; threads are never split.
 */
import type { PublicComment } from './comment.ts';

/** Most characters of comment text (bodies, names, links) on one page of threads, beyond its first thread. */
export const MAX_PAGE_TEXT_CHARS = 60_000;

/** A page of threads, and the last top-level comment shown when more follow (null on the last page). */
export interface BoundedThreads {
  comments: PublicComment[];
  lastRoot: PublicComment | null;
}

const textLength = (c: PublicComment): number => c.body.length + c.authorName.length + (c.authorUrl?.length ?? 0);

/**
 * Cuts threads to `limit` top-level comments and the text budget. `comments` come parents before replies (id order);
 * `roots` are their top-level comments in the order the page shows them (comment-sort.ts). A pinned root (first, on
 * the first page only) comes on top of `limit`, and the page never ends on it: the cursor after a page is always an
 * unpinned comment of the order, which is where the next page goes on.
 * @example boundThreads(rows, roots, 100) // { comments: [...], lastRoot: { id: 42, ... } }
 */
export function boundThreads(
  comments: PublicComment[],
  roots: PublicComment[],
  limit: number,
  maxChars = MAX_PAGE_TEXT_CHARS,
): BoundedThreads {
  const rootOf = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (const c of comments) {
    const root = c.parentId === null ? c.id : rootOf.get(c.parentId);
    // Stryker disable next-line ConditionalExpression: without it an orphan's size is kept under the root `undefined`, which no shown root has, and the filter below drops it anyway
    if (root === undefined) continue;
    rootOf.set(c.id, root);
    sizes.set(root, (sizes.get(root) ?? 0) + textLength(c));
  }
  const pinned = roots.filter((r) => r.pinned).length;
  let kept = 0;
  let used = 0;
  for (const root of roots) {
    const size = sizes.get(root.id) ?? 0;
    if (kept === limit + pinned || (kept > pinned && used + size > maxChars)) break;
    kept += 1;
    used += size;
  }
  if (kept === roots.length) return { comments, lastRoot: null };
  const shown = new Set(roots.slice(0, kept).map((r) => r.id));
  return {
    comments: comments.filter((c) => shown.has(rootOf.get(c.id) ?? -1)),
    lastRoot: roots[kept - 1] ?? null,
  };
}
