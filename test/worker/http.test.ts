import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CACHE_CONTROL } from '../../src/http/cache-policy.ts';
import { ORIGIN, request, requestWithEnv, SEED_PATH, SEED_SLUG } from './helpers/http.ts';
import { expectProblem } from './helpers/schemas.ts';

describe('canonical URLs', () => {
  /** A published slug with a hamza, which NFD splits into two code points (as macOS file names do). */
  const HAMZA_SLUG = 'أنقرة-تستقبل-وفدا';
  it.each([
    ['a trailing slash', `${SEED_PATH}/`, SEED_PATH],
    ['lower-case percent-encoding', SEED_PATH.toLowerCase(), SEED_PATH],
    ['repeated slashes', `//articles//${encodeURIComponent(SEED_SLUG)}`, SEED_PATH],
    ['a trailing slash on a list', '/categories/libya/', '/categories/libya'],
    ['a trailing slash in the API, keeping the query', '/api/articles/?page=1', '/api/articles?page=1'],
  ])('answers 301 to the canonical URL for %s', async (_, path, canonical) => {
    const response = await request(path);
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(canonical);
    expect((await request(canonical)).status).toBe(200);
  });

  it('redirects an NFD-encoded Arabic slug to its NFC form', async () => {
    const nfd = HAMZA_SLUG.normalize('NFD');
    expect(nfd).not.toBe(HAMZA_SLUG);
    const response = await request(`/articles/${encodeURIComponent(nfd)}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(`/articles/${encodeURIComponent(HAMZA_SLUG)}`);
    expect((await request(response.headers.get('Location') ?? '')).status).toBe(200);
  });

  it('answers 400 to a path that is not valid percent-encoding', async () => {
    expect((await request('/articles/%E0%A4%A')).status).toBe(400);
  });

  it('never redirects off-site', async () => {
    const response = await request('//evil.example/');
    expect(response.headers.get('Location') ?? '').not.toMatch(/^\/\//);
  });
});

/** Browsers and CDNs keep public responses a minute; article pages are revalidated by browsers on every view. */
const PUBLIC = { browsers: PUBLIC_CACHE_CONTROL, cdn: null };
const BROWSERS_REVALIDATE = { browsers: 'public, no-cache', cdn: PUBLIC_CACHE_CONTROL };

describe('conditional GET', () => {
  it.each([
    ['the article page', SEED_PATH, {}, BROWSERS_REVALIDATE],
    ['the article JSON', `/api${SEED_PATH}`, {}, PUBLIC],
    ['the negotiated article JSON', SEED_PATH, { Accept: 'application/json' }, PUBLIC],
    ['the article list', '/api/articles?per_page=2', {}, PUBLIC],
    ['the front page', '/', {}, PUBLIC],
    ['a category page', '/categories/libya', {}, PUBLIC],
  ])('%s has a strong ETag and answers If-None-Match with 304', async (_, path, headers: Record<string, string>, caching) => {
    const first = await request(path, { headers });
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('Cache-Control')).toBe(caching.browsers);
    expect(first.headers.get('CDN-Cache-Control')).toBe(caching.cdn);
    const second = await request(path, { headers: { ...headers, 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(second.headers.get('ETag')).toBe(etag);
    expect(second.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
    expect(second.headers.get('CDN-Cache-Control')).toBe(caching.cdn);
    expect((await request(path, { headers: { ...headers, 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await request(path, { headers: { ...headers, 'If-None-Match': '"stale"' } })).status).toBe(200);
  });

  it('gives each representation its own ETag', async () => {
    const html = (await request(SEED_PATH)).headers.get('ETag');
    const json = (await request(SEED_PATH, { headers: { Accept: 'application/json' } })).headers.get('ETag');
    expect(html).not.toBe(json);
    expect(json).toBe((await request(`/api${SEED_PATH}`)).headers.get('ETag'));
    const page1 = (await request('/api/articles?per_page=1')).headers.get('ETag');
    const page2 = (await request('/api/articles?per_page=1&page=2')).headers.get('ETag');
    expect(page1).not.toBe(page2);
  });

  it('changes the ETag when the article is republished with new content', async () => {
    const key = `v1:article:${SEED_SLUG}`;
    const before = (await request(SEED_PATH)).headers.get('ETag');
    const stored = (await env.ARTICLES.get<Record<string, unknown>>(key, 'json')) ?? {};
    await env.ARTICLES.put(key, JSON.stringify({ ...stored, dek: 'موجز جديد', hash: 'f'.repeat(64) }));
    try {
      const after = await request(SEED_PATH, { headers: { 'If-None-Match': before ?? '' } });
      expect(after.status).toBe(200);
      expect(after.headers.get('ETag')).not.toBe(before);
      expect(await after.text()).toContain('موجز جديد');
    } finally {
      await env.ARTICLES.put(key, JSON.stringify(stored));
    }
  });
});

describe('HEAD', () => {
  it.each([SEED_PATH, `/api${SEED_PATH}`, '/api/articles', '/', '/categories/libya', '/articles/missing'])(
    'HEAD %s answers like GET without a body',
    async (path) => {
      const get = await request(path);
      const head = await request(path, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(head.headers.get('Content-Type')).toBe(get.headers.get('Content-Type'));
      expect(head.headers.get('ETag')).toBe(get.headers.get('ETag'));
      expect(await head.text()).toBe('');
    },
  );
});

describe('security headers', () => {
  it.each([SEED_PATH, '/api/articles', '/articles/missing', '/api/missing', `${SEED_PATH}/`])('are on %s', async (path) => {
    const response = await request(path);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('allows exactly the inline stylesheet the page carries', async () => {
    const response = await request(SEED_PATH);
    const html = await response.text();
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(response.headers.get('Content-Security-Policy')).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/ style="/);
  });
});

describe('unexpected failures', () => {
  /** A limiter that fails as no input can make it fail: the 500 path, not storage. */
  const BROKEN_LIMITER = {
    limit: () => {
      throw new TypeError('limiter internals at line 12');
    },
  } as unknown as RateLimit;
  const post = (path: string, init: RequestInit) =>
    requestWithEnv(path, { COMMENT_LIMITER: BROKEN_LIMITER }, { method: 'POST', ...init });

  it('answer 500 problem+json that reveals nothing internal', async () => {
    const response = await post(`/api${SEED_PATH}/comments`, {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'س', email: 's@example.com', body: 'ن' }),
    });
    const problem = await expectProblem(response, 500);
    expect(problem.type).toBe(`${ORIGIN}/problems/internal-error`);
    expect(JSON.stringify(problem)).not.toMatch(/TypeError|limiter|stack|at /);
  });

  it('answer an Arabic 500 page to readers', async () => {
    const response = await post(`${SEED_PATH}/comments`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'name=x',
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('حدث خطأ من جهتنا');
    expect(html).not.toContain('TypeError');
  });
});
