// Pinning a comment to the top of its article from the desk: the row action (no JavaScript, CSRF), its state,
// the moderation log with the moderator's name, the article page, and every refusal in Arabic.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getCommentsVersion } from '../../src/storage/comments.ts';
import { admin, seedComment } from '../worker/helpers/comments.ts';
import { attributesOf, textsOf } from '../worker/helpers/html.ts';
import { expectProblem } from '../worker/helpers/schemas.ts';
import { type DeskLogin, deskGet, logRows, postDesk, signIn } from './helpers/desk.ts';
import { request } from './helpers/http.ts';

const ARTICLE = 'benghazi-port';
const unique = () => crypto.randomUUID().slice(0, 8);
const pinnedOn = async (slug: string) =>
  (await env.DB.prepare('SELECT id FROM comments WHERE article_slug = ?1 AND pinned_at IS NOT NULL').bind(slug).all()).results;
const pinForm = (login: DeskLogin, id: number | string, pin: string, back = `/admin/comments/${id}`) =>
  postDesk(`/admin/comments/${id}/pin`, { csrf: login.csrf, pin, back }, login.cookie);
/** The top-level comments of the article page, in the order shown. */
const pageRoots = async (slug: string) =>
  (await attributesOf(await (await request(`/articles/${slug}`)).text(), '#comments > ol > li > .comment', 'id')).map((id) =>
    Number(id?.replace('comment-', '')),
  );

describe('POST /admin/comments/:id/pin', () => {
  it('pins a published comment from its page: logged with the moderator, marked «مثبّت», first on the article page', async () => {
    const login = await signIn();
    const slug = 'ankara-energy';
    const older = await seedComment({ slug, body: `أقدم ${unique()}`, minutesAgo: 90 });
    const id = await seedComment({ slug, body: `للتثبيت ${unique()}`, minutesAgo: 30 });
    expect((await pageRoots(slug)).slice(0, 2)).toEqual([older, id]);
    const page = await (await deskGet(`/admin/comments/${id}`, login.cookie)).text();
    expect(await attributesOf(page, 'button[name=pin]', 'formaction')).toEqual([`/admin/comments/${id}/pin`]);
    expect(await textsOf(page, 'button[name=pin]')).toEqual([`تثبيت أعلى المقال التعليق ${id}`]);
    const version = await getCommentsVersion(env.DB, slug);

    const response = await pinForm(login, id, 'pin');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/admin/comments/${id}?done=pin&n=1`);
    expect(await getCommentsVersion(env.DB, slug)).toBe(version + 1);
    expect(await logRows(id)).toEqual([{ from_status: 'approved', to_status: 'pinned', actor: login.name }]);
    const after = await (await deskGet(response.headers.get('Location') ?? '', login.cookie)).text();
    expect(await textsOf(after, '.done')).toEqual(['ثُبّت التعليق أعلى مقاله.']);
    expect(await textsOf(after, '.pin-state')).toEqual(['مثبّت']);
    expect(await textsOf(after, 'button[name=pin]')).toEqual([`إلغاء التثبيت التعليق ${id}`]);
    const history = await textsOf(after, 'tbody tr');
    expect(history).toHaveLength(1);
    expect(history[0]).toContain(login.name);
    expect(history[0]).toContain('مثبّت');

    expect((await pageRoots(slug))[0]).toBe(id);
    const article = await (await request(`/articles/${slug}`)).text();
    expect(await textsOf(article, `#comment-${id} .pinned`)).toEqual(['مثبّت']);
  });

  it('pins and unpins from the published queue, by the row button, back to the queue with what was done', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `من القائمة ${unique()}`, minutesAgo: 0 });
    const queue = '/admin/comments?status=approved';
    const html = await (await deskGet(queue, login.cookie)).text();
    expect(await attributesOf(html, `#row-${id} button[name=pin]`, 'value')).toEqual(['pin']);
    const pinned = await pinForm(login, id, 'pin', queue);
    expect(pinned.headers.get('Location')).toBe(`${queue}&done=pin&n=1`);
    const back = await (await deskGet(pinned.headers.get('Location') ?? '', login.cookie)).text();
    expect(await textsOf(back, '.done')).toEqual(['ثُبّت التعليق أعلى مقاله.']);
    expect(await textsOf(back, `#row-${id} .pin-state`)).toEqual(['مثبّت']);
    expect(await attributesOf(back, `#row-${id} button[name=pin]`, 'value')).toEqual(['unpin']);

    const unpinned = await pinForm(login, id, 'unpin', queue);
    expect(unpinned.headers.get('Location')).toBe(`${queue}&done=unpin&n=1`);
    expect(await pinnedOn(ARTICLE)).toEqual([]);
    expect(await logRows(id)).toEqual([
      { from_status: 'approved', to_status: 'pinned', actor: login.name },
      { from_status: 'pinned', to_status: 'unpinned', actor: login.name },
    ]);
    const log = await textsOf(await (await deskGet('/admin/log', login.cookie)).text(), 'tbody tr');
    expect(log[0]).toContain(login.name);
    expect(log[0]).toContain('أُلغي التثبيت');
    expect(await textsOf(await (await request(`/articles/${ARTICLE}`)).text(), '.pinned')).toEqual([]);
  });

  it('keeps one pin per article: pinning another unpins the first, both logged', async () => {
    const login = await signIn();
    const slug = 'istanbul-talks';
    const first = await seedComment({ slug, body: `الأول ${unique()}` });
    const second = await seedComment({ slug, body: `الثاني ${unique()}` });
    await pinForm(login, first, 'pin');
    await pinForm(login, second, 'pin');
    expect(await pinnedOn(slug)).toEqual([{ id: second }]);
    expect((await logRows(first)).at(-1)).toEqual({ from_status: 'pinned', to_status: 'unpinned', actor: login.name });
    expect((await pageRoots(slug))[0]).toBe(second);
    // Sent twice (a page left open): nothing changes, nothing more is logged.
    await pinForm(login, second, 'pin');
    expect(await logRows(second)).toHaveLength(1);
  });

  it('drops the pin when the comment is marked spam: gone from the page and from the desk', async () => {
    const login = await signIn();
    const slug = 'ankara-energy';
    const id = await seedComment({ slug, body: `سيصبح مزعجاً ${unique()}` });
    await pinForm(login, id, 'pin');
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'spam' }, login.cookie);
    expect(await pageRoots(slug)).not.toContain(id);
    const page = await (await deskGet(`/admin/comments/${id}`, login.cookie)).text();
    expect(await textsOf(page, '.pin-state')).toEqual([]);
    expect(await textsOf(page, 'button[name=pin]')).toEqual([]);
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'approve' }, login.cookie);
    expect(await pinnedOn(slug)).not.toContainEqual({ id });
  });
});

describe('refusals of a pin', () => {
  it.each(['pending', 'spam'] as const)('refuses a %s comment with a clear message, offering no pin button', async (status) => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `غير منشور ${unique()}`, status });
    expect(await textsOf(await (await deskGet(`/admin/comments/${id}`, login.cookie)).text(), 'button[name=pin]')).toEqual([]);
    const response = await pinForm(login, id, 'pin');
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(await textsOf(html, 'h1')).toEqual(['تعذّر التثبيت']);
    expect((await textsOf(html, '[role=alert] p'))[0]).toBe('لا يُثبَّت إلا تعليق منشور: اعتمده أولاً ثم ثبّته. لم يتغيّر شيء.');
    expect(await logRows(id)).toEqual([]);
  });

  it('refuses a trashed comment', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `للمهملات ${unique()}` });
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'trash' }, login.cookie);
    expect((await pinForm(login, id, 'pin')).status).toBe(409);
    expect(await pinnedOn(ARTICLE)).not.toContainEqual({ id });
  });

  it('refuses a reply, which stays in its thread', async () => {
    const login = await signIn();
    const parent = await seedComment({ slug: ARTICLE, body: `أصل ${unique()}` });
    const reply = await seedComment({ slug: ARTICLE, body: `ردّ ${unique()}`, parentId: parent, depth: 2 });
    expect(await textsOf(await (await deskGet(`/admin/comments/${reply}`, login.cookie)).text(), 'button[name=pin]')).toEqual([]);
    const response = await pinForm(login, reply, 'pin');
    expect(response.status).toBe(409);
    expect((await textsOf(await response.text(), '[role=alert] p'))[0]).toBe(
      'لا يُثبَّت ردّ: ثبّت التعليق الذي بدأ النقاش. لم يتغيّر شيء.',
    );
    expect(await pinnedOn(ARTICLE)).not.toContainEqual({ id: reply });
  });

  it('refuses a comment that does not exist (or a path that is no id) with 404, and an unknown action with 400', async () => {
    const login = await signIn();
    for (const id of ['987654', 'abc']) {
      const response = await pinForm(login, id, 'pin');
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(await textsOf(html, 'h1')).toEqual(['التعليق غير موجود']);
      expect((await textsOf(html, '[role=alert] p'))[0]).toBe(`لم يعد التعليق ${id} موجوداً. لم يتغيّر شيء.`);
    }
    const id = await seedComment({ slug: ARTICLE, body: `إجراء مجهول ${unique()}` });
    expect((await pinForm(login, id, 'stick')).status).toBe(400);
    expect(await logRows(id)).toEqual([]);
  });

  it('refuses a pin without the CSRF token, or from another site, and pins nothing', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `بلا رمز ${unique()}` });
    const noToken = await postDesk(`/admin/comments/${id}/pin`, { pin: 'pin' }, login.cookie);
    expect(noToken.status).toBe(403);
    const crossSite = await postDesk(`/admin/comments/${id}/pin`, { csrf: login.csrf, pin: 'pin' }, login.cookie, {
      Origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect(await pinnedOn(ARTICLE)).not.toContainEqual({ id });
    expect(await logRows(id)).toEqual([]);
  });
});

describe('POST and DELETE /api/admin/comments/:id/pin (forwarded to the desk Worker)', () => {
  const pinApi = (id: number | string, method: 'POST' | 'DELETE', headers: Record<string, string> = {}) =>
    admin(`/comments/${id}/pin`, { method, headers });

  it('pins and unpins with the Bearer token, logged under X-Moderator, first in the public JSON while pinned', async () => {
    const slug = 'istanbul-talks';
    const id = await seedComment({ slug, body: `عبر الواجهة ${unique()}`, minutesAgo: 0 });
    const pinned = await pinApi(id, 'POST', { 'X-Moderator': 'huda' });
    expect(pinned.status).toBe(204);
    expect(pinned.headers.get('Cache-Control')).toBe('no-store');
    const list = async () =>
      ((await (await request(`/api/articles/${slug}/comments`)).json()) as { data: Array<{ id: number; pinned?: true }> }).data;
    expect((await list())[0]).toMatchObject({ id, pinned: true });
    expect((await pinApi(id, 'DELETE', { 'X-Moderator': 'huda' })).status).toBe(204);
    expect((await list()).find((c) => c.id === id)).not.toHaveProperty('pinned');
    expect(await logRows(id)).toEqual([
      { from_status: 'approved', to_status: 'pinned', actor: 'admin:huda' },
      { from_status: 'pinned', to_status: 'unpinned', actor: 'admin:huda' },
    ]);
  });

  it('answers problems: 409 for a held comment or a reply, 404 for none, 401 without the token', async () => {
    const held = await seedComment({ slug: ARTICLE, body: `معلّق ${unique()}`, status: 'pending' });
    const heldAnswer = await expectProblem(await pinApi(held, 'POST'), 409);
    expect(heldAnswer.detail).toBe(`Comment ${held} is pending: only an approved comment can be pinned.`);
    const parent = await seedComment({ slug: ARTICLE, body: `أصل ${unique()}` });
    const reply = await seedComment({ slug: ARTICLE, body: `ردّ ${unique()}`, parentId: parent, depth: 2 });
    expect((await expectProblem(await pinApi(reply, 'POST'), 409)).detail).toBe(
      `Comment ${reply} is a reply: only a top-level comment can be pinned.`,
    );
    await expectProblem(await pinApi(987_654, 'POST'), 404);
    await expectProblem(await pinApi('x1', 'DELETE'), 404);
    const anonymous = await request(`/api/admin/comments/${parent}/pin`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(await pinnedOn(ARTICLE)).toEqual([]);
  });
});
