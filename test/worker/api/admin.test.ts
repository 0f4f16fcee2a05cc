import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type AdminComment, admin, newReader, postComment, seedComment } from '../helpers/comments.ts';
import { request, requestWithEnv } from '../helpers/http.ts';
import { expectProblem } from '../helpers/schemas.ts';

describe('admin API authentication', () => {
  it('answers 503 and stays closed when no ADMIN_TOKEN is configured', async () => {
    const response = await requestWithEnv(
      '/api/admin/comments',
      { ADMIN_TOKEN: undefined },
      { headers: { Authorization: 'Bearer anything' } },
    );
    const problem = await expectProblem(response, 503);
    expect(problem.detail).toContain('ADMIN_TOKEN');
  });

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { Authorization: 'Bearer wrong-token' }, 401],
    ['a token that is the right one plus more', { Authorization: 'Bearer test-admin-token-x' }, 401],
    ['another scheme', { Authorization: 'Basic dGVzdA==' }, 401],
    ['a malformed Bearer credential', { Authorization: 'Bearer two words' }, 401],
    ['an empty Authorization header', { Authorization: '' }, 401],
  ])('refuses %s with a Bearer challenge', async (_, headers, status) => {
    const response = await request('/api/admin/comments', { headers });
    await expectProblem(response, status);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer /);
  });

  it('lets the right token in', async () => {
    const response = await admin('/comments');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('GET /api/admin/comments', () => {
  it('lists every status with email, website, IP hash and user agent, filtered and newest first', async () => {
    const reader = newReader('مراجع');
    const response = await postComment(
      '/articles/benghazi-port',
      { name: reader.name, email: reader.email, url: 'https://r.example', body: 'للمراجعة' },
      reader,
      {
        'User-Agent': 'Browser/1.0',
      },
    );
    expect(response.status).toBe(202);
    const { data } = (await (await admin('/comments?status=pending&article=benghazi-port')).json()) as { data: AdminComment[] };
    const mine = data.find((c) => c.body === 'للمراجعة');
    expect(mine).toMatchObject({
      status: 'pending',
      author: { name: 'مراجع', email: reader.email, url: 'https://r.example/' },
      user_agent: 'Browser/1.0',
    });
    expect(mine?.ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.every((c) => c.status === 'pending')).toBe(true);
    const ids = data.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('pages with a cursor and rejects a bad status', async () => {
    for (let i = 0; i < 3; i++) await seedComment({ slug: 'benghazi-port', body: `صفحة إدارة ${i}` });
    const page1 = (await (await admin('/comments?limit=2')).json()) as { data: AdminComment[]; meta: { next_cursor: string } };
    expect(page1.data).toHaveLength(2);
    const page2 = (await (await admin(`/comments?limit=2&cursor=${page1.meta.next_cursor}`)).json()) as { data: AdminComment[] };
    expect(page2.data[0]?.id).toBeLessThan(page1.data[1]?.id ?? 0);
    await expectProblem(await admin('/comments?status=deleted'), 400);
  });
});

describe('PATCH /api/admin/comments/:id', () => {
  it('changes the status and records who did it, when, and from what', async () => {
    const id = await seedComment({ slug: 'benghazi-port', body: 'سيُراجع', status: 'pending' });
    const response = await admin(`/comments/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'approved' }),
      headers: { 'X-Moderator': 'huda' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as AdminComment).status).toBe('approved');
    await admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'spam' }) });
    const detail = (await (await admin(`/comments/${id}`)).json()) as {
      moderation_log: Array<{ from: string; to: string; actor: string; at: string }>;
    };
    expect(detail.moderation_log.map(({ from, to, actor }) => ({ from, to, actor }))).toEqual([
      { from: 'pending', to: 'approved', actor: 'admin:huda' },
      { from: 'approved', to: 'spam', actor: 'admin' },
    ]);
    expect(detail.moderation_log[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('answers 422 to an unknown status, 404 to an unknown comment, 415 to a non-JSON body', async () => {
    const id = await seedComment({ slug: 'benghazi-port', body: 'ثابت', status: 'pending' });
    await expectProblem(await admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'published' }) }), 422);
    await expectProblem(
      await admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved', body: 'x' }) }),
      422,
    );
    await expectProblem(await admin('/comments/999999', { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) }), 404);
    await expectProblem(
      await admin(`/comments/${id}`, { method: 'PATCH', body: 'status=approved', headers: { 'Content-Type': 'text/plain' } }),
      415,
    );
    const still = (await (await admin(`/comments/${id}`)).json()) as AdminComment;
    expect(still.status).toBe('pending');
  });
});

describe('DELETE /api/admin/comments/:id', () => {
  it('deletes for good, moves the replies up a level with their own replies, and logs it', async () => {
    const slug = 'benghazi-port';
    const root = await seedComment({ slug, body: 'جذر الحذف' });
    const doomed = await seedComment({ slug, body: 'سيُحذف', parentId: root, depth: 2 });
    const reply = await seedComment({ slug, body: 'رد باقٍ', parentId: doomed, depth: 3 });
    const nested = await seedComment({ slug, body: 'رد على الباقي', parentId: reply, depth: 4 });
    const response = await admin(`/comments/${doomed}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect((await admin(`/comments/${doomed}`)).status).toBe(404);
    const moved = (await (await admin(`/comments/${reply}`)).json()) as AdminComment;
    expect(moved).toMatchObject({ parent_id: root, depth: 2 });
    expect(((await (await admin(`/comments/${nested}`)).json()) as AdminComment).depth).toBe(3);
    const log = await env.DB.prepare('SELECT to_status FROM moderation_log WHERE comment_id = ?1').bind(doomed).all();
    expect(log.results).toEqual([{ to_status: 'deleted' }]);
  });
});
