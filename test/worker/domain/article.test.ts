// The date a list of articles was last updated (a sitemap's lastmod, a feed's updated).
import { describe, expect, it } from 'vitest';
import { newestUpdate } from '../../../src/domain/article.ts';

describe('newestUpdate', () => {
  it('is the latest instant, whatever the offsets it is written with, and undefined for no articles', () => {
    const at = (updated_at: string) => ({ updated_at });
    expect(newestUpdate([])).toBeUndefined();
    expect(newestUpdate([at('2026-11-30T09:00:00+02:00')])).toBe('2026-11-30T09:00:00+02:00');
    // 08:30Z is later than 09:00+02:00 (07:00Z), though it sorts first as text.
    expect(newestUpdate([at('2026-11-30T09:00:00+02:00'), at('2026-11-30T08:30:00Z'), at('2026-11-29T23:00:00Z')])).toBe(
      '2026-11-30T08:30:00Z',
    );
    expect(newestUpdate([at('2026-11-30T08:30:00Z'), at('2026-11-30T09:00:00+02:00')])).toBe('2026-11-30T08:30:00Z');
    // One instant written with two offsets: the first article's text, not whichever came last.
    expect(newestUpdate([at('2026-11-30T10:30:00+02:00'), at('2026-11-30T08:30:00Z')])).toBe('2026-11-30T10:30:00+02:00');
  });
});
