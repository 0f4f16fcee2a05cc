import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seedComment } from '../worker/helpers/comments.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { deskGet, postDesk, signIn } from './helpers/desk.ts';
import { request, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const unique = () => crypto.randomUUID().slice(0, 8);

describe('POST /admin/comments/:id/edit', () => {
  it('replaces name, website and text on the page and in search, keeping the previous version in its history', async () => {
    const login = await signIn();
    const before = `نص قبل التعديل ${unique()}`;
    const after = `نص بعد التعديل ${unique()}`;
    const id = await seedComment({ slug: SEED_SLUG, body: before });
    const response = await postDesk(
      `/admin/comments/${id}/edit`,
      { csrf: login.csrf, name: 'اسم مصحح', url: 'https://fixed.example', body: after },
      login.cookie,
    );
    expect(response.status).toBe(303);
    const article = await (await request(SEED_PATH)).text();
    expect(article).toContain(after);
    expect(article).not.toContain(before);
    const found = (await (await request(`/api/search?q=${encodeURIComponent(after.split(' ').at(-1) ?? '')}`)).json()) as {
      data: unknown[];
    };
    expect(found.data.length).toBe(1);
    const page = await (await deskGet(`/admin/comments/${id}`, login.cookie)).text();
    const [earlier] = await textsOf(page, 'ol.earlier > li');
    expect(earlier).toContain(before);
    expect(earlier).toContain(login.name);
  });

  it('refuses an empty text with the page, what was typed and the message; nothing changes', async () => {
    const login = await signIn();
    const body = `يبقى كما هو ${unique()}`;
    const id = await seedComment({ slug: SEED_SLUG, body, status: 'pending' });
    const response = await postDesk(
      `/admin/comments/${id}/edit`,
      { csrf: login.csrf, name: 'اسم جديد', body: '   ' },
      login.cookie,
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect((await textsOf(html, '#edit-status')).length).toBe(1);
    expect(html).toContain('value="اسم جديد"');
    expect(await env.DB.prepare('SELECT body FROM comments WHERE id = ?1').bind(id).first('body')).toBe(body);
    const edits = await env.DB.prepare('SELECT count(*) AS n FROM comment_edits WHERE comment_id = ?1').bind(id).first('n');
    expect(edits).toBe(0);
  });

  it('refuses to edit a comment that no longer exists, and without the CSRF token', async () => {
    const login = await signIn();
    expect(
      (await postDesk('/admin/comments/987654321/edit', { csrf: login.csrf, name: 'x', body: 'y' }, login.cookie)).status,
    ).toBe(404);
    const id = await seedComment({ slug: SEED_SLUG, body: `محمي ${unique()}` });
    expect((await postDesk(`/admin/comments/${id}/edit`, { name: 'x', body: 'y' }, login.cookie)).status).toBe(403);
  });
});
