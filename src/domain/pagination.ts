/** Page-number pagination over an in-memory list (the article index is one document). */

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
 * The `number`-th page of `items`, `perPage` at a time.
 * @example paginate([1, 2, 3], 2, 2).items // [3]
 */
export function paginate<T>(items: T[], number: number, perPage: number): Page<T> {
  const start = (number - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    number,
    perPage,
    total: items.length,
    pages: Math.max(1, Math.ceil(items.length / perPage)),
  };
}
