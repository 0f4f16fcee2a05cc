import { describe, expect, it } from 'vitest';
import type { ArticleIndex } from '../../src/domain/article.ts';
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

describe('GET /sitemap.xml', () => {
  it('lists the front page, every category and every article with absolute, encoded URLs and lastmod', async () => {
    const response = await request('/sitemap.xml');
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=UTF-8');
    const xml = await response.text();
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'),
    ).toBe(true);
    const listed = locs(xml);
    expect(listed.slice(0, 3)).toEqual([`${ORIGIN}/`, `${ORIGIN}/categories/libya`, `${ORIGIN}/categories/turkey`]);
    expect(listed).toContain(`${ORIGIN}${SEED_PATH}`);
    expect(listed).toHaveLength(3 + 6);
    expect(xml).toContain(`<loc>${ORIGIN}/articles/ankara-energy</loc><lastmod>2026-11-21T00:00:00+02:00</lastmod>`);
  });

  it('has an ETag and answers 304', async () => {
    const etag = (await request('/sitemap.xml')).headers.get('ETag') ?? '';
    expect((await request('/sitemap.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('the news sitemap', () => {
  const index: ArticleIndex = {
    hash: 'h',
    articles: [
      {
        slug: 'fresh',
        title: 'عاجل & مهم',
        dek: '',
        category: { slug: 'libya', name: 'ليبيا' },
        published_at: '2026-11-30T08:00:00+02:00',
        updated_at: '2026-11-30T08:00:00+02:00',
        hash: 'a',
      },
      {
        slug: 'old',
        title: 'قديم',
        dek: '',
        category: { slug: 'libya', name: 'ليبيا' },
        published_at: '2026-11-20T08:00:00+02:00',
        updated_at: '2026-11-20T08:00:00+02:00',
        hash: 'b',
      },
    ],
  };

  it('lists only the last two days, with publication name, language, date and escaped title', () => {
    const xml = newsSitemapXml(ORIGIN, index, new Date('2026-11-30T12:00:00Z'));
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
