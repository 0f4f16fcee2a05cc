import { describe, expect, it } from 'vitest';
import { findComments, newReader, postComment, seedComment } from './helpers/comments.ts';
import { attributesOf } from './helpers/html.ts';
import { ORIGIN, request, SEED_PATH } from './helpers/http.ts';

const all = (text: string, tag: string) => [...text.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('the site feeds', () => {
  it('RSS 2.0: newest first, Arabic, full content, permanent guids, RFC 822 dates', async () => {
    const response = await request('/feed.xml');
    expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=UTF-8');
    const rss = await response.text();
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain('<language>ar</language>');
    expect(rss).toContain(`<atom:link href="${ORIGIN}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(all(rss, 'guid')[0]).toBe(`${ORIGIN}${SEED_PATH}`);
    expect(all(rss, 'pubDate')[0]).toBe('Sun, 29 Nov 2026 22:00:00 GMT');
    expect(all(rss, 'guid')).toHaveLength(6);
    expect(all(rss, 'content:encoded')[0]).toContain('&lt;h2 id=&quot;زيارات-متعددة-لوفود-رسمية&quot;&gt;');
  });

  it('Atom 1.0: xml:lang, stable ids, RFC 3339 dates, html content, self link', async () => {
    const response = await request('/feed.atom');
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=UTF-8');
    const atom = await response.text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">');
    expect(atom).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/feed.atom"/>`);
    expect(all(atom, 'id').slice(0, 2)).toEqual([`${ORIGIN}/`, `${ORIGIN}${SEED_PATH}`]);
    expect(all(atom, 'published')[0]).toBe('2026-11-30T00:00:00+02:00');
    expect(atom).toContain('<content type="html">&lt;p&gt;شهدت العلاقات');
  });

  it('JSON Feed 1.1: application/feed+json with every item in full', async () => {
    const response = await request('/feed.json');
    expect(response.headers.get('Content-Type')).toBe('application/feed+json; charset=UTF-8');
    const feed = (await response.json()) as {
      version: string;
      language: string;
      feed_url: string;
      items: Array<Record<string, unknown>>;
    };
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'ar', feed_url: `${ORIGIN}/feed.json` });
    expect(feed.items[0]).toMatchObject({
      id: `${ORIGIN}${SEED_PATH}`,
      date_published: '2026-11-30T00:00:00+02:00',
      tags: ['ليبيا'],
    });
    expect(String(feed.items[0]?.content_html)).toContain('<h2 id="زيارات-متعددة-لوفود-رسمية">');
    expect(feed.items.find((i) => i.url === `${ORIGIN}/articles/ankara-energy`)).toMatchObject({
      authors: [{ name: 'هدى المصراتي' }],
    });
  });

  it('escapes hostile titles in XML', async () => {
    const rss = await (await request('/feed.xml')).text();
    expect(rss).toContain(
      '<title>عنوان فيه &#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E; و &quot;علامات&quot; &#x26; رموز</title>',
    );
    expect(rss).not.toContain('<script>');
  });

  it('answers If-None-Match with 304', async () => {
    const etag = (await request('/feed.atom')).headers.get('ETag') ?? '';
    expect((await request('/feed.atom', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await request('/feed.json', { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });
});

describe('category and comments feeds', () => {
  it('carry only their category', async () => {
    const feed = (await (await request('/categories/turkey/feed.json')).json()) as {
      title: string;
      items: Array<{ tags: string[] }>;
    };
    expect(feed.title).toBe('تركيا | منبر');
    expect(feed.items.every((i) => i.tags.includes('تركيا'))).toBe(true);
    expect((await request('/categories/nothing/feed.xml')).status).toBe(404);
  });

  it("carry an article's approved comments only, newest first", async () => {
    await seedComment({ slug: 'istanbul-talks', body: 'أقدم', minutesAgo: 20 });
    await seedComment({ slug: 'istanbul-talks', body: 'أحدث\n\nفقرة <b>', minutesAgo: 10 });
    await seedComment({ slug: 'istanbul-talks', body: 'لم يُعتمد', status: 'pending' });
    const feed = (await (await request('/articles/istanbul-talks/comments/feed.json')).json()) as {
      items: Array<{ content_html: string; id: string }>;
    };
    expect(feed.items.map((i) => i.content_html)).toEqual(['<p>أحدث</p><p>فقرة &lt;b&gt;</p>', '<p>أقدم</p>']);
    expect(feed.items[0]?.id).toMatch(new RegExp(`^${ORIGIN}/articles/istanbul-talks#comment-\\d+$`));
    expect((await request('/articles/nothing/comments/feed.atom')).status).toBe(404);
  });
});

describe('feed autodiscovery', () => {
  it('announces the site feeds on every page, and the page’s own feeds where it has them', async () => {
    const home = await (await request('/')).text();
    expect(await attributesOf(home, 'link[rel="alternate"]', 'href')).toEqual(['/feed.xml', '/feed.atom', '/feed.json']);
    const category = await (await request('/categories/libya')).text();
    expect(await attributesOf(category, 'link[rel="alternate"]', 'href')).toContain('/categories/libya/feed.atom');
    const article = await (await request(SEED_PATH)).text();
    expect(await attributesOf(article, 'link[rel="alternate"][type="application/rss+xml"]', 'href')).toEqual([
      '/feed.xml',
      `${SEED_PATH}/comments/feed.xml`,
    ]);
  });
});

describe('feeds with characters XML forbids in what readers typed', () => {
  // XML 1.0's Char production: anything else makes the whole document not well-formed.
  const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

  it('stay well-formed: U+FFFE, U+FFFF and controls never reach RSS or Atom (removed at output)', async () => {
    // Stored directly, as an import or an older version could have stored it, to test the output side.
    const marker = crypto.randomUUID();
    await seedComment({ slug: 'benghazi-port', body: `قبل\uFFFE بعد\uFFFF ${marker}\u0001` });
    for (const format of ['xml', 'atom']) {
      const feed = await (await request(`/articles/benghazi-port/comments/feed.${format}`)).text();
      expect(feed).toContain(`قبل بعد ${marker}`);
      expect(NOT_XML_CHAR.exec(feed)).toBeNull();
    }
  });

  it('never store them: the comment cleaner drops noncharacters at input', async () => {
    const reader = newReader();
    const body = `نص\uFFFE مع\uFFFF ${crypto.randomUUID()}`;
    expect((await postComment('/articles/benghazi-port', { name: 'a', email: reader.email, body }, reader)).status).toBe(202);
    expect((await findComments(body.slice(-36)))[0]?.body).toBe(body.replace(/[\uFFFE\uFFFF]/g, ''));
  });
});
