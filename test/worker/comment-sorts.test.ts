// Sorting an article's comment threads: oldest, newest, most replied, most agreed, on the page and in the API.
import { env } from 'cloudflare:workers';
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import openapi from '../../schemas/openapi.json';
import { COMMENT_SORTS, type CommentSort } from '../../src/domain/comment-sort.ts';
import { rootsSql } from '../../src/storage/comments.ts';
import { admin, seedComment } from './helpers/comments.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { request } from './helpers/http.ts';
import { expectProblem } from './helpers/schemas.ts';

type Thread = { id: number; body: string; reply_count: number; agree_count: number; replies: Thread[] };
type ListBody = { data: Thread[]; meta: { total: number; sort: string; next_cursor: string | null } };

/** Agreements stored directly (fixture data): the reaction endpoint has its own tests. */
async function agree(commentId: number, times: number) {
  for (let i = 0; i < times; i++)
    await env.DB.prepare('INSERT INTO comment_reactions (comment_id, client_hash, created_at) VALUES (?1, ?2, ?3)')
      .bind(commentId, crypto.randomUUID().replaceAll('-', '').padEnd(64, '0'), new Date().toISOString())
      .run();
}

/**
 * Four threads on one article, oldest first: A (1 reply, 2 agree), B (3 replies, 0), C (0 replies, 5), D (1 reply, 2).
 * Expected orders, with ties broken newest first: replies B, D, A, C; agreed C, D, A, B.
 */
async function seedThreads(slug: string) {
  const root = async (body: string, minutesAgo: number) => seedComment({ slug, body, minutesAgo });
  const reply = async (parentId: number, body: string) => seedComment({ slug, body, parentId, depth: 2, minutesAgo: 1 });
  const a = await root('أ', 50);
  const b = await root('ب', 40);
  const c = await root('ج', 30);
  const d = await root('د', 20);
  await reply(a, 'رد على أ');
  for (const n of [1, 2, 3]) await reply(b, `رد ${n} على ب`);
  await seedComment({ slug, body: 'رد معلّق على ج', parentId: c, depth: 2, status: 'pending' });
  await reply(d, 'رد على د');
  await agree(a, 2);
  await agree(c, 5);
  await agree(d, 2);
  return { a, b, c, d };
}

/** Checks a body against a schema of the OpenAPI document's components (the documented contract). */
function expectComponent(name: string, value: unknown) {
  const schema = { $ref: `#/components/schemas/${name}`, components: openapi.components };
  const { errors } = new Validator(schema as never, '2020-12', false).validate(value);
  expect(errors.map((e) => `${e.instanceLocation}: ${e.error}`)).toEqual([]);
}

const list = async (query: string) => {
  const response = await request(`/api/articles/benghazi-port/comments?${query}`);
  return { response, body: (await response.json()) as ListBody };
};

describe('GET /api/articles/:slug/comments?sort=', async () => {
  const { a, b, c, d } = await seedThreads('benghazi-port');
  const EXPECTED: Record<CommentSort, number[]> = {
    oldest: [a, b, c, d],
    newest: [d, c, b, a],
    'most-replied': [b, d, a, c],
    'most-agreed': [c, d, a, b],
  };

  it.each(COMMENT_SORTS)('orders top-level comments by %s, replies oldest first under them', async (sort) => {
    const { response, body } = await list(`sort=${sort}`);
    expect(response.status).toBe(200);
    expectComponent('CommentPage', body);
    expect(body.data.map((t) => t.id)).toEqual(EXPECTED[sort]);
    expect(body.meta.sort).toBe(sort);
    const threadB = body.data.find((t) => t.id === b);
    expect(threadB?.replies.map((r) => r.body)).toEqual(['رد 1 على ب', 'رد 2 على ب', 'رد 3 على ب']);
    expect(threadB?.reply_count).toBe(3);
    // A held reply is neither shown nor counted.
    expect(body.data.find((t) => t.id === c)).toMatchObject({ reply_count: 0, agree_count: 5, replies: [] });
  });

  it.each(COMMENT_SORTS)('pages through %s one thread at a time, the Link and cursor keeping the order', async (sort) => {
    const seen: number[] = [];
    let url: string | null = `/api/articles/benghazi-port/comments?sort=${sort}&limit=1`;
    while (url) {
      const response = await request(url);
      expect(response.status).toBe(200);
      const body = (await response.json()) as ListBody;
      seen.push(...body.data.map((t) => t.id));
      const link = response.headers.get('Link');
      url = link ? (/<([^>]+)>; rel="next"/.exec(link)?.[1] ?? null) : null;
      if (url) {
        expect(url).toContain(`cursor=${encodeURIComponent(body.meta.next_cursor ?? '')}`);
        if (sort !== 'oldest') expect(url).toContain(`sort=${sort}`);
      } else expect(body.meta.next_cursor).toBeNull();
      expect(seen.length).toBeLessThanOrEqual(4);
    }
    expect(seen).toEqual(EXPECTED[sort]);
  });

  it('gives each order its own ETag, and answers 304 to each', async () => {
    const tags = new Set<string>();
    for (const sort of COMMENT_SORTS) {
      const { response } = await list(`sort=${sort}`);
      const etag = response.headers.get('ETag') as string;
      tags.add(etag);
      const again = await request(`/api/articles/benghazi-port/comments?sort=${sort}`, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    }
    expect(tags.size).toBe(COMMENT_SORTS.length);
  });

  it('re-orders "most replied" when a reply is approved, taken back or its parent deleted', async () => {
    const reply = await seedComment({ slug: 'benghazi-port', body: 'رد ثان على أ', parentId: a, depth: 2, status: 'pending' });
    await admin(`/comments/${reply}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) });
    await admin(`/comments/${reply}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) });
    expect((await list('sort=most-replied')).body.data.map((t) => [t.id, t.reply_count])).toEqual([
      [b, 3],
      [a, 2],
      [d, 1],
      [c, 0],
    ]);
    await admin(`/comments/${reply}`, { method: 'PATCH', body: JSON.stringify({ status: 'spam' }) });
    expect((await list('sort=most-replied')).body.data.map((t) => t.id)).toEqual(EXPECTED['most-replied']);
    await admin(`/comments/${reply}`, { method: 'DELETE' });
    expect((await list('sort=most-replied')).body.data.map((t) => t.reply_count)).toEqual([3, 1, 1, 0]);
  });

  it('answers 400 problems to an unknown sort and to a cursor of another order', async () => {
    const unknown = await expectProblem(await request('/api/articles/benghazi-port/comments?sort=best'), 400);
    expect(Object.keys(unknown.errors as object)).toEqual(['sort']);
    const { body } = await list('sort=oldest&limit=1');
    const mixed = await expectProblem(
      await request(`/api/articles/benghazi-port/comments?sort=most-agreed&cursor=${body.meta.next_cursor}`),
      400,
    );
    expect(mixed.errors).toEqual({ cursor: ['must be a cursor handed out for sort=most-agreed'] });
  });
});

describe('comment sorts on the article page', async () => {
  const path = '/articles/ankara-energy';
  const { a, b, c, d } = await seedThreads('ankara-energy');
  const rootIds = async (html: string) =>
    (await attributesOf(html, '#comments > ol > li > .comment', 'id')).map((id) => Number(id?.replace('comment-', '')));

  it('offers plain links to each order above the thread, the current one marked', async () => {
    const html = await (await request(`${path}?sort=most-agreed`)).text();
    expect(await textsOf(html, '.comment-sort a')).toEqual(['الأقدم', 'الأحدث', 'الأكثر ردوداً', 'الأكثر تأييداً']);
    expect(await attributesOf(html, '.comment-sort a', 'href')).toEqual([
      `${path}#comments`,
      `${path}?sort=newest#comments`,
      `${path}?sort=most-replied#comments`,
      `${path}?sort=most-agreed#comments`,
    ]);
    expect(await attributesOf(html, '.comment-sort a', 'aria-current')).toEqual([null, null, null, 'page']);
    expect(await rootIds(html)).toEqual([c, d, a, b]);
  });

  it('shows the orders the links name, each under its own ETag', async () => {
    const tags = new Set<string | null>();
    for (const [sort, ids] of [
      ['oldest', [a, b, c, d]],
      ['newest', [d, c, b, a]],
      ['most-replied', [b, d, a, c]],
    ] as const) {
      const response = await request(`${path}?sort=${sort}`);
      expect(await rootIds(await response.text())).toEqual(ids);
      tags.add(response.headers.get('ETag'));
      const again = await request(`${path}?sort=${sort}`, { headers: { 'If-None-Match': response.headers.get('ETag') ?? '' } });
      expect(again.status).toBe(304);
    }
    expect(tags.size).toBe(3);
  });

  it('keeps the order in the "more comments" link, which shows the next threads in that order', async () => {
    // 100 threads fill a page; seed enough fixture rows at once that a second page exists.
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const insert = env.DB.prepare(
      `INSERT INTO comments (article_slug, author_name, author_email, body, body_fingerprint, status, created_at, updated_at, ip_hash)
       VALUES ('istanbul-talks', 'قارئ', 'bulk@example.com', ?1, ?2, 'approved', ?3, ?3, ?4)`,
    );
    await env.DB.batch(
      Array.from({ length: 101 }, (_, i) => insert.bind(`تعليق ${i}`, i.toString(16).padStart(64, '0'), at, 'f'.repeat(64))),
    );
    const first = await (await request('/articles/istanbul-talks?sort=newest')).text();
    const firstIds = await rootIds(first);
    expect(firstIds).toHaveLength(100);
    const [more] = await attributesOf(first, '#comments > p > a', 'href');
    expect(more).toBe(`?sort=newest&comments_after=${firstIds.at(-1)}#comments`);
    const second = await (await request(`/articles/istanbul-talks${more?.replace('#comments', '')}`)).text();
    const secondIds = await rootIds(second);
    expect(secondIds).toHaveLength(1);
    expect(secondIds[0]).toBeLessThan(Math.min(...firstIds));
  });

  it('answers an unknown order with the Arabic 400 page', async () => {
    const response = await request(`${path}?sort=best`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(await textsOf(html, 'h1')).toEqual(['طلب غير صالح']);
    const mixed = await request(`${path}?sort=most-replied&comments_after=12`);
    expect(mixed.status).toBe(400);
  });
});

describe('the indexes behind each order', () => {
  it.each(COMMENT_SORTS)('%s reads its page from an index range, never a scan or a sort', async (sort) => {
    const sql = `EXPLAIN QUERY PLAN ${rootsSql(sort)}`;
    const params = sort === 'oldest' || sort === 'newest' ? ['x', 0, 10] : ['x', 0, 10, 5];
    const { results } = await env.DB.prepare(sql)
      .bind(...params)
      .all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join('\n');
    expect(plan).toMatch(
      /^SEARCH comments USING (?:COVERING )?INDEX comments_\w+ \(article_slug=\? AND status=\? AND parent_id=\? AND/m,
    );
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN comments/);
  });
});
