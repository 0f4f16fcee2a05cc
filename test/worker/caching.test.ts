import { describe, expect, it } from 'vitest';
import { seedComment, setStatus } from './helpers/comments.ts';
import { request } from './helpers/http.ts';

/** Fetches `path`, then revalidates with its ETag, and returns both answers. */
async function revalidate(path: string) {
  const first = await request(path);
  expect(first.status).toBe(200);
  const etag = first.headers.get('ETag') ?? '';
  const second = await request(path, { headers: { 'If-None-Match': etag } });
  return { first, etag, second };
}

describe('one caching policy for public GETs', () => {
  it.each([
    '/api/search?q=%D8%A3%D9%86%D9%82%D8%B1%D8%A9',
    '/search?q=%D8%A3%D9%86%D9%82%D8%B1%D8%A9',
    '/api/openapi.json',
    '/api',
  ])('%s has a strong ETag and answers If-None-Match with an empty 304', async (path) => {
    const { first, etag, second } = await revalidate(path);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=30');
    expect(second.status).toBe(304);
    expect(second.headers.get('ETag')).toBe(etag);
    expect(await second.text()).toBe('');
  });

  it('search results for different words have different ETags', async () => {
    const one = await request('/api/search?q=%D8%A3%D9%86%D9%82%D8%B1%D8%A9');
    const other = await request('/api/search?q=%D8%AA%D8%B1%D9%83%D9%8A%D8%A7');
    expect(one.headers.get('ETag')).not.toBe(other.headers.get('ETag'));
  });

  it('GET /api/articles/:slug/comments/:id has an ETag that changes when the comment stops being public', async () => {
    const slug = 'benghazi-port';
    const id = await seedComment({ slug, body: 'تعليق للتخزين المؤقت' });
    const path = `/api/articles/${slug}/comments/${id}`;
    const { etag, second } = await revalidate(path);
    expect(second.status).toBe(304);
    await setStatus(id, 'pending');
    expect((await request(path, { headers: { 'If-None-Match': etag } })).status).toBe(404);
    await setStatus(id, 'approved');
    const again = await request(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(200);
    expect(again.headers.get('ETag')).not.toBe(etag);
  });

  it('a stale response is served at most 30 seconds past its 60 seconds of freshness', async () => {
    const response = await request('/api/articles');
    const directives = Object.fromEntries(
      (response.headers.get('Cache-Control') ?? '').split(/,\s*/).map((d) => d.split('=') as [string, string?]),
    );
    expect(Number(directives['max-age']) + Number(directives['stale-while-revalidate'])).toBe(90);
  });
});
