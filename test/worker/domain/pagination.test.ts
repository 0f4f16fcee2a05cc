// Page-number pagination as list pages and the API use it: how many pages a list of a given size has.
import { describe, expect, it } from 'vitest';
import { pageOf } from '../../../src/domain/pagination.ts';

describe('pageOf', () => {
  it('counts the pages of the list, a partial last page included', () => {
    expect(pageOf([41, 42, 43, 44, 45], 3, 20, 45)).toEqual({
      items: [41, 42, 43, 44, 45],
      number: 3,
      perPage: 20,
      total: 45,
      pages: 3,
    });
  });

  it('has one page for an empty list', () => {
    expect(pageOf([], 1, 20, 0)).toEqual({ items: [], number: 1, perPage: 20, total: 0, pages: 1 });
  });

  it('counts a full last page exactly', () => {
    expect(pageOf([], 2, 20, 40).pages).toBe(2);
  });
});
