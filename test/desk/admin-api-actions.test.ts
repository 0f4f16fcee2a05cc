// The admin API's desk actions (served by the desk Worker, forwarded by the public one): bulk actions, edits, the
// newsroom's replies, blocks, an article's comment state, the site's log and the reported queue, each with the
// Bearer token, logged under X-Moderator, and its refusals as problem+json.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getCommentsVersion } from '../../src/storage/comments.ts';
import { admin, newReader, postComment, seedComment } from '../worker/helpers/comments.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { expectProblem } from '../worker/helpers/schemas.ts';
import { logRows, postDesk, signIn } from './helpers/desk.ts';
import { ORIGIN, request, SEED_SLUG } from './helpers/http.ts';

const ARTICLE = 'benghazi-port';
const unique = () => crypto.randomUUID().slice(0, 8);
const json = (body: unknown) => JSON.stringify(body);
const statusOf = (id: number) => env.DB.prepare('SELECT status FROM comments WHERE id = ?1').bind(id).first<string>('status');
const huda = { 'X-Moderator': 'huda' };

describe('POST /api/admin/comments/bulk', () => {
  it('spams several comments at once: one log row each, each article bumped once, search updated, missing ids listed', async () => {
    const tag = unique();
    const ids = [
      await seedComment({ slug: ARTICLE, body: `جملة${tag} أ` }),
      await seedComment({ slug: ARTICLE, body: `جملة${tag} ب` }),
      await seedComment({ slug: SEED_SLUG, body: `جملة${tag} ج` }),
    ];
    const search = async () =>
      ((await (await request(`/api/search?q=${encodeURIComponent(`جملة${tag}`)}`)).json()) as { data: unknown[] }).data;
    expect(await search()).toHaveLength(3);
    const before = [await getCommentsVersion(env.DB, ARTICLE), await getCommentsVersion(env.DB, SEED_SLUG)];
    const response = await admin('/comments/bulk', {
      method: 'POST',
      headers: huda,
      body: json({ ids: [...ids, 987_654_321], action: 'spam' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ action: 'spam', done: ids, missing: [987_654_321] });
    for (const id of ids) {
      expect(await statusOf(id)).toBe('spam');
      expect(await logRows(id)).toEqual([{ from_status: 'approved', to_status: 'spam', actor: 'admin:huda' }]);
    }
    expect([await getCommentsVersion(env.DB, ARTICLE), await getCommentsVersion(env.DB, SEED_SLUG)]).toEqual(
      before.map((v) => v + 1),
    );
    expect(await search()).toEqual([]);

    const deleted = await admin('/comments/bulk', { method: 'POST', body: json({ ids: ids.slice(0, 1), action: 'delete' }) });
    expect(await deleted.json()).toEqual({ action: 'delete', done: ids.slice(0, 1), missing: [] });
    const again = await admin('/comments/bulk', { method: 'POST', body: json({ ids: ids.slice(0, 1), action: 'restore' }) });
    expect(await again.json()).toEqual({ action: 'restore', done: [], missing: ids.slice(0, 1) });
  });

  it('refuses more than 100 ids, none, an unknown action and no token, changing nothing', async () => {
    const id = await seedComment({ slug: ARTICLE, body: `كثير ${unique()}`, status: 'pending' });
    const many = Array.from({ length: 101 }, (_, i) => (i === 0 ? id : 900_000_000 + i));
    const tooMany = await expectProblem(
      await admin('/comments/bulk', { method: 'POST', body: json({ ids: many, action: 'approve' }) }),
      422,
    );
    expect(tooMany.errors).toHaveProperty('ids');
    const none = await expectProblem(
      await admin('/comments/bulk', { method: 'POST', body: json({ ids: [], action: 'approve' }) }),
      422,
    );
    expect(none.errors).toHaveProperty('ids');
    const unknown = await expectProblem(
      await admin('/comments/bulk', { method: 'POST', body: json({ ids: [id], action: 'publish' }) }),
      422,
    );
    expect(unknown.errors).toHaveProperty('action');
    const anonymous = await request('/api/admin/comments/bulk', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: json({ ids: [id], action: 'approve' }),
    });
    await expectProblem(anonymous, 401);
    expect(await statusOf(id)).toBe('pending');
  });
});

describe('restoring in bulk a trashed comment after the same text was posted again', () => {
  it('is a 409 that names the conflict and changes nothing, in the API and on the desk', async () => {
    const reader = newReader();
    const body = `توأم ${unique()}`;
    const first = await seedComment({ slug: ARTICLE, body, reader, status: 'pending' });
    const other = await seedComment({ slug: ARTICLE, body: `آخر ${unique()}`, status: 'pending' });
    await admin('/comments/bulk', { method: 'POST', body: json({ ids: [first], action: 'trash' }) });
    await seedComment({ slug: ARTICLE, body, reader, status: 'pending', minutesAgo: 30 });
    const problem = await expectProblem(
      await admin('/comments/bulk', { method: 'POST', body: json({ ids: [other, first], action: 'approve' }) }),
      409,
    );
    expect(problem.type).toBe('https://minbar.test/problems/duplicate-comment');
    expect(problem.detail).toContain(String(first));
    expect([await statusOf(first), await statusOf(other)]).toEqual(['trash', 'pending']);
    const login = await signIn();
    const desk = await postDesk(
      '/admin/comments/bulk',
      { csrf: login.csrf, bulk_action: 'restore', action: 'bulk', ids: [String(first)], back: '/admin/comments?status=trash' },
      login.cookie,
    );
    expect(desk.status).toBe(409);
    expect(await textsOf(await desk.text(), 'main p')).toContain(
      `التعليق ${first} في سلة المهملات ونُشر مثله بعده: احذف أحدهما أولاً. لم يتغيّر شيء.`,
    );
    expect(await statusOf(first)).toBe('trash');
  });
});

describe('PATCH /api/admin/comments/:id/content', () => {
  it('edits the text and website, keeping the name and the previous version; the article shows the new text', async () => {
    const slug = 'istanbul-talks';
    const old = `نص قديم ${unique()}`;
    const id = await seedComment({ slug, body: old, url: 'https://example.com/a' });
    const fixed = `نص مصحّح ${unique()}`;
    const response = await admin(`/comments/${id}/content`, {
      method: 'PATCH',
      headers: huda,
      body: json({ body: fixed, url: null }),
    });
    expect(response.status).toBe(200);
    const edited = (await response.json()) as {
      body: string;
      author: { name: string; url: string | null };
      earlier_versions: Array<{ body: string; url: string | null; edited_by: string }>;
    };
    expect(edited.body).toBe(fixed);
    expect(edited.author.url).toBeNull();
    expect(edited.earlier_versions).toMatchObject([{ body: old, url: 'https://example.com/a', edited_by: 'admin:huda' }]);
    const page = await (await request(`/articles/${slug}`)).text();
    expect(page).toContain(fixed);
    expect(page).not.toContain(old);
  });

  it('refuses an empty text (422), unknown fields (422), an unknown comment (404) and no token (401)', async () => {
    const body = `باقٍ ${unique()}`;
    const id = await seedComment({ slug: ARTICLE, body });
    const empty = await expectProblem(
      await admin(`/comments/${id}/content`, { method: 'PATCH', body: json({ body: '   ' }) }),
      422,
    );
    expect(empty.errors).toHaveProperty('body');
    await expectProblem(await admin(`/comments/${id}/content`, { method: 'PATCH', body: json({ status: 'approved' }) }), 422);
    await expectProblem(await admin(`/comments/${id}/content`, { method: 'PATCH', body: json({}) }), 422);
    await expectProblem(await admin('/comments/987654321/content', { method: 'PATCH', body: json({ body: 'نص' }) }), 404);
    await expectProblem(await request(`/api/admin/comments/${id}/content`, { method: 'PATCH', body: json({ body: 'x' }) }), 401);
    expect((await env.DB.prepare('SELECT body FROM comments WHERE id = ?1').bind(id).first('body')) as string).toBe(body);
  });
});

describe('POST /api/admin/comments/:id/reply', () => {
  it('publishes the newsroom reply at once under the comment, as role "newsroom" in the public JSON', async () => {
    const slug = 'ankara-energy';
    const parent = await seedComment({ slug, body: `سؤال ${unique()}` });
    const text = `ردّ التحرير ${unique()}`;
    const response = await admin(`/comments/${parent}/reply`, { method: 'POST', body: json({ body: text }) });
    expect(response.status).toBe(201);
    const reply = (await response.json()) as { id: number; parent_id: number; status: string };
    expect(reply).toMatchObject({ parent_id: parent, status: 'approved' });
    expect(response.headers.get('Location')).toBe(`/api/admin/comments/${reply.id}`);
    const publicJson = (await (await request(`/api/articles/${slug}/comments/${reply.id}`)).json()) as Record<string, unknown>;
    expect(publicJson).toMatchObject({ body: text, role: 'newsroom' });
    expect(JSON.stringify(publicJson)).not.toContain('@');
  });

  it('refuses a held comment (409), an empty body (422), an unknown comment (404) and no token (401)', async () => {
    const held = await seedComment({ slug: ARTICLE, body: `معلّق ${unique()}`, status: 'pending' });
    await expectProblem(await admin(`/comments/${held}/reply`, { method: 'POST', body: json({ body: 'ردّ' }) }), 409);
    await expectProblem(await admin(`/comments/${held}/reply`, { method: 'POST', body: json({ body: ' ' }) }), 422);
    await expectProblem(await admin('/comments/987654321/reply', { method: 'POST', body: json({ body: 'ردّ' }) }), 404);
    await expectProblem(await request(`/api/admin/comments/${held}/reply`, { method: 'POST', body: json({ body: 'ردّ' }) }), 401);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM comments WHERE parent_id = ?1').bind(held).first('n')).toBe(0);
  });
});

describe('GET, POST and DELETE /api/admin/blocks', () => {
  it("blocks a comment's email for good: listed, the next comment from it goes to spam; lifted, it is published again", async () => {
    const reader = newReader();
    const id = await seedComment({ slug: ARTICLE, body: `أول ${unique()}`, reader });
    const post = async (text: string) => {
      // Each from another network, so flood control never answers: only the email is the reader's.
      const from = { ...newReader(), email: reader.email };
      const response = await postComment(`/articles/${ARTICLE}`, { name: from.name, email: from.email, body: text }, from);
      expect(response.status).toBeLessThan(300);
      const status = await env.DB.prepare('SELECT status FROM comments WHERE body = ?1').bind(text).first<string>('status');
      // Out of flood control's window for the next one.
      await env.DB.prepare("UPDATE comments SET created_at = '2020-01-01T00:00:00.000Z' WHERE body = ?1").bind(text).run();
      return status;
    };
    const blocked = await admin('/blocks', { method: 'POST', headers: huda, body: json({ kind: 'email', comment_id: id }) });
    expect(blocked.status).toBe(201);
    const email = reader.email.toLowerCase();
    expect(await blocked.json()).toMatchObject({ kind: 'email', value: email, until: null, created_by: 'admin:huda' });
    const list = (await (await admin('/blocks')).json()) as { data: Array<{ kind: string; value: string }> };
    expect(list.data).toContainEqual(expect.objectContaining({ kind: 'email', value: email }));
    expect(await post(`ثان ${unique()}`)).toBe('spam');

    const lifted = await admin(`/blocks?kind=email&value=${encodeURIComponent(reader.email)}`, { method: 'DELETE' });
    expect(lifted.status).toBe(204);
    const after = (await (await admin('/blocks')).json()) as typeof list;
    expect(after.data).not.toContainEqual(expect.objectContaining({ kind: 'email', value: email }));
    expect(await post(`ثالث ${unique()}`)).toBe('approved');
  });

  it('blocks a client for a number of days', async () => {
    const value = 'a'.repeat(64);
    const response = await admin('/blocks', { method: 'POST', body: json({ kind: 'client', value, days: 7 }) });
    expect(response.status).toBe(201);
    const { until } = (await response.json()) as { until: string };
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(Date.parse(until) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('refuses a bad body (422), an unknown comment (404), lifting no block (404) and no token (401)', async () => {
    await expectProblem(await admin('/blocks', { method: 'POST', body: json({ kind: 'phone', value: 'x' }) }), 422);
    await expectProblem(await admin('/blocks', { method: 'POST', body: json({ kind: 'email' }) }), 422);
    const notEmail = await expectProblem(
      await admin('/blocks', { method: 'POST', body: json({ kind: 'email', value: 'salem' }) }),
      422,
    );
    expect(notEmail.errors).toEqual({ value: ['must be an email address'] });
    await expectProblem(
      await admin('/blocks', { method: 'POST', body: json({ kind: 'email', value: 'a@b.example', days: 0 }) }),
      422,
    );
    await expectProblem(await admin('/blocks', { method: 'POST', body: json({ kind: 'client', comment_id: 987654321 }) }), 404);
    await expectProblem(await admin('/blocks?kind=email&value=nobody%40nowhere.example', { method: 'DELETE' }), 404);
    await expectProblem(await admin('/blocks?kind=phone&value=1', { method: 'DELETE' }), 400);
    await expectProblem(await request('/api/admin/blocks'), 401);
  });
});

describe('PUT /api/admin/articles/:slug/comments-state', () => {
  it('closes an article at once and reopens it, without republishing', async () => {
    const slug = 'ankara-energy';
    const closed = await admin(`/articles/${slug}/comments-state`, {
      method: 'PUT',
      headers: huda,
      body: json({ state: 'closed' }),
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ slug, state: 'closed' });
    const open = async () =>
      ((await (await request(`/api/articles/${slug}`)).json()) as { comments: { open: boolean } }).comments.open;
    expect(await open()).toBe(false);
    const reader = newReader();
    await expectProblem(
      await postComment(`/articles/${slug}`, { name: reader.name, email: reader.email, body: 'مغلق؟' }, reader),
      403,
    );
    await admin(`/articles/${slug}/comments-state`, { method: 'PUT', body: json({ state: 'open' }) });
    expect(await open()).toBe(true);
  });

  it('refuses an unknown state (422), an unknown article (404) and no token (401)', async () => {
    await expectProblem(
      await admin(`/articles/${ARTICLE}/comments-state`, { method: 'PUT', body: json({ state: 'locked' }) }),
      422,
    );
    await expectProblem(
      await admin('/articles/no-such-article/comments-state', { method: 'PUT', body: json({ state: 'closed' }) }),
      404,
    );
    await expectProblem(
      await request(`/api/admin/articles/${ARTICLE}/comments-state`, { method: 'PUT', body: json({ state: 'closed' }) }),
      401,
    );
  });
});

describe('GET /api/admin/log', () => {
  it('pages the latest actions across the site, newest first, by cursor', async () => {
    const ids = [
      await seedComment({ slug: ARTICLE, body: `سجل ${unique()}`, status: 'pending' }),
      await seedComment({ slug: SEED_SLUG, body: `سجل ${unique()}`, status: 'pending' }),
    ];
    for (const id of ids)
      await admin('/comments/bulk', { method: 'POST', headers: huda, body: json({ ids: [id], action: 'approve' }) });
    const first = await admin('/log?limit=1');
    expect(first.status).toBe(200);
    const page = (await first.json()) as {
      data: Array<{ comment_id: number; to: string; actor: string }>;
      meta: { next_cursor: number };
    };
    expect(page.data).toEqual([
      expect.objectContaining({ comment_id: ids[1], from: 'pending', to: 'approved', actor: 'admin:huda' }),
    ]);
    const next = (await (await admin(`/log?limit=1&cursor=${page.meta.next_cursor}`)).json()) as typeof page;
    expect(next.data).toEqual([expect.objectContaining({ comment_id: ids[0], to: 'approved' })]);
  });

  it('refuses a bad cursor (400) and no token (401)', async () => {
    await expectProblem(await admin('/log?cursor=abc'), 400);
    await expectProblem(await request('/api/admin/log'), 401);
  });
});

describe('GET /api/admin/reports', () => {
  it('lists comments readers reported, with their reports; acting on one takes it out', async () => {
    const id = await seedComment({ slug: ARTICLE, body: `مُبلّغ ${unique()}` });
    const report = (ip: string) =>
      request(`/comments/${id}/report`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': ip },
        body: new URLSearchParams({ reason: 'abuse' }).toString(),
      });
    await report('198.51.100.7');
    const response = await admin('/reports');
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: Array<{ id: number; reports: { count: number; reasons: string[] } }> };
    expect(page.data.find((c) => c.id === id)?.reports).toEqual({ count: 1, reasons: ['abuse'] });
    await admin('/comments/bulk', { method: 'POST', body: json({ ids: [id], action: 'approve' }) });
    const after = (await (await admin('/reports')).json()) as typeof page;
    expect(after.data.map((c) => c.id)).not.toContain(id);
  });

  it('refuses a bad limit (400) and no token (401)', async () => {
    await expectProblem(await admin('/reports?limit=1000'), 400);
    await expectProblem(await request('/api/admin/reports'), 401);
  });
});

describe('hostile input to the desk-served admin routes', () => {
  const PARAMS = [
    '0',
    '-1',
    '1e3',
    '999999999999',
    '%D8',
    '%FF%FE',
    '%00',
    'a%2Fb',
    'x'.repeat(600),
    encodeURIComponent('ب'.repeat(700)),
  ];
  const BODIES = ['', 'null', '[]', '{"ids": "1"}', '{"body": 1}', '{"state": null}', '{"kind": "email", "value": ""}', '{'];
  it('never answers 5xx, whatever the path parameter, query or body', async () => {
    for (const p of PARAMS) {
      const requests: Array<[string, string, string?]> = [
        ['PATCH', `/comments/${p}/content`, '{"body": "نص"}'],
        ['POST', `/comments/${p}/reply`, '{"body": "نص"}'],
        ['PUT', `/articles/${p}/comments-state`, '{"state": "open"}'],
        ['DELETE', `/blocks?kind=client&value=${p}`],
        ['GET', `/log?cursor=${p}`],
        ['GET', `/reports?cursor=${p}&limit=${p}`],
      ];
      for (const [method, path, body] of requests) {
        const response = await admin(path, { method, ...(body ? { body } : {}) });
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
    for (const body of BODIES)
      for (const path of ['/comments/bulk', '/comments/1/reply', '/blocks'])
        expect((await admin(path, { method: 'POST', body })).status, `${path} ${body}`).toBeLessThan(500);
  });
});
