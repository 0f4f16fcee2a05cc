// The per-isolate memory of public responses (src/http/response-cache.ts), with the cache turned on.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearResponseCache } from '../../../src/http/response-cache.ts';
import { newReader, seedComment } from '../helpers/comments.ts';
import { ADMIN_TOKEN, ORIGIN, requestWithEnv } from '../helpers/http.ts';

const PATH = '/articles/benghazi-port';
const KEY = 'v1:article:benghazi-port';

const fetchCached = (path: string, init: RequestInit = {}, seconds = '5') =>
  requestWithEnv(path, { RESPONSE_CACHE_SECONDS: seconds }, init);

async function withDek<T>(dek: string, run: () => Promise<T>): Promise<T> {
  const stored = (await env.ARTICLES.get<Record<string, unknown>>(KEY, 'json')) ?? {};
  await env.ARTICLES.put(KEY, JSON.stringify({ ...stored, dek, hash: `${String(stored.hash).slice(0, 60)}beef` }));
  try {
    return await run();
  } finally {
    await env.ARTICLES.put(KEY, JSON.stringify(stored));
  }
}

beforeEach(() => clearResponseCache());

describe('the response memory', () => {
  it('serves a repeated public GET from memory, with its age, for at most RESPONSE_CACHE_SECONDS', async () => {
    const first = await fetchCached(PATH, {}, '1');
    expect(first.headers.get('Age')).toBeNull();
    const firstHtml = await first.text();
    await withDek('موجز تغيّر في KV', async () => {
      const second = await fetchCached(PATH, {}, '1');
      expect(second.headers.get('Age')).toBe('0');
      expect(await second.text()).toBe(firstHtml);
      expect(second.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await (await fetchCached(PATH, {}, '1')).text()).toContain('موجز تغيّر في KV');
    });
  });

  it('answers If-None-Match from memory with 304', async () => {
    const etag = (await fetchCached(PATH)).headers.get('ETag') ?? '';
    const revalidated = await fetchCached(PATH, { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('Age')).not.toBeNull();
    expect(revalidated.headers.get('ETag')).toBe(etag);
  });

  it('learns a validator from a 304, and still builds a full page for a request without one', async () => {
    const etag = (await fetchCached(PATH)).headers.get('ETag') ?? '';
    clearResponseCache();
    expect((await fetchCached(PATH, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await withDek('موجز لا يُرى في 304', async () => {
      const fromMemory = await fetchCached(PATH, { headers: { 'If-None-Match': etag } });
      expect(fromMemory.status).toBe(304);
      expect(fromMemory.headers.get('Age')).not.toBeNull();
      const full = await fetchCached(PATH);
      expect(full.status).toBe(200);
      expect(await full.text()).toContain('موجز لا يُرى في 304');
    });
  });

  it('keeps representations apart (Accept is part of the key)', async () => {
    await fetchCached(PATH);
    const json = await fetchCached(PATH, { headers: { Accept: 'application/json' } });
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/);
  });

  it('is emptied by a write, so an approved comment shows at once in this isolate', async () => {
    await fetchCached(PATH);
    const id = await seedComment({ slug: 'benghazi-port', body: 'يظهر بعد الاعتماد مباشرة', status: 'pending' });
    const approve = await fetchCached(`/api/admin/comments/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(approve.status).toBe(200);
    expect(await (await fetchCached(PATH)).text()).toContain('يظهر بعد الاعتماد مباشرة');
  });

  it('never serves or stores anything personal', async () => {
    const reader = newReader();
    const posted = await fetchCached(`${PATH}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': reader.ip },
      body: new URLSearchParams({ name: 'خاص', email: reader.email, body: 'معلّق خاص بكاتبه' }).toString(),
    });
    const cookie = posted.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const mine = await fetchCached(PATH, { headers: { Cookie: cookie } });
    expect(await mine.text()).toContain('معلّق خاص بكاتبه');
    expect(mine.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await (await fetchCached(PATH)).text()).not.toContain('معلّق خاص بكاتبه');
  });
});
