/** Page-number pagination of a list whose page of items was read from an index (src/storage/article-catalog.ts). */

/** One page of items with what a client needs to navigate. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  perPage: number;
  total: number;
  /** Number of pages; at least 1, so page 1 of an empty list exists. */
  pages: number;
}

/**
 * The page `number` of a list of `total` items, `perPage` at a time, whose `items` were read already.
 * @example pageOf(['c'], 2, 2, 3) // { items: ['c'], number: 2, perPage: 2, total: 3, pages: 2 }
 */
export const pageOf = <T>(items: T[], number: number, perPage: number, total: number): Page<T> => ({
  items,
  number,
  perPage,
  total,
  pages: Math.max(1, Math.ceil(total / perPage)),
});
