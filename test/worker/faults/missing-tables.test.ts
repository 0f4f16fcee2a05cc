// A comments database without its tables (migrations never applied, or lost), on the real local D1: this file drops
// them for itself (storage is isolated per test file). The article in KV is still served; comments answer 503.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS_UNAVAILABLE } from '../../../src/views/article-page.tsx';
import { newReader } from '../helpers/comments.ts';
import { ORIGIN, request, SEED_PATH } from '../helpers/http.ts';
import { expectProblem, expectSchema } from '../helpers/schemas.ts';

beforeAll(async () => {
  for (const table of ['moderation_log', 'idempotency_keys', 'comment_versions', 'comments', 'search_index', 'search_articles'])
    await env.DB.prepare(`DROP TABLE ${table}`).run();
});

describe('a D1 database without tables', () => {
  it('still serves the article page, with the comments area saying they are unavailable, briefly cacheable', async () => {
    const response = await request(SEED_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=10');
    expect(response.headers.get('ETag')).toBeNull();
    const html = await response.text();
    expect(html).toContain('زيارة صدام حفتر لأنقرة مؤشر على تحولات استراتيجية</h1>');
    expect(html).toContain(COMMENTS_UNAVAILABLE);
  });

  it('still serves the article JSON, with a null comment count', async () => {
    const response = await request(`/api${SEED_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBeNull();
    const body = (await response.json()) as { comments: { count: number | null } };
    expectSchema('article', body);
    expect(body.comments.count).toBeNull();
  });

  it('answers 503 with Retry-After, uncacheable, to the comments API and the form', async () => {
    const reader = newReader();
    const listed = await request(`/api${SEED_PATH}/comments`);
    const posted = await request(`/api${SEED_PATH}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
      body: JSON.stringify({ name: reader.name, email: reader.email, body: 'تعليق بلا قاعدة بيانات' }),
    });
    const form = await request(`${SEED_PATH}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': reader.ip },
      body: new URLSearchParams({ name: reader.name, email: reader.email, body: 'تعليق بلا قاعدة بيانات' }).toString(),
    });
    for (const response of [listed, posted, form]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toBe('30');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(response.headers.get('ETag')).toBeNull();
    }
    expect((await expectProblem(listed, 503)).type).toBe(`${ORIGIN}/problems/unavailable`);
    expect(JSON.stringify(await posted.json())).not.toContain('no such table');
    expect(await form.text()).toContain('الخدمة غير متاحة مؤقتاً');
  });

  it('lists articles as before: the index lives in KV', async () => {
    const response = await request('/api/articles');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total).toBeGreaterThan(0);
  });
});
