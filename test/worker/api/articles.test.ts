import { describe, expect, it } from 'vitest';
import { ORIGIN, request, SEED_PATH, SEED_SLUG } from '../helpers/http.ts';
import { expectProblem, expectSchema } from '../helpers/schemas.ts';

type ArticleList = {
  data: Array<{ slug: string; category: { slug: string }; published_at: string }>;
  meta: { pagination: Record<string, number> };
};

const list = async (query = '') => {
  const response = await request(`/api/articles${query}`);
  return { response, body: (await response.json()) as ArticleList };
};

describe('GET /api/articles', () => {
  it('lists every published article, newest first, in the documented shape', async () => {
    const { response, body } = await list();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expectSchema('articleList', body);
    expect(body.data.map((a) => a.slug)).toEqual([
      SEED_SLUG,
      'ankara-energy',
      'istanbul-talks',
      'benghazi-port',
      'hostile-title',
      'أنقرة-تستقبل-وفدا',
    ]);
    const times = body.data.map((a) => Date.parse(a.published_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.meta.pagination).toEqual({ page: 1, per_page: 20, total: 6, pages: 1 });
  });

  it('paginates with meta.pagination and Link headers', async () => {
    const { response, body } = await list('?per_page=2&page=2');
    expect(body.data.map((a) => a.slug)).toEqual(['istanbul-talks', 'benghazi-port']);
    expect(body.meta.pagination).toEqual({ page: 2, per_page: 2, total: 6, pages: 3 });
    const link = response.headers.get('Link') ?? '';
    expect(link).toContain(`<${ORIGIN}/api/articles?page=3&per_page=2>; rel="next"`);
    expect(link).toContain(`<${ORIGIN}/api/articles?page=1&per_page=2>; rel="prev"`);
    expect(link).toContain('rel="first"');
    expect(link).toContain('rel="last"');
  });

  it('has no next link on the last page and an empty page past the end', async () => {
    const last = await list('?per_page=4&page=2');
    expect(last.body.data).toHaveLength(2);
    expect(last.response.headers.get('Link')).not.toContain('rel="next"');
    const beyond = await list('?per_page=2&page=9');
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.pagination.total).toBe(6);
  });

  it('filters by category, keeping the filter in its links', async () => {
    const { response, body } = await list('?category=turkey&per_page=1');
    expect(body.data.map((a) => a.category.slug)).toEqual(['turkey']);
    expect(body.meta.pagination).toEqual({ page: 1, per_page: 1, total: 4, pages: 4 });
    expect(response.headers.get('Link')).toContain('/api/articles?category=turkey&page=2&per_page=1>; rel="next"');
    expect((await list('?category=%D9%84%D8%A7-%D8%B4%D9%8A%D8%A1')).body.data).toEqual([]);
  });

  it.each([
    ['?page=0', 'page'],
    ['?page=abc', 'page'],
    ['?page=1.5', 'page'],
    ['?page=', 'page'],
    ['?per_page=101', 'per_page'],
    ['?per_page=0', 'per_page'],
    ['?page=1&page=2', 'page'],
    ['?category=Not%20A%20Slug', 'category'],
  ])('answers 400 problem+json naming the field for %s', async (query, field) => {
    const problem = await expectProblem(await request(`/api/articles${query}`), 400);
    expect(problem.type).toBe(`${ORIGIN}/problems/invalid-parameters`);
    expect(Object.keys(problem.errors as object)).toEqual([field]);
    expect(String(problem.detail)).toContain(field);
  });
});

describe('GET /api/articles/:slug', () => {
  it('returns the article in the documented shape', async () => {
    const response = await request(`/api${SEED_PATH}`);
    expect(response.status).toBe(200);
    const article = (await response.json()) as Record<string, unknown>;
    expectSchema('article', article);
    expect(article).toMatchObject({
      slug: SEED_SLUG,
      url: `${ORIGIN}${SEED_PATH}`,
      lang: 'ar',
      dir: 'rtl',
      category: { slug: 'libya', name: 'ليبيا', url: `${ORIGIN}/categories/libya` },
      tags: [],
      authors: [],
      image: null,
      published_at: '2026-11-30T00:00:00+02:00',
      updated_at: '2026-11-30T00:00:00+02:00',
      comments: { open: true, count: 0, url: `${ORIGIN}/api${SEED_PATH}/comments` },
    });
    expect(article.word_count).toBeGreaterThan(300);
    expect(article.reading_minutes).toBe(2);
  });

  it('carries optional fields when the editor gave them', async () => {
    const article = (await (await request('/api/articles/ankara-energy')).json()) as Record<string, unknown>;
    expectSchema('article', article);
    expect(article).toMatchObject({
      tags: ['طاقة', 'بحر'],
      authors: [{ name: 'هدى المصراتي', url: 'https://minbar.example.com/authors/huda' }, { name: 'سالم الورفلي' }],
      image: { url: 'https://images.example.org/ankara.jpg', alt: 'ميناء أنقرة', width: 1200, height: 675 },
      published_at: '2026-11-20T10:30:00+02:00',
      updated_at: '2026-11-21T00:00:00+02:00',
      headings: [{ id: 'خلفية', text: 'خلفية' }],
    });
    expect(article.body_html).toContain('<a href="https://example.org/a?x=1&amp;y=2">');
    const closed = (await (await request('/api/articles/istanbul-talks')).json()) as { comments: { open: boolean } };
    expect(closed.comments.open).toBe(false);
  });

  it('answers 404 problem+json for an unknown slug', async () => {
    const problem = await expectProblem(await request('/api/articles/no-such-article'), 404);
    expect(problem.type).toBe(`${ORIGIN}/problems/not-found`);
    expect(problem.detail).toContain('no-such-article');
    expect(problem.instance).toBe('/api/articles/no-such-article');
  });
});

describe('the API as a whole', () => {
  it('answers unknown API paths with 404 problem+json, not the HTML page', async () => {
    await expectProblem(await request('/api/nothing-here'), 404);
  });

  it('answers 405 with Allow for a method the resource does not support', async () => {
    const response = await request('/api/articles', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    const problem = await expectProblem(response, 405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expect(problem.detail).toContain('POST');
    expect((await request(`/api${SEED_PATH}`, { method: 'DELETE' })).status).toBe(405);
  });

  it('answers 406 to a client that accepts no JSON', async () => {
    await expectProblem(await request('/api/articles', { headers: { Accept: 'text/html' } }), 406);
    expect((await request('/api/articles', { headers: { Accept: 'application/*' } })).status).toBe(200);
    expect((await request('/api/articles', { headers: { Accept: '*/*' } })).status).toBe(200);
  });

  it('lets any origin read it (CORS) and exposes its caching and paging headers', async () => {
    const response = await request('/api/articles', { headers: { Origin: 'https://partner.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
  });
});
