import { describe, expect, it } from 'vitest';
import { newReader, postComment, seedComment } from '../worker/helpers/comments.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { expectProblem } from '../worker/helpers/schemas.ts';
import { deskGet, postDesk, signIn } from './helpers/desk.ts';
import { request } from './helpers/http.ts';

const SLUG = 'ankara-energy';
const unique = () => crypto.randomUUID().slice(0, 8);

describe('closing and reopening comments on one article from the desk', () => {
  it('closes at once without republishing: the form goes, the API refuses, the JSON says closed; reopening undoes it', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: SLUG, body: `على المقال ${unique()}`, status: 'pending' });
    const page = await (await deskGet(`/admin/comments/${id}`, login.cookie)).text();
    expect(await textsOf(page, `form[action="/admin/articles/${SLUG}/comments-state"] button`)).toEqual([
      'أغلق التعليقات على المقال',
    ]);
    const etag = (await request(`/articles/${SLUG}`)).headers.get('ETag');
    const closed = await postDesk(
      `/admin/articles/${SLUG}/comments-state`,
      { csrf: login.csrf, state: 'closed', back: `/admin/comments/${id}` },
      login.cookie,
    );
    expect(closed.status).toBe(303);
    const article = await request(`/articles/${SLUG}`);
    expect(article.headers.get('ETag')).not.toBe(etag);
    expect(await article.text()).not.toContain('class="comment-form"');
    const json = (await (await request(`/api/articles/${SLUG}`)).json()) as { comments: { open: boolean } };
    expect(json.comments.open).toBe(false);
    const reader = newReader();
    const refused = await postComment(`/articles/${SLUG}`, { name: reader.name, email: reader.email, body: 'مغلق؟' }, reader);
    await expectProblem(refused, 403);
    await postDesk(`/admin/articles/${SLUG}/comments-state`, { csrf: login.csrf, state: 'open' }, login.cookie);
    expect(await (await request(`/articles/${SLUG}`)).text()).toContain('class="comment-form"');
    const again = newReader();
    const accepted = await postComment(
      `/articles/${SLUG}`,
      { name: again.name, email: again.email, body: `مفتوح ${unique()}` },
      again,
    );
    expect(accepted.status).toBe(202);
  });

  it('refuses an unknown article and a missing CSRF token', async () => {
    const login = await signIn();
    const missing = await postDesk(
      '/admin/articles/no-such-article/comments-state',
      { csrf: login.csrf, state: 'closed' },
      login.cookie,
    );
    expect(missing.status).toBe(404);
    expect((await postDesk(`/admin/articles/${SLUG}/comments-state`, { state: 'closed' }, login.cookie)).status).toBe(403);
    const json = (await (await request(`/api/articles/${SLUG}`)).json()) as { comments: { open: boolean } };
    expect(json.comments.open).toBe(true);
  });
});
