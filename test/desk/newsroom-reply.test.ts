import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seedComment } from '../worker/helpers/comments.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { deskGet, postDesk, signIn } from './helpers/desk.ts';
import { request, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const unique = () => crypto.randomUUID().slice(0, 8);

describe('POST /admin/comments/:id/reply (the newsroom replies)', () => {
  it('publishes at once under the comment, marked «المحرر» on the page and as role "newsroom" in the JSON, never an email', async () => {
    const parent = await seedComment({ slug: SEED_SLUG, body: `سؤال للمحرر ${unique()}` });
    const login = await signIn();
    const page = await (await deskGet(`/admin/comments/${parent}`, login.cookie)).text();
    expect(await textsOf(page, 'form[action$="/reply"] button')).toEqual(['انشر الرد']);
    const body = `رد التحرير ${unique()}`;
    const sent = await postDesk(`/admin/comments/${parent}/reply`, { csrf: login.csrf, body }, login.cookie);
    expect(sent.status).toBe(303);

    const row = await env.DB.prepare('SELECT id, status, author_role, author_email FROM comments WHERE body = ?1')
      .bind(body)
      .first<{ id: number; status: string; author_role: string; author_email: string }>();
    expect(row).toMatchObject({ status: 'approved', author_role: 'newsroom' });
    const html = await (await request(SEED_PATH)).text();
    expect(await textsOf(html, `#comment-${row?.id} .newsroom`)).toEqual(['المحرر']);
    expect(await textsOf(html, `#comment-${parent} .newsroom`)).toEqual([]);

    const json = await (await request(`/api/articles/${encodeURIComponent(SEED_SLUG)}/comments?limit=100`)).text();
    const replies = (
      JSON.parse(json) as { data: Array<{ id: number; role?: string; replies: Array<{ id: number; role?: string }> }> }
    ).data.find((c) => c.id === parent)?.replies;
    expect(replies?.find((r) => r.id === row?.id)?.role).toBe('newsroom');
    expect(JSON.parse(json).data.find((c: { id: number }) => c.id === parent)).not.toHaveProperty('role');
    expect(json).not.toContain(row?.author_email ?? '@');
  });

  it('refuses an empty reply, a reply to a comment that no longer exists, and one without the CSRF token', async () => {
    const parent = await seedComment({ slug: SEED_SLUG, body: `سؤال آخر ${unique()}` });
    const login = await signIn();
    expect((await postDesk(`/admin/comments/${parent}/reply`, { csrf: login.csrf, body: '  ' }, login.cookie)).status).toBe(422);
    expect((await postDesk('/admin/comments/999999999/reply', { csrf: login.csrf, body: 'رد' }, login.cookie)).status).toBe(404);
    expect((await postDesk(`/admin/comments/${parent}/reply`, { body: 'رد' }, login.cookie)).status).toBe(403);
    const replies = await env.DB.prepare('SELECT count(*) AS n FROM comments WHERE parent_id = ?1').bind(parent).first('n');
    expect(replies).toBe(0);
  });
});
