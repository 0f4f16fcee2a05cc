// A large archive in the real local D1: 2,500 articles in one category (generated here, nothing committed), on top of
// the published fixtures. Lists, the API and the sitemaps must serve both ends of it, and every list query must be a
// range search of an index, so the deepest page costs what the first does.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, request } from './helpers/http.ts';
import { expectSchema } from './helpers/schemas.ts';

const ARCHIVE = 2500;
/** Published an hour apart, oldest first: archive-1 in 2020, archive-2500 about 104 days later. */
const START_MS = Date.parse('2020-01-01T00:00:00Z');

/** Rows as the publisher writes them (positions left to the refresh), generated in SQL. */
const insertArchive = (count: number, from: number, startMs: number, stepMs: number, category = 'archive') =>
  env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT CAST(?1 AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?1 + ?2 - 1)
     INSERT INTO articles (slug, title, dek, category_slug, category_name, published_at, updated_at, published_ms,
       updated_ms, hash)
     SELECT ?5 || '-' || i, 'عنوان ' || i, 'موجز', ?5, 'أرشيف',
       strftime('%Y-%m-%dT%H:%M:%S+00:00', CAST((?3 + i * ?4) / 1000 AS INTEGER), 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%S+00:00', CAST((?3 + i * ?4) / 1000 AS INTEGER), 'unixepoch'),
       CAST(?3 + i * ?4 AS INTEGER), CAST(?3 + i * ?4 AS INTEGER), 'hash-' || i FROM n`,
  )
    .bind(from, count, startMs, stepMs, category)
    .run();

const refresh = () => env.DB.exec(env.TEST_CATALOG_REFRESH_SQL);

beforeAll(async () => {
  await insertArchive(ARCHIVE, 1, START_MS, 3_600_000);
  await refresh();
});

const slugsOf = (html: string) => [...html.matchAll(/<h2><a href="\/articles\/([^"]+)">/g)].map((m) => m[1]);

describe('a category of 2,500 articles', () => {
  it('page 1 shows the 20 newest, and the last page (125) the 20 oldest, in order', async () => {
    const first = await request('/categories/archive');
    expect(first.status).toBe(200);
    expect(slugsOf(await first.text())).toEqual(Array.from({ length: 20 }, (_, i) => `archive-${ARCHIVE - i}`));
    const last = await request('/categories/archive?page=125');
    expect(last.status).toBe(200);
    const html = await last.text();
    expect(slugsOf(html)).toEqual(Array.from({ length: 20 }, (_, i) => `archive-${20 - i}`));
    expect(html).toContain('href="/categories/archive?page=124"');
    expect(html).not.toContain('page=126');
    expect((await request('/categories/archive?page=126')).status).toBe(404);
  });

  it('the API serves both ends with the right totals and links', async () => {
    const response = await request('/api/articles?category=archive&per_page=100&page=25');
    const body = (await response.json()) as { data: Array<{ slug: string }>; meta: { pagination: unknown } };
    expectSchema('articleList', body);
    expect(body.data.map((a) => a.slug)).toEqual(Array.from({ length: 100 }, (_, i) => `archive-${100 - i}`));
    expect(body.meta.pagination).toEqual({ page: 25, per_page: 100, total: ARCHIVE, pages: 25 });
    expect(response.headers.get('Link')).toContain(`<${ORIGIN}/api/articles?category=archive&page=24&per_page=100>; rel="prev"`);
    const partial = (await (await request('/api/articles?category=archive&per_page=7&page=358')).json()) as typeof body;
    expect(partial.data.map((a) => a.slug)).toEqual(['archive-1']);
  });

  it("the site's list pages across the archive and the fixtures, the oldest fixture last", async () => {
    const total = ARCHIVE + 6;
    const newest = (await (await request('/api/articles?per_page=3')).json()) as { data: Array<{ slug: string }> };
    expect(newest.data[0]?.slug).not.toMatch(/^archive-/); // the fixtures are from 2026
    const lastPage = Math.ceil(total / 20);
    const html = await (await request(`/?page=${lastPage}`)).text();
    expect(slugsOf(html).at(-1)).toBe('archive-1');
    expect(slugsOf(html)).toHaveLength(total - (lastPage - 1) * 20);
  });

  it('a page that changes gets a new ETag; a page far from the change keeps its own', async () => {
    const tagOf = async (path: string) => (await request(path)).headers.get('ETag');
    const [first, deep] = [await tagOf('/categories/archive'), await tagOf('/categories/archive?page=100')];
    await insertArchive(1, ARCHIVE + 1, START_MS, 3_600_000);
    await refresh();
    expect(await tagOf('/categories/archive')).not.toBe(first);
    // Page 100 shows the same 20 articles, but the pager counts one more article: the size is part of the tag.
    expect(await tagOf('/categories/archive?page=100')).not.toBe(deep);
    await env.DB.prepare("DELETE FROM articles WHERE slug = 'archive-2501'").run();
    await refresh();
    expect(await tagOf('/categories/archive?page=100')).toBe(deep);
  });
});

describe('the catalog stays cheap to keep', () => {
  it('publishing the newest article numbers that one row and renumbers no other', async () => {
    await insertArchive(1, 1, Date.parse('2027-01-01T00:00:00Z'), 0, 'latest');
    const { meta } = await env.DB.prepare(env.TEST_CATALOG_REFRESH_SQL.split('\n')[0] as string).run();
    expect(meta.changes).toBe(1);
    await env.DB.prepare("DELETE FROM articles WHERE slug = 'latest-1'").run();
    await refresh();
  });

  it.each([
    ['the site, any page', 'SELECT slug FROM articles WHERE position BETWEEN ?1 AND ?2 ORDER BY position DESC'],
    [
      'a category, any page',
      "SELECT slug FROM articles WHERE category_slug = 'archive' AND category_position BETWEEN ?1 AND ?2 ORDER BY category_position DESC",
    ],
    [
      'the news sitemap',
      'SELECT slug FROM articles WHERE published_ms BETWEEN ?1 AND ?2 ORDER BY published_ms DESC, slug LIMIT 1000',
    ],
  ])('%s is an index range search, with no scan of the table', async (_, sql) => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(0, 19).all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH articles USING (COVERING )?INDEX/);
    expect(plan).not.toMatch(/SCAN articles(?! USING)/);
  });
});

describe('the sitemaps of a large archive', () => {
  it('the index names one article sitemap per 1,000 articles, each with its newest lastmod', async () => {
    const xml = await (await request('/sitemap.xml')).text();
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      `${ORIGIN}/sitemaps/pages.xml`,
      `${ORIGIN}/sitemaps/articles-1.xml`,
      `${ORIGIN}/sitemaps/articles-2.xml`,
      `${ORIGIN}/sitemaps/articles-3.xml`,
    ]);
    // Chunk 1 is archive-1 … archive-1000, published hourly from 2020-01-01T01:00.
    expect(xml).toContain(`<loc>${ORIGIN}/sitemaps/articles-1.xml</loc><lastmod>2020-02-11T16:00:00+00:00</lastmod>`);
  });

  it('a child lists its 1,000 articles oldest first; the newest child the rest', async () => {
    const locs = async (path: string) =>
      [...(await (await request(path)).text()).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const first = await locs('/sitemaps/articles-1.xml');
    expect(first).toHaveLength(1000);
    expect([first[0], first.at(-1)]).toEqual([`${ORIGIN}/articles/archive-1`, `${ORIGIN}/articles/archive-1000`]);
    expect(await locs('/sitemaps/articles-3.xml')).toHaveLength(ARCHIVE + 6 - 2000);
    expect((await request('/sitemaps/articles-4.xml')).status).toBe(404);
  });

  it('the news sitemap lists at most 1,000 articles, all from the last two days, newest first', async () => {
    const now = Date.now();
    await insertArchive(1200, 1, now - 1200 * 60_000, 60_000, 'today'); // one a minute, up to now
    await insertArchive(1, 5000, now - 3 * 86_400_000 - 5000, 1, 'old'); // three days ago
    await refresh();
    const xml = await (await request('/news-sitemap.xml')).text();
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toHaveLength(1000);
    expect(locs[0]).toBe(`${ORIGIN}/articles/today-1200`);
    expect(locs).not.toContain(`${ORIGIN}/articles/old-5000`);
  });
});
