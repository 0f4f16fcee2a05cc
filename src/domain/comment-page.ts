/**
 * Where a page of comment threads ends: after `limit` top-level comments, or earlier once the threads' text passes
 * MAX_PAGE_TEXT_CHARS, so four long comments cannot make a page of a megabyte that is rebuilt on every view.
 * A page always holds at least one whole thread; threads are never split.
 */
import type { PublicComment } from './comment.ts';

/** Most characters of comment text (bodies, names, links) on one page of threads, beyond its first thread. */
export const MAX_PAGE_TEXT_CHARS = 60_000;

/** A page of threads and the cursor of the next (the last top-level id shown), or null when it is the last. */
export interface BoundedThreads {
  comments: PublicComment[];
  nextCursor: number | null;
}

const textLength = (c: PublicComment): number => c.body.length + c.authorName.length + (c.authorUrl?.length ?? 0);

/**
 * Cuts threads (comments oldest first, replies after their parents) to `limit` roots and the text budget.
 * @example boundThreads(rows, 100) // { comments: [...], nextCursor: 42 }
 */
export function boundThreads(comments: PublicComment[], limit: number, maxChars = MAX_PAGE_TEXT_CHARS): BoundedThreads {
  const rootOf = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (const c of comments) {
    const root = c.parentId === null ? c.id : rootOf.get(c.parentId);
    if (root === undefined) continue;
    rootOf.set(c.id, root);
    sizes.set(root, (sizes.get(root) ?? 0) + textLength(c));
  }
  const roots = [...sizes.keys()];
  let kept = 0;
  let used = 0;
  for (const root of roots) {
    const size = sizes.get(root) ?? 0;
    if (kept === limit || (kept > 0 && used + size > maxChars)) break;
    kept += 1;
    used += size;
  }
  if (kept === roots.length) return { comments, nextCursor: null };
  const shown = new Set(roots.slice(0, kept));
  return {
    comments: comments.filter((c) => shown.has(rootOf.get(c.id) ?? -1)),
    nextCursor: roots[kept - 1] ?? null,
  };
}
