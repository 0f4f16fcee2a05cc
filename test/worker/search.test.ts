import { describe, expect, it } from 'vitest';
import { admin, findComments, newReader, postComment, seedComment, setStatus } from './helpers/comments.ts';
import { attributesOf, count, textsOf } from './helpers/html.ts';
import { ORIGIN, request, SEED_PATH } from './helpers/http.ts';
import { expectProblem } from './helpers/schemas.ts';

type Results = {
  data: Array<{ kind: string; title: string; url: string; snippet_html: string }>;
  meta: { pagination: { total: number } };
};

const searchApi = async (q: string) => {
  const response = await request(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Results;
};

describe('GET /api/search', () => {
  it.each(['تُرْكِيَا', 'تركيـــا', 'انقرة', 'ليبيه', 'وتركيا', 'الليبية', 'حفتر'])('finds the seed article for «%s»', async (q) => {
    const { data } = await searchApi(q);
    expect(data.map((r) => r.url)).toContain(`${ORIGIN}${SEED_PATH}`);
  });

  it('ranks title matches first, and marks the matched words in the snippet', async () => {
    const { data, meta } = await searchApi('أنقرة');
    expect(meta.pagination).toEqual({ page: 1, per_page: 10, total: data.length, pages: 1 });
    expect(data[0]?.url).toBe(`${ORIGIN}/articles/${encodeURIComponent('أنقرة-تستقبل-وفدا')}`);
    const seed = data.find((r) => r.url === `${ORIGIN}${SEED_PATH}`);
    expect(seed?.snippet_html).toContain('<mark>أنقرة</mark>');
  });

  it('finds a comment only once it is approved, and no longer once it is not', async () => {
    const word = `كلمةفريدة${crypto.randomUUID().slice(0, 4).replace(/\d/g, 'ب')}`;
    const reader = newReader();
    expect((await postComment(SEED_PATH, { name: 'باحث', email: reader.email, body: `تعليق فيه ${word}` }, reader)).status).toBe(
      202,
    );
    expect((await searchApi(word)).data).toEqual([]);
    const [held] = await findComments(word);
    await setStatus(held?.id ?? 0, 'approved');
    const found = await searchApi(word);
    expect(found.data).toEqual([expect.objectContaining({ kind: 'comment', url: `${ORIGIN}${SEED_PATH}#comment-${held?.id}` })]);
    expect(found.data[0]?.snippet_html).toContain(`<mark>${word}</mark>`);
    await setStatus(held?.id ?? 0, 'trash');
    expect((await searchApi(word)).data).toEqual([]);
    await setStatus(held?.id ?? 0, 'approved');
    expect((await admin(`/comments/${held?.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await searchApi(word)).data).toEqual([]);
  });

  it('indexes comments approved on arrival', async () => {
    const word = 'مصطلحمعتمدمباشرة';
    await seedComment({ slug: 'benghazi-port', body: `رأي ${word}` });
    expect((await searchApi(word)).data.map((r) => r.kind)).toEqual(['comment']);
  });

  it.each(['"', '*', 'NEAR(', 'تركيا"', '"تركيا" OR *', 'a AND NOT b', "'; DROP TABLE comments; --"])(
    'treats FTS5 syntax in «%s» as text: results or a clear 400, never a 500',
    async (q) => {
      const response = await request(`/api/search?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(response.status);
      if (response.status === 400) expect((await expectProblem(response, 400)).errors).toHaveProperty('q');
    },
  );

  it('answers 400 to a missing or 10 KB query', async () => {
    await expectProblem(await request('/api/search'), 400);
    const problem = await expectProblem(await request(`/api/search?q=${'ت'.repeat(10_000)}`), 400);
    expect(problem.errors).toHaveProperty('q');
  });
});

describe('GET /search', () => {
  it('shows the results in Arabic with the matches marked, kept out of search engines', async () => {
    const response = await request(`/search?q=${encodeURIComponent('تركيا')}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect((await textsOf(html, 'h1'))[0]).toBe('نتائج البحث عن «تركيا»');
    expect(await attributesOf(html, '.search-results h2 a', 'href')).toContain(SEED_PATH);
    expect(await count(html, '.snippet mark')).toBeGreaterThan(0);
    expect(await attributesOf(html, 'meta[name="robots"]', 'content')).toEqual(['noindex']);
  });

  it('says so when nothing matches, and shows just the box for an empty query', async () => {
    const none = await (await request(`/search?q=${encodeURIComponent('زنجبيلستان')}`)).text();
    expect(await textsOf(none, '[role="status"]')).toEqual(['لا توجد نتائج']);
    const empty = await (await request('/search')).text();
    expect(await textsOf(empty, 'h1')).toEqual(['البحث في منبر']);
  });

  it('is reachable from the search box in every page header, without JavaScript', async () => {
    const html = await (await request('/')).text();
    expect(await attributesOf(html, 'search form', 'action')).toEqual(['/search']);
    expect(await attributesOf(html, 'search input[type="search"]', 'name')).toEqual(['q']);
    expect(await textsOf(html, 'search label')).toEqual(['ابحث']);
  });
});
