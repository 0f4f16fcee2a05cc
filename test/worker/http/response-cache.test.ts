// The per-isolate memory of public responses (src/http/response-cache.ts), with the cache turned on.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearResponseCache, responseCacheSize } from '../../../src/http/response-cache.ts';
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

/** Sets a comment's status through the admin API, in the isolate whose memory is under test. */
const moderate = (id: number, status: string) =>
  fetchCached(`/api/admin/comments/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  });

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

  it('forgets an article at once when a comment on it is approved, so it shows in this isolate', async () => {
    await fetchCached(PATH);
    const id = await seedComment({ slug: 'benghazi-port', body: 'يظهر بعد الاعتماد مباشرة', status: 'pending' });
    const approve = await moderate(id, 'approved');
    expect(approve.status).toBe(200);
    expect(await (await fetchCached(PATH)).text()).toContain('يظهر بعد الاعتماد مباشرة');
  });

  it('keeps other articles when one article changes: only what a change shows is forgotten', async () => {
    const OTHER = '/articles/istanbul-talks';
    const otherKey = 'v1:article:istanbul-talks';
    await fetchCached(OTHER);
    await fetchCached(PATH);
    const stored = (await env.ARTICLES.get<Record<string, unknown>>(otherKey, 'json')) ?? {};
    await env.ARTICLES.put(otherKey, JSON.stringify({ ...stored, dek: 'موجز لم يُعرض بعد', hash: 'e'.repeat(64) }));
    try {
      const reader = newReader();
      const posted = await fetchCached(`/api${PATH}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
        body: JSON.stringify({ name: reader.name, email: reader.email, body: 'تعليق يُعتمد فوراً' }),
      });
      expect(posted.status).toBe(202);
      const id = await seedComment({ slug: 'benghazi-port', body: 'معتمد من المشرف', status: 'pending' });
      await moderate(id, 'approved');
      expect(await (await fetchCached(PATH)).text()).toContain('معتمد من المشرف');
      const other = await fetchCached(OTHER);
      expect(other.headers.get('Age')).not.toBeNull();
      expect(await other.text()).not.toContain('موجز لم يُعرض بعد');
    } finally {
      await env.ARTICLES.put(otherKey, JSON.stringify(stored));
    }
  });

  it.each([
    ['a held comment (202)', 'held'],
    ['a refused comment (422)', 'refused'],
    ['a spam comment (honeypot)', 'spam'],
    ['an OPTIONS preflight', 'options'],
    ['a moderation change readers cannot see (pending → spam)', 'unseen'],
  ])('is not emptied by %s: nothing public changed', async (_, kind) => {
    await fetchCached(PATH);
    const reader = newReader();
    const form = (fields: Record<string, string>) =>
      fetchCached(`${PATH}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': reader.ip },
        body: new URLSearchParams({ name: reader.name, email: reader.email, ...fields }).toString(),
      });
    await withDek('موجز لا يظهر قبل انتهاء الذاكرة', async () => {
      if (kind === 'held') expect((await form({ body: 'تعليق ينتظر المراجعة' })).status).toBe(303);
      if (kind === 'refused') expect((await form({ body: '' })).status).toBe(422);
      if (kind === 'spam') expect((await form({ body: 'رسالة آلية', fax: '123' })).status).toBe(303);
      if (kind === 'options') await fetchCached(PATH, { method: 'OPTIONS' });
      if (kind === 'unseen') {
        const id = await seedComment({ slug: 'benghazi-port', body: 'يبقى مخفياً', status: 'pending' });
        const patched = await moderate(id, 'spam');
        expect(patched.status).toBe(200);
      }
      const after = await fetchCached(PATH);
      expect(after.headers.get('Age')).not.toBeNull();
      expect(await after.text()).not.toContain('موجز لا يظهر قبل انتهاء الذاكرة');
    });
  });

  it('does not remember URLs with query parameters no route reads, so they cannot push pages out', async () => {
    await fetchCached(PATH, {}, '60');
    const before = responseCacheSize();
    for (let i = 0; i < 20; i += 1) expect((await fetchCached(`${PATH}?utm_source=${i}`, {}, '60')).status).toBe(200);
    expect(responseCacheSize()).toEqual(before);
    expect((await fetchCached(PATH, {}, '60')).headers.get('Age')).not.toBeNull();
  });

  it('remembers the query parameters routes read, the comment order among them', async () => {
    const sorted = `${PATH}?sort=newest`;
    await fetchCached(sorted, {}, '60');
    expect((await fetchCached(sorted, {}, '60')).headers.get('Age')).not.toBeNull();
  });

  it('frees expired entries when it stores, and stays within its byte bound', async () => {
    await fetchCached(PATH, {}, '1');
    await fetchCached('/api/articles', {}, '1');
    expect(responseCacheSize().entries).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await fetchCached('/', {}, '1');
    expect(responseCacheSize().entries).toBe(1);
    // One long comment makes each page of this article's comments ~120 KB: 80 of them would hold ~9.6 MB.
    await seedComment({ slug: 'ankara-energy', body: 'تعليق طويل جداً '.repeat(3_700) });
    for (let limit = 1; limit <= 80; limit += 1)
      expect((await fetchCached(`/api/articles/ankara-energy/comments?limit=${limit}`, {}, '60')).status).toBe(200);
    const { entries, bytes } = responseCacheSize();
    expect(entries).toBeLessThan(80);
    expect(bytes).toBeGreaterThan(7 * 1024 * 1024);
    expect(bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    const newest = await fetchCached('/api/articles/ankara-energy/comments?limit=80', {}, '60');
    expect(newest.headers.get('Age')).not.toBeNull();
  }, 60_000);

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
