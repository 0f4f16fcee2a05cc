// Old WordPress URLs, as the fixture export really has them (truncated, lower-case percent-encoded), answer 301 to
// their Minbar page; anything the import does not know stays a 404.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { request, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

/** The seed's WordPress post_name, as exported: cut at 200 encoded characters, mid-word («ليبي»). */
const OLD_NAME =
  '%d8%aa%d8%b1%d9%83%d9%8a%d8%a7-%d8%aa%d8%b9%d8%b2%d8%b2-%d8%aa%d8%b9%d8%a7%d9%88%d9%86%d9%87%d8%a7-%d8%a7%d9%84%d8%b9%d8%b3%d9%83%d8%b1%d9%8a-%d9%85%d8%b9-%d8%b4%d8%b1%d9%82-%d9%84%d9%8a%d8%a8%d9%8a';
const OLD_NAME_RAW = decodeURIComponent(OLD_NAME);
const CATEGORY = '%d9%84%d9%8a%d8%a8%d9%8a%d8%a7';
const CATEGORY_PATH = `/categories/${encodeURIComponent('ليبيا')}`;
const HELLO_PATH = `/articles/${encodeURIComponent('أهلا-بالعالم')}`;
const PAGE_PATH = `/articles/${encodeURIComponent('مثال-على-صفحة')}`;

/** Follows redirects (at most 3): every hop, and where the chain ends. */
async function follow(path: string): Promise<{ hops: Array<{ status: number; location: string }>; response: Response }> {
  const hops: Array<{ status: number; location: string }> = [];
  let response = await request(path);
  while (response.status >= 300 && response.status < 400 && hops.length < 3) {
    const location = response.headers.get('Location') ?? '';
    hops.push({ status: response.status, location });
    response = await request(location);
  }
  return { hops, response };
}

/** Where an old URL finally leads, checking that every hop is a permanent redirect and there are at most two. */
async function destination(path: string): Promise<string> {
  const { hops } = await follow(path);
  expect(hops.length, `${path} should redirect`).toBeGreaterThan(0);
  expect(hops.length).toBeLessThanOrEqual(2);
  for (const hop of hops) expect(hop.status).toBe(301);
  return hops.at(-1)?.location ?? '';
}

beforeAll(async () => {
  await env.DB.exec(env.TEST_WORDPRESS_SQL);
});

describe('old WordPress URLs', () => {
  it('?p=<id> and ?page_id=<id> go to the imported article', async () => {
    const response = await request('/?p=4');
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(SEED_PATH);
    expect(await destination('/?p=1')).toBe(HELLO_PATH);
    expect(await destination('/?page_id=2')).toBe(PAGE_PATH);
    expect((await follow(SEED_PATH)).response.status).toBe(200);
  });

  it('an id that was never imported is a 404, never the front page', async () => {
    for (const path of ['/?p=999', '/?page_id=3', '/?p=0', '/?p=abc']) expect((await request(path)).status, path).toBe(404);
    expect((await request('/?page_id=3')).headers.get('Location')).toBeNull();
  });

  it('the post permalink, truncated and percent-encoded as WordPress wrote it, with or without the slash', async () => {
    const { hops, response } = await follow(`/${OLD_NAME}/`);
    expect(hops.map((h) => h.status)).toEqual([301, 301]);
    expect(hops.at(-1)?.location).toBe(SEED_PATH);
    expect(response.status).toBe(200);
    expect(await destination(`/${OLD_NAME}`)).toBe(SEED_PATH);
    expect(await destination(`/${OLD_NAME.toUpperCase()}`)).toBe(SEED_PATH);
    expect(await destination(`/${OLD_NAME_RAW}/`)).toBe(SEED_PATH);
  });

  it('date-based, category-based and numeric permalink structures', async () => {
    expect(await destination(`/2026/11/30/${OLD_NAME}/`)).toBe(SEED_PATH);
    expect(await destination(`/2026/11/${OLD_NAME}/`)).toBe(SEED_PATH);
    expect(await destination(`/category/${CATEGORY}/${OLD_NAME}/`)).toBe(SEED_PATH);
    expect(await destination(`/${CATEGORY}/${OLD_NAME}/`)).toBe(SEED_PATH);
    expect(await destination('/archives/4')).toBe(SEED_PATH);
  });

  it("a post's comments feed, AMP version and comment pages", async () => {
    expect(await destination(`/${OLD_NAME}/feed/`)).toBe(`${SEED_PATH}/comments/feed.xml`);
    expect(await destination(`/${OLD_NAME}/feed/atom/`)).toBe(`${SEED_PATH}/comments/feed.atom`);
    expect(await destination(`/${OLD_NAME}/amp/`)).toBe(SEED_PATH);
    expect(await destination(`/2026/11/30/${OLD_NAME}/amp/`)).toBe(SEED_PATH);
    expect(await destination(`/${OLD_NAME}/comment-page-2/`)).toBe(`${SEED_PATH}#comments`);
    expect((await follow(`${SEED_PATH}/comments/feed.xml`)).response.status).toBe(200);
  });

  it('category archives, their pages and feeds', async () => {
    expect(await destination(`/category/${CATEGORY}/`)).toBe(CATEGORY_PATH);
    expect(await destination('/category/ليبيا')).toBe(CATEGORY_PATH);
    expect(await destination(`/category/${CATEGORY}/page/2/`)).toBe(`${CATEGORY_PATH}?page=2`);
    expect(await destination(`/category/${CATEGORY}/feed/`)).toBe(`${CATEGORY_PATH}/feed.xml`);
  });

  it('site feeds, front-page pages and searches', async () => {
    expect(await destination('/feed/')).toBe('/feed.xml');
    expect(await destination('/feed/atom/')).toBe('/feed.atom');
    expect(await destination('/feed/rss2/')).toBe('/feed.xml');
    expect(await destination('/comments/feed/')).toBe('/feed.xml');
    expect(await destination('/?feed=rss2')).toBe('/feed.xml');
    expect(await destination('/page/2/')).toBe('/?page=2');
    expect(await destination(`/?s=${encodeURIComponent('حفتر')}`)).toBe(`/search?q=${encodeURIComponent('حفتر')}`);
    expect(await destination('/search/%d8%ad%d9%81%d8%aa%d8%b1/')).toBe(`/search?q=${encodeURIComponent('حفتر')}`);
    expect(await destination('/?s=')).toBe('/search');
    expect((await follow('/feed/')).response.status).toBe(200);
  });

  it('unknown names stay 404s, and only GET and HEAD are redirected', async () => {
    const canonicalOldName = encodeURIComponent(OLD_NAME_RAW);
    for (const path of ['/no-such-post', '/2026/11/30/no-such-post', '/category/no-such-category', `/${canonicalOldName}/x/y`])
      expect((await request(path)).status, path).toBe(404);
    expect((await request(`/${canonicalOldName}`, { method: 'HEAD' })).status).toBe(301);
    expect((await request(`/${canonicalOldName}`, { method: 'POST' })).status).toBe(404);
  });

  it('pages that exist are answered as before, never redirected', async () => {
    for (const path of ['/', '/?page=1', SEED_PATH, `${SEED_PATH}?p=1`, '/feed.xml', '/feed.xml?s=x', '/search?q=x'])
      expect((await request(path)).status, path).toBe(200);
    expect((await request('/api/feed')).headers.get('Content-Type')).toContain('application/problem+json');
  });
});

describe('when the map cannot be read', () => {
  it('an unknown URL is still a 404, not a 500, and pages that exist never even look', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await env.DB.exec('ALTER TABLE legacy_urls RENAME TO legacy_urls_away');
    try {
      // Found pages (and a front page without WordPress parameters) answer without touching the map: nothing fails.
      for (const path of [
        '/',
        '/?page=1',
        SEED_PATH,
        `${SEED_PATH}?p=1`,
        '/feed.xml',
        CATEGORY_PATH.replace(/\/[^/]*$/, '/libya'),
      ])
        expect((await request(path)).status, path).toBe(200);
      expect(logged).not.toHaveBeenCalled();
      expect((await request('/no-such-post')).status).toBe(404);
      expect((await request('/?p=4')).status).toBe(404);
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      await env.DB.exec('ALTER TABLE legacy_urls_away RENAME TO legacy_urls');
      logged.mockRestore();
    }
  });
});

describe('imported comments', () => {
  it("keep the WordPress thread's shape and order, and only approved ones are public", async () => {
    const response = await request(`/api${SEED_PATH}/comments`);
    const { data, meta } = (await response.json()) as {
      data: Array<{
        author: { name: string };
        body: string;
        created_at: string;
        replies: Array<{ author: { name: string }; replies: Array<{ author: { name: string } }> }>;
      }>;
      meta: { total: number };
    };
    expect(meta.total).toBe(4);
    expect(data.map((c) => c.author.name)).toEqual(['محمد الطرابلسي', 'نادية']);
    expect(data[0]?.created_at).toBe('2025-04-03T07:15:00.000Z');
    expect(data[0]?.replies.map((r) => r.author.name)).toEqual(['سارة من بنغازي']);
    expect(data[0]?.replies[0]?.replies.map((r) => r.author.name)).toEqual(['محمد الطرابلسي']);
    expect(data[1]?.body).toBe('رأي مهم مع رابط (https://example.com/x)');
    expect(SEED_SLUG).toBe(decodeURIComponent(SEED_PATH.slice('/articles/'.length)));
  });

  it('approved ones are found by search, held ones are not', async () => {
    const found = async (q: string) => {
      const response = await request(`/api/search?q=${encodeURIComponent(q)}`);
      return ((await response.json()) as { data: Array<{ kind: string }> }).data.map((hit) => hit.kind);
    };
    expect(await found('ملموسة')).toEqual(['comment']);
    expect(await found('Tobruk')).toEqual([]);
  });
});
