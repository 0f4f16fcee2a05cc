// A page of comments is bounded by size as well as by count: four long comments cannot make a megabyte page.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TEXT_CHARS } from '../../src/domain/comment-page.ts';
import { seedComment } from './helpers/comments.ts';
import { request } from './helpers/http.ts';

const SLUG = 'istanbul-talks';
/** The longest body a comment may have (README), in Arabic: about 120 KB of UTF-8 each. */
const longBody = (n: number) => `تعليق طويل رقم ${n} `.repeat(65_000 / 16).slice(0, 65_000);

describe('a page of long comments', () => {
  it('shows as many threads as fit the text budget, and the rest on the next pages', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 4; n += 1) ids.push(await seedComment({ slug: SLUG, body: longBody(n) }));
    const reply = await seedComment({ slug: SLUG, body: 'رد قصير على التعليق الأول', parentId: ids[0], depth: 2 });

    const first = await request(`/articles/${SLUG}`);
    const html = await first.text();
    expect(new TextEncoder().encode(html).byteLength).toBeLessThan(256 * 1024);
    expect(html).toContain(`id="comment-${ids[0]}"`);
    expect(html).toContain(`id="comment-${reply}"`);
    expect(html).not.toContain(`id="comment-${ids[1]}"`);
    expect(html).toContain(`?comments_after=${ids[0]}#comments`);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/articles/${SLUG}/comments?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await request(path)).json()) as {
        data: Array<{ id: number; body: string }>;
        meta: { next_cursor: string | null; total: number };
      };
      expect(page.data.reduce((n, c) => n + c.body.length, 0)).toBeLessThanOrEqual(MAX_PAGE_TEXT_CHARS + 65_000);
      seen.push(...page.data.map((c) => c.id));
      expect(page.meta.total).toBe(5);
      cursor = page.meta.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
  });

  it('still cuts a page of short comments by count', async () => {
    const page = (await (await request('/api/articles/hostile-title/comments?limit=3')).json()) as { data: unknown[] };
    expect(page.data.length).toBeLessThanOrEqual(3);
    for (let n = 0; n < 4; n += 1) await seedComment({ slug: 'hostile-title', body: `تعليق قصير ${n}` });
    const after = (await (await request('/api/articles/hostile-title/comments?limit=3')).json()) as {
      data: unknown[];
      meta: { next_cursor: string | null };
    };
    expect(after.data).toHaveLength(3);
    expect(after.meta.next_cursor).not.toBeNull();
  });
});
