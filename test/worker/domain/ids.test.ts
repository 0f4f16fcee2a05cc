// Ids in URLs, forms and cursors: what counts as one, so a wrong one is a 404 or a field error, never a lookup.
import { describe, expect, it } from 'vitest';
import { isId, parseId } from '../../../src/domain/ids.ts';

describe('ids', () => {
  it('reads 1 to 12 decimal digits as an id, and nothing else', () => {
    expect([parseId('42'), parseId('0'), parseId('999999999999')]).toEqual([42, 0, 999_999_999_999]);
    for (const text of [undefined, '', '4e2', '-1', '1.5', ' 42', '42 ', '1234567890123', 'undefined'])
      expect([isId(text), parseId(text)], String(text)).toEqual([false, null]);
  });
});
