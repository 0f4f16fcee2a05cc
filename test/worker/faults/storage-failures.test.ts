// Failing storage, injected for real: KV values deleted or corrupted, a D1 binding that throws, a D1 that fails in the
// middle of a request. What readers, API clients and caches get: status, body, Cache-Control, ETag, Retry-After.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMENTS_UNAVAILABLE } from '../../../src/views/article-page.tsx';
import { newReader } from '../helpers/comments.ts';
import { THROWING_DB } from '../helpers/faults.ts';
import { ORIGIN, request, requestWithEnv, SEED_PATH } from '../helpers/http.ts';
import { expectProblem, expectSchema } from '../helpers/schemas.ts';

const SLUG = 'benghazi-port';
const PAGE = `/articles/${SLUG}`;
const KEY = `v1:article:${SLUG}`;

/** KV values changed by a test, restored after it. */
const saved = new Map<string, string | null>();
async function damage(key: string, value: string | null): Promise<void> {
  if (!saved.has(key)) saved.set(key, await env.ARTICLES.get(key));
  if (value === null) await env.ARTICLES.delete(key);
  else await env.ARTICLES.put(key, value);
}
afterEach(async () => {
  for (const [key, value] of saved) if (value !== null) await env.ARTICLES.put(key, value);
  saved.clear();
});

/** What no cache may keep: a 503 with Retry-After, not storable, no validator. */
function expectUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  expect(response.headers.get('Retry-After')).toBe('30');
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  expect(response.headers.get('CDN-Cache-Control')).toBeNull();
  expect(response.headers.get('ETag')).toBeNull();
}

async function expectUnavailableProblem(response: Response): Promise<void> {
  expectUnavailable(response);
  const problem = await expectProblem(response, 503);
  expect(problem.type).toBe(`${ORIGIN}/problems/unavailable`);
  expect(JSON.stringify(problem)).not.toMatch(/D1|KV|SQLITE|no such table|v1:/);
}

async function expectUnavailablePage(response: Response): Promise<void> {
  expectUnavailable(response);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  expect(await response.text()).toContain('الخدمة غير متاحة مؤقتاً');
}

/** A real D1 that fails from the `n`-th query of the request on (a database that goes away mid-request). */
function failingAfter(n: number): D1Database {
  let queries = 0;
  const fail = () => {
    queries += 1;
    if (queries > n) throw new Error('D1_ERROR: Network connection lost.');
  };
  return {
    withSession: (bookmark: string) => {
      const session = env.DB.withSession(bookmark);
      return {
        prepare: (sql: string) => {
          const wrap = (statement: D1PreparedStatement): D1PreparedStatement =>
            new Proxy(statement, {
              get(target, name) {
                if (name === 'bind') return (...values: unknown[]) => wrap(target.bind(...values));
                const member = Reflect.get(target, name, target);
                if (typeof member !== 'function') return member;
                return (...args: unknown[]) => {
                  fail();
                  return member.apply(target, args);
                };
              },
            });
          return wrap(session.prepare(sql));
        },
        batch: (statements: D1PreparedStatement[]) => {
          fail();
          return session.batch(statements);
        },
        getBookmark: () => session.getBookmark(),
      };
    },
  } as unknown as D1Database;
}

describe('errors are never cacheable', () => {
  it('a 500 after the page set its cache headers and ETag answers no-store, without validators', async () => {
    const stored = (await env.ARTICLES.get<Record<string, unknown>>(KEY, 'json')) ?? {};
    // The right shape, but a date no formatter accepts: rendering fails after the ETag was chosen.
    await damage(KEY, JSON.stringify({ ...stored, published_at: 'yesterday' }));
    const response = await request(PAGE);
    expect(response.status).toBe(500);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('CDN-Cache-Control')).toBeNull();
    expect(response.headers.get('ETag')).toBeNull();
    expect(await response.text()).toContain('حدث خطأ من جهتنا');
  });
});

describe('without the comments database', () => {
  const reader = newReader();

  it('readers still get the article page, saying comments are unavailable, kept only briefly and without an ETag', async () => {
    const response = await requestWithEnv(PAGE, { DB: THROWING_DB });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=10');
    expect(response.headers.get('CDN-Cache-Control')).toBeNull();
    expect(response.headers.get('ETag')).toBeNull();
    expect(response.headers.get('Retry-After')).toBeNull();
    const html = await response.text();
    expect(html).toContain('ميناء بنغازي');
    expect(html).toContain(COMMENTS_UNAVAILABLE);
    expect(html).not.toContain('<form method="post"');
  });

  it('the article JSON still has the article, with a null comment count and no ETag', async () => {
    for (const [path, headers] of [
      [`/api${PAGE}`, {}],
      [PAGE, { Accept: 'application/json' }],
    ] as const) {
      const response = await requestWithEnv(path, { DB: THROWING_DB }, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=10');
      expect(response.headers.get('ETag')).toBeNull();
      const body = (await response.json()) as { slug: string; comments: { count: number | null } };
      expectSchema('article', body);
      expect(body.slug).toBe(SLUG);
      expect(body.comments.count).toBeNull();
    }
  });

  it('a D1 that fails after the version was read drops the ETag it had chosen', async () => {
    const response = await requestWithEnv(`/api${PAGE}`, { DB: failingAfter(1) });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=10');
    expect(((await response.json()) as { comments: { count: number | null } }).comments.count).toBeNull();
    const page = await requestWithEnv(PAGE, { DB: failingAfter(1) });
    expect(page.headers.get('ETag')).toBeNull();
    expect(await page.text()).toContain(COMMENTS_UNAVAILABLE);
  });

  it('the comment endpoints answer 503 with Retry-After', async () => {
    await expectUnavailableProblem(await requestWithEnv(`/api${PAGE}/comments`, { DB: THROWING_DB }));
    await expectUnavailableProblem(await requestWithEnv(`/api${PAGE}/comments/1`, { DB: THROWING_DB }));
    await expectUnavailableProblem(
      await requestWithEnv(
        `/api${PAGE}/comments`,
        { DB: THROWING_DB },
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
          body: JSON.stringify({ name: reader.name, email: reader.email, body: 'تعليق أثناء العطل' }),
        },
      ),
    );
    await expectUnavailablePage(
      await requestWithEnv(
        `${PAGE}/comments`,
        { DB: THROWING_DB },
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': reader.ip },
          body: new URLSearchParams({ name: reader.name, email: reader.email, body: 'تعليق أثناء العطل' }).toString(),
        },
      ),
    );
  });

  it('search and the comments feed answer 503 with Retry-After', async () => {
    await expectUnavailableProblem(await requestWithEnv('/api/search?q=بنغازي', { DB: THROWING_DB }));
    await expectUnavailablePage(await requestWithEnv(`${PAGE}/comments/feed.xml`, { DB: THROWING_DB }));
  });

  it('with the database back, the page has its comments and ETag again', async () => {
    const response = await request(PAGE);
    expect(response.headers.get('ETag')).toMatch(/^"/);
    expect(await response.text()).not.toContain(COMMENTS_UNAVAILABLE);
  });
});

describe('missing or unreadable KV data is unavailable, never an empty 200', () => {
  it('a missing index: front page, category, article list, sitemaps and search answer 503', async () => {
    await damage('v1:index', null);
    await expectUnavailablePage(await request('/'));
    await expectUnavailablePage(await request('/categories/libya'));
    await expectUnavailableProblem(await request('/api/articles'));
    await expectUnavailablePage(await request('/sitemap.xml'));
    await expectUnavailablePage(await request('/news-sitemap.xml'));
    await expectUnavailablePage(await request('/search?q=بنغازي'));
    await expectUnavailableProblem(await request('/api/search?q=بنغازي'));
  });

  it('an index of the wrong shape answers 503', async () => {
    await damage('v1:index', JSON.stringify({ hash: 'x', articles: [{ slug: 'only-a-slug' }] }));
    await expectUnavailableProblem(await request('/api/articles'));
  });

  it('a missing site feed answers 503', async () => {
    await damage('v1:feed:all', null);
    await expectUnavailablePage(await request('/feed.xml'));
  });

  it.each([
    ['{} as an article', '{}'],
    ['a value that is not JSON', '{"slug": "benghazi-port", "tit'],
    ['an article of another format', JSON.stringify({ slug: SLUG, title: 'x', format: 2, content: [] })],
  ])('%s answers 503 to readers, API clients and commenters (never 403 "comments closed")', async (_, value) => {
    await damage(KEY, value);
    await expectUnavailablePage(await request(PAGE));
    await expectUnavailableProblem(await request(`/api${PAGE}`));
    await expectUnavailableProblem(await request(`/api${PAGE}/comments`));
    const reader = newReader();
    await expectUnavailableProblem(
      await request(`/api${PAGE}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
        body: JSON.stringify({ name: reader.name, email: reader.email, body: 'تعليق على مستند تالف' }),
      }),
    );
  });

  it('a KV binding that throws answers 503', async () => {
    const broken = {
      get: () => Promise.reject(new Error('KV GET failed: 500 Internal Server Error')),
    } as unknown as KVNamespace;
    await expectUnavailablePage(await requestWithEnv('/', { ARTICLES: broken }));
    await expectUnavailableProblem(await requestWithEnv(`/api${SEED_PATH}`, { ARTICLES: broken }));
  });

  it('an article that is simply not published is still 404', async () => {
    const response = await request('/api/articles/never-published');
    await expectProblem(response, 404);
    expect(response.headers.get('Retry-After')).toBeNull();
  });
});
