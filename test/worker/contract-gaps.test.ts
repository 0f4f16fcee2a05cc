// Small contract gaps: canonical POSTs, problem type pages and instances, the moderation log of deleted comments,
// 304s after comments close, the cookie key, and which refusal wins.
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../../src/contracts/problem-types.ts';
import { REFUSALS } from '../../src/http/refusals.ts';
import { admin, newReader, postComment, postForm, seedComment } from './helpers/comments.ts';
import { textsOf } from './helpers/html.ts';
import { request, requestWithEnv } from './helpers/http.ts';
import { expectProblem } from './helpers/schemas.ts';

describe('POST to a non-canonical article path', () => {
  it.each([
    ['a trailing slash', '/articles/ankara-energy/comments/', '/articles/ankara-energy/comments'],
    ['NFD Arabic', `/api/articles/${encodeURIComponent('أنقرة-تستقبل-وفدا'.normalize('NFD'))}/comments`, null],
  ])('answers 308 to the canonical path, keeping method and body (%s)', async (_, path, expected) => {
    const response = await request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(308);
    const location = response.headers.get('Location') ?? '';
    expect(location).toBe(expected ?? `/api/articles/${encodeURIComponent('أنقرة-تستقبل-وفدا')}/comments`);
  });
});

describe('GET /problems/:name', () => {
  it('explains every problem type the API answers with, in Arabic and English', async () => {
    for (const [name, problem] of Object.entries(PROBLEM_TYPES)) {
      const response = await request(`/problems/${name}`);
      expect(response.status, name).toBe(200);
      const html = await response.text();
      expect(await textsOf(html, 'h1')).toEqual([`${name} (${problem.status})`]);
      expect(await textsOf(html, 'main p[lang="en"]')).toEqual([problem.en]);
    }
    expect((await request('/problems/no-such-problem')).status).toBe(404);
  });

  it('documents each refusal of a comment with the status the API and the form answer it with', () => {
    for (const [reason, refusal] of Object.entries(REFUSALS))
      expect({ reason, status: PROBLEM_TYPES[refusal.type]?.status }).toEqual({ reason, status: refusal.status });
  });

  it('is where a problem type points, and instance is a percent-encoded URI reference', async () => {
    const path = `/api/articles/${encodeURIComponent('لا يوجد')}`;
    const problem = await expectProblem(await request(path), 404);
    expect(problem.instance).toBe('/api/articles/%D9%84%D8%A7%20%D9%8A%D9%88%D8%AC%D8%AF');
    expect((await request(new URL(problem.type as string).pathname)).status).toBe(200);
  });
});

describe('GET /api/admin/comments/:id/log', () => {
  it('reads the moderation log of a deleted comment', async () => {
    const id = await seedComment({ slug: 'ankara-energy', body: `سجل ${crypto.randomUUID()}`, status: 'pending' });
    await admin(`/comments/${id}`, { method: 'PATCH', headers: { 'X-Moderator': 'huda' }, body: '{"status":"approved"}' });
    await admin(`/comments/${id}`, { method: 'DELETE', headers: { 'X-Moderator': 'huda' } });
    expect((await admin(`/comments/${id}`)).status).toBe(404);
    const response = await admin(`/comments/${id}/log`);
    expect(response.status).toBe(200);
    const { moderation_log } = (await response.json()) as { moderation_log: Array<{ from: string; to: string; actor: string }> };
    expect(moderation_log.map(({ from, to, actor }) => ({ from, to, actor }))).toEqual([
      { from: 'pending', to: 'approved', actor: 'admin:huda' },
      { from: 'approved', to: 'deleted', actor: 'admin:huda' },
    ]);
    await expectProblem(await admin('/comments/999999999/log'), 404);
  });
});

describe('an article page whose comment form closed since (COMMENTS_CLOSE_AFTER_DAYS)', () => {
  // Published 2026-11-20: open while the setting is 0, closed once it is 1 day (as time passing would close it).
  it.each(['/articles/ankara-energy', '/api/articles/ankara-energy'])(
    'no longer answers 304 to the ETag of the open page: %s',
    async (path) => {
      const open = await requestWithEnv(path, { COMMENTS_CLOSE_AFTER_DAYS: '0' });
      const etag = open.headers.get('ETag') ?? '';
      expect(
        (await requestWithEnv(path, { COMMENTS_CLOSE_AFTER_DAYS: '0' }, { headers: { 'If-None-Match': etag } })).status,
      ).toBe(304);
      const closed = await requestWithEnv(path, { COMMENTS_CLOSE_AFTER_DAYS: '1' }, { headers: { 'If-None-Match': etag } });
      expect(closed.status).toBe(200);
    },
  );
});

describe('the preview cookie', () => {
  it('is signed with COOKIE_SIGNING_SECRET: the IP hash key neither makes nor breaks it', async () => {
    const reader = newReader();
    const body = `معاينة ${crypto.randomUUID()}`;
    const posted = await postForm('/articles/ankara-energy', { name: 'a', email: reader.email, body }, reader.ip);
    const cookie =
      posted.headers
        .getSetCookie()
        .find((c) => c.startsWith('minbar_preview='))
        ?.split(';')[0] ?? '';
    expect(cookie).not.toBe('');
    const page = (vars: Record<string, string>) =>
      requestWithEnv('/articles/ankara-energy', vars, { headers: { Cookie: cookie } }).then((r) => r.text());
    expect(await page({})).toContain(body);
    expect(await page({ IP_HASH_SECRET: 'rotated-ip-hash-secret' })).toContain(body);
    expect(await page({ COOKIE_SIGNING_SECRET: 'rotated-cookie-secret' })).not.toContain(body);
  });
});

describe('the most useful refusal wins', () => {
  it('a reply to a missing or held parent right after another comment is 403 invalid-parent, not 429', async () => {
    const reader = newReader();
    const article = '/articles/ankara-energy';
    expect(
      (await postComment(article, { name: 'a', email: reader.email, body: `أول ${crypto.randomUUID()}` }, reader)).status,
    ).toBe(202);
    const held = await seedComment({ slug: 'ankara-energy', body: `معلق ${crypto.randomUUID()}`, status: 'pending' });
    for (const parent of [held, 999_999_999]) {
      const reply = await postComment(
        article,
        { name: 'a', email: reader.email, body: `رد ${parent}`, parent_id: parent },
        reader,
      );
      expect((await expectProblem(reply, 403)).type).toBe('https://minbar.test/problems/invalid-parent');
    }
  });

  it('a search hit on a comment carries the comment’s own date', async () => {
    const word = `تاريخ${crypto.randomUUID().replace(/[\d-]/g, '').slice(0, 6)}`;
    await seedComment({ slug: 'ankara-energy', body: `تعليق ${word}`, minutesAgo: 7 });
    const { data } = (await (await request(`/api/search?q=${encodeURIComponent(word)}`)).json()) as {
      data: Array<{ kind: string; published_at: string }>;
    };
    expect(data).toHaveLength(1);
    const age = Date.now() - Date.parse(data[0]?.published_at ?? '');
    expect(age).toBeGreaterThan(6 * 60_000);
    expect(age).toBeLessThan(8 * 60_000);
  });
});
