// How many threads one page of comments shows: the count asked for, fewer when their text is long, never a split thread.
import { describe, expect, it } from 'vitest';
import type { PublicComment } from '../../../src/domain/comment.ts';
import { boundThreads } from '../../../src/domain/comment-page.ts';

const comment = (id: number, parentId: number | null, chars: number, extra: Partial<PublicComment> = {}): PublicComment => ({
  id,
  parentId,
  depth: parentId === null ? 1 : 2,
  authorName: '',
  authorUrl: null,
  body: 'ن'.repeat(chars),
  createdAt: '2026-11-30T08:00:00Z',
  replyCount: 0,
  agreeCount: 0,
  ...extra,
});

/** Roots 1, 2, 3 with replies 11 (under 1), 21 and 22 (under 2, 22 a reply to 21), 31 (under 3). */
const ROWS = [
  comment(1, null, 10),
  comment(2, null, 10),
  comment(3, null, 10),
  comment(11, 1, 10),
  comment(21, 2, 10),
  comment(22, 21, 10),
  comment(31, 3, 10),
];
const ROOTS = ROWS.filter((c) => c.parentId === null);
const ids = (page: { comments: PublicComment[] }) => page.comments.map((c) => c.id);

describe('boundThreads', () => {
  it('shows every thread, with no next page, when they fit', () => {
    expect(boundThreads(ROWS, ROOTS, 3)).toEqual({ comments: ROWS, lastRoot: null });
  });

  it('stops after `limit` threads, whole with their replies, and says where the next page starts', () => {
    const page = boundThreads(ROWS, ROOTS, 2);
    expect(ids(page)).toEqual([1, 2, 11, 21, 22]);
    expect(page.lastRoot?.id).toBe(2);
  });

  it('stops once the text passes the budget, counting names, links and bodies of the whole thread', () => {
    // Thread 1 holds 20 characters, thread 2 holds 30: a budget of 50 takes both exactly, 49 only the first.
    expect(ids(boundThreads(ROWS, ROOTS, 3, 50))).toEqual([1, 2, 11, 21, 22]);
    expect(ids(boundThreads(ROWS, ROOTS, 3, 49))).toEqual([1, 11]);
    const named = [comment(1, null, 10, { authorName: 'سالم', authorUrl: 'https://a.example' }), comment(2, null, 10)];
    expect(ids(boundThreads(named, named, 2, 40))).toEqual([1]);
    expect(ids(boundThreads(named, named, 2, 41))).toEqual([1, 2]);
  });

  it('always shows the first thread, however long', () => {
    const page = boundThreads(ROWS, ROOTS, 3, 1);
    expect(ids(page)).toEqual([1, 11]);
    expect(page.lastRoot?.id).toBe(1);
  });

  it('follows the order of the roots it is given, not the ids', () => {
    const page = boundThreads(ROWS, [ROOTS[2], ROOTS[0], ROOTS[1]] as PublicComment[], 2);
    expect(ids(page)).toEqual([1, 3, 11, 31]);
    expect(page.lastRoot?.id).toBe(1);
  });

  it('shows a pinned thread on top of `limit`, and never ends a page on it, however long it is', () => {
    const rows = ROWS.map((c) => (c.id === 3 ? { ...c, pinned: true as const } : c));
    const roots = [rows[2], rows[0], rows[1]] as PublicComment[];
    const page = boundThreads(rows, roots, 1);
    expect(ids(page)).toEqual([1, 3, 11, 31]);
    expect(page.lastRoot?.id).toBe(1);
    // Over the text budget already with the pin, the page still takes the first thread of the order after it.
    const tight = boundThreads(rows, roots, 3, 1);
    expect(ids(tight)).toEqual([1, 3, 11, 31]);
    expect(tight.lastRoot?.id).toBe(1);
    expect(boundThreads(rows, roots, 2)).toEqual({ comments: rows, lastRoot: null });
  });

  it('leaves out replies whose parent is not on the list', () => {
    const orphan = comment(99, 98, 10);
    expect(ids(boundThreads([...ROWS, orphan], ROOTS, 2))).toEqual([1, 2, 11, 21, 22]);
  });
});
