import { describe, expect, it } from 'vitest';
import { attributesOf, count, textsOf } from './helpers/html.ts';
import { ORIGIN, request, SEED_PATH } from './helpers/http.ts';
import { expectProblem, expectSchema } from './helpers/schemas.ts';

const page = async (path: string, init?: RequestInit) => {
  const response = await request(path, init);
  return { response, html: await response.text() };
};

describe('GET /articles/:slug', () => {
  it('is an Arabic, right-to-left document with a skip link to the main content', async () => {
    const { response, html } = await page(SEED_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    expect(html.startsWith('<!doctype html><html lang="ar" dir="rtl">')).toBe(true);
    expect(await attributesOf(html, 'a.skip', 'href')).toEqual(['#main']);
    expect(await attributesOf(html, 'main', 'id')).toEqual(['main']);
    expect(await count(html, 'header.site-header')).toBe(1);
    expect(await count(html, 'footer.site-footer')).toBe(1);
  });

  it('shows one h1, the dek, a breadcrumb to the category and a readable date', async () => {
    const { html } = await page(SEED_PATH);
    expect(await count(html, 'h1')).toBe(1);
    expect(await textsOf(html, '.crumbs a')).toEqual(['الرئيسية', 'ليبيا']);
    expect(await attributesOf(html, '.crumbs a', 'href')).toEqual(['/', '/categories/libya']);
    expect(await attributesOf(html, 'article time', 'datetime')).toEqual(['2026-11-30T00:00:00+02:00']);
    expect(await textsOf(html, 'article time')).toEqual(['30 نوفمبر 2026']);
    expect(await textsOf(html, 'article .meta')).toEqual(['30 نوفمبر 2026 · دقيقتا قراءة']);
  });

  it('gives subheadings stable ids that match the JSON headings', async () => {
    const { html } = await page(SEED_PATH);
    const json = (await (await request(`/api${SEED_PATH}`)).json()) as { headings: Array<{ id: string }> };
    expect(await attributesOf(html, 'article h2', 'id')).toEqual(json.headings.map((h) => h.id));
    expect(json.headings[0]?.id).toBe('زيارات-متعددة-لوفود-رسمية');
  });

  it('describes itself to search engines and social networks', async () => {
    const { html } = await page(SEED_PATH);
    const url = `${ORIGIN}${SEED_PATH}`;
    expect(await attributesOf(html, 'link[rel="canonical"]', 'href')).toEqual([url]);
    expect(await attributesOf(html, 'meta[name="description"]', 'content')).toEqual([
      'صدام حفتر زار أنقرة للمرة الثالثة خلال أقل من عامين، والثانية خلال شهور',
    ]);
    const og = async (property: string) => (await attributesOf(html, `meta[property="${property}"]`, 'content'))[0];
    expect(await og('og:type')).toBe('article');
    expect(await og('og:locale')).toBe('ar_LY');
    expect(await og('og:url')).toBe(url);
    expect(await og('article:published_time')).toBe('2026-11-30T00:00:00+02:00');
    expect(await og('article:section')).toBe('ليبيا');
    expect(await attributesOf(html, 'meta[name="twitter:card"]', 'content')).toEqual(['summary']);
    const [jsonLd] = await textsOf(html, 'script[type="application/ld+json"]');
    expect(JSON.parse(jsonLd ?? '')).toMatchObject({
      '@type': 'NewsArticle',
      inLanguage: 'ar',
      articleSection: 'ليبيا',
      datePublished: '2026-11-30T00:00:00+02:00',
      dateModified: '2026-11-30T00:00:00+02:00',
      mainEntityOfPage: { '@id': url },
      publisher: { name: 'منبر' },
    });
  });

  it('names the author, image and tags when the article has them', async () => {
    const { html } = await page('/articles/ankara-energy');
    expect(await attributesOf(html, 'meta[property="article:tag"]', 'content')).toEqual(['طاقة', 'بحر']);
    expect(await attributesOf(html, 'meta[name="twitter:card"]', 'content')).toEqual(['summary_large_image']);
    expect(await attributesOf(html, 'article img', 'alt')).toEqual(['ميناء أنقرة']);
    const [jsonLd] = await textsOf(html, 'script[type="application/ld+json"]');
    expect(JSON.parse(jsonLd ?? '').author[0]).toEqual({
      '@type': 'Person',
      name: 'هدى المصراتي',
      url: 'https://minbar.example.com/authors/huda',
    });
  });

  it('escapes every editor-supplied string, in the body, the head and the JSON-LD', async () => {
    const { html } = await page('/articles/hostile-title');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(await textsOf(html, 'h1')).toEqual(['عنوان فيه <script>alert(1)</script> و "علامات" & رموز']);
    const [jsonLd] = await textsOf(html, 'script[type="application/ld+json"]');
    expect(jsonLd).not.toContain('</script');
    expect(JSON.parse(jsonLd ?? '').description).toBe('موجز فيه </script><img src=x onerror=alert(1)>');
    expect(await count(html, 'script')).toBe(1);
  });

  it('has the comments area, its notice, a back-to-top link and no script to run', async () => {
    const { html } = await page(SEED_PATH);
    expect(await textsOf(html, '#respond h2')).toEqual(['اترك تعليقاً']);
    expect(await attributesOf(html, 'a.to-top', 'href')).toEqual(['#top']);
    expect(await attributesOf(html, '#top', 'id')).toEqual(['top']);
    expect(await attributesOf(html, 'script', 'type')).toEqual(['application/ld+json']);
  });

  it('fits the 14 KiB compressed budget, CSS included', async () => {
    const { html } = await page(SEED_PATH);
    const gzipped = await new Response(new Blob([html]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gzipped.byteLength).toBeLessThan(14 * 1024);
  });
});

describe('content negotiation on /articles/:slug', () => {
  it('returns the JSON when the client prefers application/json, and varies on Accept', async () => {
    const response = await request(SEED_PATH, { headers: { Accept: 'application/json' } });
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Vary')).toContain('Accept');
    const body = await response.json();
    expectSchema('article', body);
    expect(body).toEqual(await (await request(`/api${SEED_PATH}`)).json());
  });

  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['application/json;q=0.9, text/html;q=0.5', 'application/json'],
    ['text/html;q=0.4, application/json', 'application/json'],
    ['*/*', 'text/html'],
    ['', 'text/html'],
  ])('Accept "%s" gets %s', async (accept, type) => {
    const response = await request(SEED_PATH, { headers: accept ? { Accept: accept } : {} });
    expect(response.headers.get('Vary')).toContain('Accept');
    expect(response.headers.get('Content-Type')).toContain(type);
  });

  it('answers 406 when neither HTML nor JSON is acceptable', async () => {
    const response = await request(SEED_PATH, { headers: { Accept: 'image/png' } });
    expect(response.status).toBe(406);
  });
});

describe('GET / and GET /categories/:slug', () => {
  it('lists articles with title, dek, category and date, newest first', async () => {
    const { response, html } = await page('/');
    expect(response.status).toBe(200);
    const titles = await textsOf(html, '.teasers h2');
    expect(titles[0]).toBe('تركيا تعزز تعاونها العسكري مع شرق ليبيا.. زيارة صدام حفتر لأنقرة مؤشر على تحولات استراتيجية');
    expect(titles).toHaveLength(6);
    expect((await textsOf(html, '.teasers .dek'))[0]).toBe(
      'صدام حفتر زار أنقرة للمرة الثالثة خلال أقل من عامين، والثانية خلال شهور',
    );
    expect((await textsOf(html, '.teasers .meta a'))[0]).toBe('ليبيا');
    expect((await attributesOf(html, '.teasers time', 'datetime'))[0]).toBe('2026-11-30T00:00:00+02:00');
    expect((await attributesOf(html, '.teasers h2 a', 'href'))[0]).toBe(SEED_PATH);
  });

  it('lists only the category on its page, under its name', async () => {
    const { response, html } = await page('/categories/turkey');
    expect(response.status).toBe(200);
    expect(await textsOf(html, 'h1')).toEqual(['تركيا']);
    expect(await attributesOf(html, '.teasers h2 a', 'href')).toEqual([
      '/articles/ankara-energy',
      '/articles/istanbul-talks',
      '/articles/hostile-title',
      `/articles/${encodeURIComponent('أنقرة-تستقبل-وفدا')}`,
    ]);
    expect(await attributesOf(html, 'link[rel="canonical"]', 'href')).toEqual([`${ORIGIN}/categories/turkey`]);
  });
});

describe('pages that do not exist', () => {
  it.each(['/articles/no-such-article', '/categories/no-such-category', '/nowhere', '/?page=2'])(
    '%s is a real 404 page in Arabic, kept out of search engines',
    async (path) => {
      const { response, html } = await page(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(await textsOf(html, 'h1')).toEqual(['الصفحة غير موجودة']);
      expect(await attributesOf(html, 'meta[name="robots"]', 'content')).toEqual(['noindex']);
    },
  );

  it('is problem+json for a client that asked for JSON', async () => {
    await expectProblem(await request('/articles/no-such-article', { headers: { Accept: 'application/json' } }), 404);
  });

  it('answers a bad page number on an HTML list with a 400 page', async () => {
    const { response, html } = await page('/?page=zero');
    expect(response.status).toBe(400);
    expect(await textsOf(html, 'h1')).toEqual(['طلب غير صالح']);
  });
});
