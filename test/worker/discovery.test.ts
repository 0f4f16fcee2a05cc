import { describe, expect, it } from 'vitest';
import { newsSitemapXml } from '../../src/views/sitemaps.ts';
import { ORIGIN, request, SEED_PATH } from './helpers/http.ts';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('GET /robots.txt', () => {
  it('allows crawling, keeps the admin API out, and names both sitemaps', async () => {
    const response = await request('/robots.txt');
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=UTF-8');
    const text = await response.text();
    expect(text).toContain('User-agent: *\nAllow: /\nDisallow: /api/admin/');
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml`);
  });
});

describe('GET /sitemap.xml (the sitemap index)', () => {
  it('points to the pages sitemap and each article sitemap, with absolute URLs and the newest lastmod of each', async () => {
    const response = await request('/sitemap.xml');
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=UTF-8');
    const xml = await response.text();
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    ).toBe(true);
    expect(locs(xml)).toEqual([`${ORIGIN}/sitemaps/pages.xml`, `${ORIGIN}/sitemaps/articles-1.xml`]);
    const newest = '2026-11-30T00:00:00+02:00';
    expect(xml).toContain(`<loc>${ORIGIN}/sitemaps/pages.xml</loc><lastmod>${newest}</lastmod>`);
    expect(xml).toContain(`<loc>${ORIGIN}/sitemaps/articles-1.xml</loc><lastmod>${newest}</lastmod>`);
  });

  it('has an ETag and answers 304', async () => {
    const etag = (await request('/sitemap.xml')).headers.get('ETag') ?? '';
    expect((await request('/sitemap.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('GET /sitemaps/:name', () => {
  it('pages.xml lists the front page and every category with the newest change it shows', async () => {
    const xml = await (await request('/sitemaps/pages.xml')).text();
    expect(locs(xml)).toEqual([`${ORIGIN}/`, `${ORIGIN}/categories/libya`, `${ORIGIN}/categories/turkey`]);
    expect(xml).toContain(`<loc>${ORIGIN}/categories/turkey</loc><lastmod>2026-11-21T00:00:00+02:00</lastmod>`);
  });

  it('articles-1.xml lists every article, oldest first, encoded, with lastmod', async () => {
    const response = await request('/sitemaps/articles-1.xml');
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=UTF-8');
    const xml = await response.text();
    const listed = locs(xml);
    expect(listed).toContain(`${ORIGIN}${SEED_PATH}`);
    expect(listed).toHaveLength(6);
    expect(listed.at(-1)).toBe(`${ORIGIN}${SEED_PATH}`);
    expect(xml).toContain(`<loc>${ORIGIN}/articles/ankara-energy</loc><lastmod>2026-11-21T00:00:00+02:00</lastmod>`);
    const etag = response.headers.get('ETag') ?? '';
    expect((await request('/sitemaps/articles-1.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it.each(['articles-2.xml', 'articles-0.xml', 'articles-x.xml', 'other.xml'])('answers 404 for %s', async (name) => {
    expect((await request(`/sitemaps/${name}`)).status).toBe(404);
  });
});

describe('the news sitemap', () => {
  const recent = [{ slug: 'fresh', title: 'عاجل & مهم', published_at: '2026-11-30T08:00:00+02:00' }];

  it('lists the given articles with publication name, language, date and escaped title', () => {
    const xml = newsSitemapXml(ORIGIN, recent);
    expect(locs(xml)).toEqual([`${ORIGIN}/articles/fresh`]);
    expect(xml).toContain('<news:publication><news:name>منبر</news:name><news:language>ar</news:language></news:publication>');
    expect(xml).toContain(
      '<news:publication_date>2026-11-30T08:00:00+02:00</news:publication_date><news:title>عاجل &amp; مهم</news:title>',
    );
  });

  it('is served as XML with the news namespace', async () => {
    const response = await request('/news-sitemap.xml');
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=UTF-8');
    const xml = await response.text();
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    for (const match of xml.matchAll(/<news:publication_date>([^<]*)</g))
      expect(Date.parse(match[1] ?? '')).toBeGreaterThanOrEqual(twoDaysAgo);
  });
});
