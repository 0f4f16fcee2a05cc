// The article's pinned comment (pinned from the desk): first on the first page, in every order, on the page and in
// the JSON; never again on later pages; gone when it leaves `approved`; a pin changes the ETags.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { COMMENT_SORTS, type CommentSort } from '../../src/domain/comment-sort.ts';
import { setCommentPin } from '../../src/services/pin-comment.ts';
import { seedComment, setStatus } from './helpers/comments.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { request } from './helpers/http.ts';

type Thread = { id: number; pinned?: true; replies: Thread[] };
type ListBody = { data: Thread[]; meta: { total: number; next_cursor: string | null } };

/** Pins as a moderator would (the desk's own tests cover the form). */
const pin = async (id: number, on = true) => {
  expect(await setCommentPin(env.DB, id, on, 'huda', new Date())).toMatchObject({ kind: 'done' });
};

/** Three threads, oldest first: A, B (2 replies), C. */
async function seedThreads(slug: string) {
  const root = (body: string, minutesAgo: number) => seedComment({ slug, body, minutesAgo });
  const a = await root('أ', 30);
  const b = await root('ب', 20);
  const c = await root('ج', 10);
  const reply = await seedComment({ slug, body: 'رد على ب', parentId: b, depth: 2, minutesAgo: 5 });
  await seedComment({ slug, body: 'رد آخر على ب', parentId: b, depth: 2, minutesAgo: 4 });
  return { a, b, c, reply };
}

const list = async (slug: string, query = '') => {
  const response = await request(`/api/articles/${slug}/comments?${query}`);
  expect(response.status).toBe(200);
  return { response, body: (await response.json()) as ListBody };
};

/** Every top-level id over all pages of `sort`, `limit` at a time. */
async function allPages(slug: string, sort: CommentSort, limit: number): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const { body }: { body: ListBody } = await list(
      slug,
      `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    pages.push(body.data.map((t) => t.id));
    cursor = body.meta.next_cursor;
  } while (cursor && pages.length < 10);
  return pages;
}

const rootIds = async (html: string) =>
  (await attributesOf(html, '#comments > ol > li > .comment', 'id')).map((id) => Number(id?.replace('comment-', '')));

describe('GET /api/articles/:slug/comments with a pinned comment', async () => {
  const { a, b, c } = await seedThreads('benghazi-port');
  await pin(c);
  const ORDERS: Record<CommentSort, number[]> = {
    oldest: [c, a, b],
    newest: [c, b, a],
    'most-replied': [c, b, a],
    'most-agreed': [c, b, a],
  };

  it.each(COMMENT_SORTS)('lists it first in %s, marked pinned: true, the others in the order', async (sort) => {
    const { body } = await list('benghazi-port', `sort=${sort}`);
    expect(body.data.map((t) => t.id)).toEqual(ORDERS[sort]);
    expect(body.data.map((t) => t.pinned ?? false)).toEqual([true, false, false]);
    expect(body.meta.total).toBe(5);
  });

  it.each(COMMENT_SORTS)('pages %s with the pin on the first page only, every comment once', async (sort) => {
    const pages = await allPages('benghazi-port', sort, 1);
    expect(pages).toEqual([[c, ORDERS[sort][1]], [ORDERS[sort][2]]]);
  });

  it('marks it in GET …/comments/:id too, and not its replies or the others', async () => {
    const one = (await (await request(`/api/articles/benghazi-port/comments/${c}`)).json()) as { pinned?: true };
    expect(one.pinned).toBe(true);
    const other = (await (await request(`/api/articles/benghazi-port/comments/${a}`)).json()) as { pinned?: true };
    expect(other).not.toHaveProperty('pinned');
  });
});

describe('pinning and the page', async () => {
  const slug = 'ankara-energy';
  const path = `/articles/${slug}`;
  const { a, b, c } = await seedThreads(slug);

  it('shows the pinned thread first with «مثبّت», in every order, and changes the ETags of the page and the JSON', async () => {
    const page = await request(path);
    const json = await request(`/api/articles/${slug}/comments`);
    const [pageTag, jsonTag] = [page.headers.get('ETag') ?? '', json.headers.get('ETag') ?? ''];
    expect(await rootIds(await page.text())).toEqual([a, b, c]);
    expect((await request(path, { headers: { 'If-None-Match': pageTag } })).status).toBe(304);

    await pin(b);
    const after = await request(path, { headers: { 'If-None-Match': pageTag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(pageTag);
    const html = await after.text();
    expect(await rootIds(html)).toEqual([b, a, c]);
    expect(await textsOf(html, `#comment-${b} .pinned`)).toEqual(['مثبّت']);
    expect(await textsOf(html, '.pinned')).toEqual(['مثبّت']);
    // Its replies stay under it, in conversation order.
    expect(await textsOf(html, '#comments > ol > li:first-child .comment-body')).toEqual(['ب', 'رد على ب', 'رد آخر على ب']);
    expect(await rootIds(await (await request(`${path}?sort=newest`)).text())).toEqual([b, c, a]);
    const jsonAfter = await request(`/api/articles/${slug}/comments`, { headers: { 'If-None-Match': jsonTag } });
    expect(jsonAfter.status).toBe(200);

    await pin(b, false);
    const unpinned = await (await request(path)).text();
    expect(await rootIds(unpinned)).toEqual([a, b, c]);
    expect(await textsOf(unpinned, '.pinned')).toEqual([]);
  });

  it('keeps one pin per article: pinning another replaces it', async () => {
    await pin(a);
    await pin(c);
    expect(await rootIds(await (await request(path)).text())).toEqual([c, a, b]);
    const pins = await env.DB.prepare('SELECT id FROM comments WHERE article_slug = ?1 AND pinned_at IS NOT NULL')
      .bind(slug)
      .all();
    expect(pins.results).toEqual([{ id: c }]);
  });

  it('drops the pin when the comment leaves approved: gone from the page, back in its place unpinned when approved again', async () => {
    await pin(c);
    await setStatus(c, 'pending');
    const held = await (await request(path)).text();
    expect(await rootIds(held)).toEqual([a, b]);
    await setStatus(c, 'approved');
    const back = await (await request(path)).text();
    expect(await rootIds(back)).toEqual([a, b, c]);
    expect(await textsOf(back, '.pinned')).toEqual([]);
  });
});
