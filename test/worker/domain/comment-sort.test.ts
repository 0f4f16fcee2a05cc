// The orders a reader picks for a thread list, and the "more comments" cursor that continues each.
import { describe, expect, it } from 'vitest';
import { compareThreads, encodeCursor, isCountSort, parseCursor, threadQuery } from '../../../src/domain/comment-sort.ts';

/** A (1 reply, 2 agree), B (3, 0), C (0, 5), D (1, 2), oldest first. */
const THREADS = [
  { id: 1, name: 'A', replyCount: 1, agreeCount: 2 },
  { id: 2, name: 'B', replyCount: 3, agreeCount: 0 },
  { id: 3, name: 'C', replyCount: 0, agreeCount: 5 },
  { id: 4, name: 'D', replyCount: 1, agreeCount: 2 },
];
const order = (sort: Parameters<typeof compareThreads>[0]) =>
  [...THREADS]
    .sort(compareThreads(sort))
    .map((t) => t.name)
    .join('');

describe('compareThreads', () => {
  it('orders oldest and newest first by date, and the counts highest first with ties newest first', () => {
    expect(order('oldest')).toBe('ABCD');
    expect(order('newest')).toBe('DCBA');
    expect(order('most-replied')).toBe('BDAC');
    expect(order('most-agreed')).toBe('CDAB');
  });

  it('puts the pinned comment first in every order, the others in the order', () => {
    const pinned = THREADS.map((t) => (t.name === 'B' ? { ...t, pinned: true as const } : t));
    const pinnedOrder = (sort: Parameters<typeof compareThreads>[0]) =>
      [...pinned]
        .sort(compareThreads(sort))
        .map((t) => t.name)
        .join('');
    expect(pinnedOrder('oldest')).toBe('BACD');
    expect(pinnedOrder('newest')).toBe('BDCA');
    expect(pinnedOrder('most-replied')).toBe('BDAC');
    expect(pinnedOrder('most-agreed')).toBe('BCDA');
  });
});

describe('cursors', () => {
  it('continues a date order after an id, and a count order after a count and an id', () => {
    const last = { id: 12, replyCount: 3, agreeCount: 7 };
    expect(encodeCursor('oldest', last)).toBe('12');
    expect(encodeCursor('newest', last)).toBe('12');
    expect(encodeCursor('most-replied', last)).toBe('3.12');
    expect(encodeCursor('most-agreed', last)).toBe('7.12');
    expect(parseCursor('most-agreed', '7.12')).toEqual({ count: 7, id: 12 });
    expect(parseCursor('newest', '12')).toEqual({ count: 0, id: 12 });
    expect([isCountSort('oldest'), isCountSort('newest'), isCountSort('most-replied'), isCountSort('most-agreed')]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it.each([
    ['oldest', '3.12'],
    ['oldest', 'x12'],
    ['oldest', '12x'],
    ['oldest', '1234567890123'],
    ['most-replied', '12'],
    ['most-replied', 'x3.12'],
    ['most-replied', '3.12x'],
    ['most-replied', '3x12'],
    ['most-replied', '1234567890.1'],
    ['most-agreed', ''],
  ] as const)('refuses a %s cursor written %s', (sort, text) => {
    expect(parseCursor(sort, text)).toBeNull();
  });
});

describe('threadQuery', () => {
  it('keeps the chosen order and page in links, leaving out the default order and empty parameters', () => {
    expect(threadQuery({ sort: 'newest', comments_after: '12' })).toBe('sort=newest&comments_after=12');
    expect(threadQuery({ sort: 'oldest', comments_after: '12' })).toBe('comments_after=12');
    expect(threadQuery({ sort: 'most-agreed', comments_after: '3.12', empty: '', missing: undefined, n: 0 })).toBe(
      'sort=most-agreed&comments_after=3.12&n=0',
    );
    expect(threadQuery({ sort: 'oldest', q: 'أ&ب' })).toBe(`q=${encodeURIComponent('أ&ب')}`);
  });
});

describe('the orders on threads given in any order', () => {
  it('sorts a shuffled list into each order', () => {
    const byName = (name: string) => THREADS.find((t) => t.name === name) as (typeof THREADS)[number];
    const shuffled = ['C', 'A', 'D', 'B'].map(byName);
    const sorted = (sort: Parameters<typeof compareThreads>[0]) =>
      [...shuffled]
        .sort(compareThreads(sort))
        .map((t) => t.name)
        .join('');
    expect([sorted('oldest'), sorted('newest'), sorted('most-replied'), sorted('most-agreed')]).toEqual([
      'ABCD',
      'DCBA',
      'BDAC',
      'CDAB',
    ]);
  });

  it('reads counts of several digits in a cursor, and keeps a parameter whose value is only the name of an order', () => {
    expect(parseCursor('most-replied', '12.34')).toEqual({ count: 12, id: 34 });
    expect(threadQuery({ sort: 'newest', q: 'oldest' })).toBe('sort=newest&q=oldest');
  });
});
