// Page-number pagination as list pages and the API use it: what page N holds and how many pages there are.
import { describe, expect, it } from 'vitest';
import { paginate } from '../../../src/domain/pagination.ts';

const items = Array.from({ length: 45 }, (_, i) => i + 1);

describe('paginate', () => {
  it('gives page N the Nth slice and counts the pages', () => {
    expect(paginate(items, 1, 20)).toEqual({ items: items.slice(0, 20), number: 1, perPage: 20, total: 45, pages: 3 });
    expect(paginate(items, 3, 20).items).toEqual([41, 42, 43, 44, 45]);
  });

  it('has an empty page past the end, and one page for an empty list', () => {
    expect(paginate(items, 4, 20).items).toEqual([]);
    expect(paginate([], 1, 20)).toEqual({ items: [], number: 1, perPage: 20, total: 0, pages: 1 });
  });

  it('counts a full last page exactly', () => {
    expect(paginate(items.slice(0, 40), 2, 20).pages).toBe(2);
  });
});
