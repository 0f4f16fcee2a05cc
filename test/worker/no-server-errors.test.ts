// The inputs that used to answer 500: each is now a specific 4xx (see also fuzz.test.ts, which drives every route).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { admin, findComments, newReader, postComment, postForm, seedComment } from './helpers/comments.ts';
import { textsOf } from './helpers/html.ts';
import { request } from './helpers/http.ts';
import { expectProblem } from './helpers/schemas.ts';

// 600 bytes of UTF-8 (300 Arabic letters): more than a KV key can hold.
const LONG = encodeURIComponent('ب'.repeat(300));

describe('a slug longer than a KV key allows', () => {
  it.each([`/api/articles/${LONG}`, `/api/articles/${LONG}/comments`, `/api/articles/${LONG}/comments/1`])(
    'GET %s is a 404 problem',
    async (path) => {
      await expectProblem(await request(path), 404);
    },
  );

  it.each([
    `/articles/${LONG}`,
    `/articles/${LONG}/comments/feed.xml`,
    `/articles/${LONG}/comments/feed.atom`,
    `/articles/${LONG}/comments/feed.json`,
    `/categories/${LONG}`,
    `/categories/${LONG}/feed.xml`,
    `/categories/${LONG}/feed.json`,
  ])('GET %s is a 404 page', async (path) => {
    expect((await request(path)).status).toBe(404);
  });

  it('is a 404 when a comment is posted to it, by the API or by the form', async () => {
    const reader = newReader();
    await expectProblem(await postComment(`/articles/${LONG}`, { name: 'a', email: reader.email, body: 'x' }, reader), 404);
    expect((await postForm(`/articles/${LONG}`, { name: 'a', email: reader.email, body: 'x' }, reader.ip)).status).toBe(404);
  });
});

describe('POST /articles/:slug/comments with a body that cannot be parsed', () => {
  it.each([
    ['no boundary', 'multipart/form-data', '--b\r\nContent-Disposition: form-data; name="body"\r\n\r\nنص\r\n--b--\r\n'],
    [
      'a wrong boundary',
      'multipart/form-data; boundary=zz',
      '--b\r\nContent-Disposition: form-data; name="body"\r\n\r\nنص\r\n--b--\r\n',
    ],
    ['a truncated body', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="body"\r\n\r\nنص'],
  ])('answers 400 with the article page and an Arabic explanation (%s)', async (_, type, body) => {
    const reader = newReader();
    const response = await request('/articles/ankara-energy/comments', {
      method: 'POST',
      headers: { 'Content-Type': type, Origin: 'https://minbar.test', 'CF-Connecting-IP': reader.ip },
      body,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(await textsOf(html, '.form-alert')).toEqual(['تعذّر قراءة التعليق المرسَل. أعد كتابته وأرسله مرة أخرى.']);
  });
});

describe('X-Moderator on the admin API', () => {
  it('records a name up to 94 characters as admin:<name>, and refuses a longer one with 400 instead of failing', async () => {
    const id = await seedComment({ slug: 'ankara-energy', body: `مراجعة ${crypto.randomUUID()}`, status: 'pending' });
    const patch = (moderator: string) =>
      admin(`/comments/${id}`, {
        method: 'PATCH',
        headers: { 'X-Moderator': moderator },
        body: JSON.stringify({ status: 'approved' }),
      });
    const tooLong = await expectProblem(await patch('x'.repeat(98)), 400);
    expect(tooLong.errors).toEqual({ 'X-Moderator': ['must be at most 94 characters'] });
    expect((await patch('h'.repeat(94))).status).toBe(200);
    const log = (await (await admin(`/comments/${id}`)).json()) as { moderation_log: Array<{ actor: string }> };
    expect(log.moderation_log.map((e) => e.actor)).toEqual([`admin:${'h'.repeat(94)}`]);
  });
});

describe('restoring a trashed comment after the same text was posted again', () => {
  it('is a 409 that names the conflict, and changes nothing', async () => {
    const reader = newReader();
    const body = `توأم ${crypto.randomUUID()}`;
    const first = await seedComment({ slug: 'ankara-energy', body, reader, status: 'pending' });
    await admin(`/comments/${first}`, { method: 'PATCH', body: JSON.stringify({ status: 'trash' }) });
    await seedComment({ slug: 'ankara-energy', body, reader, status: 'pending', minutesAgo: 30 });
    const problem = await expectProblem(
      await admin(`/comments/${first}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) }),
      409,
    );
    expect(problem.type).toBe('https://minbar.test/problems/duplicate-comment');
    expect(problem.detail).toMatch(/cannot leave the trash/);
    expect((await findComments(body)).map((c) => c.status).sort()).toEqual(['pending', 'trash']);
  });
});

describe('deleting a parent and its reply at the same moment', () => {
  it('deletes both and keeps the grandchild, moved up to the top, without a 5xx', async () => {
    const slug = 'ankara-energy';
    const marker = crypto.randomUUID();
    const parent = await seedComment({ slug, body: `أب ${marker}` });
    const reply = await seedComment({ slug, body: `رد ${marker}`, parentId: parent, depth: 2 });
    const grandchild = await seedComment({ slug, body: `حفيد ${marker}`, parentId: reply, depth: 3 });
    const statuses = await Promise.all([
      admin(`/comments/${parent}`, { method: 'DELETE' }),
      admin(`/comments/${reply}`, { method: 'DELETE' }),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([204, 204]);
    const row = await env.DB.prepare('SELECT parent_id, depth, visible FROM comments WHERE id = ?1').bind(grandchild).first();
    expect(row).toEqual({ parent_id: null, depth: 1, visible: 1 });
  });
});
