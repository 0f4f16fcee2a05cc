import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getCommentsVersion } from '../../src/storage/comments.ts';
import { admin, newReader, postComment, seedComment } from '../worker/helpers/comments.ts';
import { attributesOf, textsOf } from '../worker/helpers/html.ts';
import { deskGet, logRows, postDesk, signIn } from './helpers/desk.ts';
import { request, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const ARTICLE = 'benghazi-port';
const unique = () => crypto.randomUUID().slice(0, 8);
const statusOf = async (id: number) =>
  env.DB.prepare('SELECT status FROM comments WHERE id = ?1').bind(id).first<string>('status');

describe('GET /admin/comments (queues)', () => {
  it('lists a queue newest first with every queue count, the reasons it was held, and the commenter details', async () => {
    const login = await signIn();
    const reader = newReader('صاحب الروابط');
    const body = `انظر https://a.example و https://b.example ${unique()}`;
    expect((await postComment(`/articles/${ARTICLE}`, { name: reader.name, email: reader.email, body }, reader)).status).toBe(
      202,
    );
    const newer = await seedComment({ slug: ARTICLE, body: `أحدث ${unique()}`, status: 'pending', minutesAgo: 0 });
    const response = await deskGet('/admin/comments?status=pending', login.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const html = await response.text();
    const ids = (await attributesOf(html, 'input[name=ids]', 'value')).map(Number);
    expect(ids[0]).toBe(newer);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const [pendingCount] = await textsOf(html, 'h1');
    const total = await env.DB.prepare("SELECT count(*) AS n FROM comments WHERE status = 'pending'").first<number>('n');
    expect(pendingCount).toBe(`بانتظار المراجعة (${total})`);
    const row = (await textsOf(html, '.queue > li')).find((text) => text.includes(body)) ?? '';
    expect(row).toContain(reader.email);
    expect(row).toContain('عدد الروابط («2»)');
    expect(row).toContain('أول تعليق لهذا البريد');
  });

  it('filters by article, text, email and client, and links each comment to all from its client', async () => {
    const login = await signIn();
    const reader = newReader();
    const tag = unique();
    const mine = await seedComment({ slug: ARTICLE, body: `نص مميز ${tag}`, status: 'pending', reader });
    await seedComment({ slug: SEED_SLUG, body: `آخر ${tag}`, status: 'pending' });
    const idsFor = async (query: string) =>
      (
        await attributesOf(await (await deskGet(`/admin/comments?${query}`, login.cookie)).text(), 'input[name=ids]', 'value')
      ).map(Number);
    expect(await idsFor(`status=pending&q=${encodeURIComponent(`مميز ${tag}`)}`)).toEqual([mine]);
    expect(await idsFor(`status=pending&email=${encodeURIComponent(reader.email.toUpperCase())}`)).toEqual([mine]);
    expect(await idsFor(`status=pending&article=${ARTICLE}&q=${tag}`)).toEqual([mine]);
    const html = await (await deskGet(`/admin/comments?status=pending&q=${tag}`, login.cookie)).text();
    const clientLinks = await attributesOf(html, `#row-${mine} a[href^="/admin/comments?client="]`, 'href');
    expect(clientLinks).toEqual([`/admin/comments?client=${'f'.repeat(64)}`]);
  });

  it('pages 50 at a time with a cursor to older comments', async () => {
    const login = await signIn();
    const tag = unique();
    const ids: number[] = [];
    for (let i = 0; i < 51; i++) ids.push(await seedComment({ slug: ARTICLE, body: `صفحة ${tag} ${i}`, status: 'spam' }));
    const first = await (await deskGet(`/admin/comments?status=spam&q=${tag}`, login.cookie)).text();
    expect((await attributesOf(first, 'input[name=ids]', 'value')).length).toBe(50);
    const [next] = await attributesOf(first, 'a[rel=next]', 'href');
    expect(next).toBe(`/admin/comments?status=spam&q=${tag}&cursor=${ids[1]}`);
    const second = await (await deskGet(next ?? '', login.cookie)).text();
    expect((await attributesOf(second, 'input[name=ids]', 'value')).map(Number)).toEqual([ids[0]]);
  });
});

describe('desk actions', () => {
  it('approving a held comment publishes it on the article page, logged under the moderator name', async () => {
    const login = await signIn();
    const body = `تعليق للاعتماد ${unique()}`;
    const id = await seedComment({ slug: SEED_SLUG, body, status: 'pending' });
    const response = await postDesk(
      `/admin/comments/${id}/moderate`,
      { csrf: login.csrf, action: 'approve', back: '/admin/comments?status=pending' },
      login.cookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/admin/comments?status=pending&done=approve&n=1');
    expect(await statusOf(id)).toBe('approved');
    expect(await logRows(id)).toEqual([{ from_status: 'pending', to_status: 'approved', actor: login.name }]);
    expect(await (await request(SEED_PATH)).text()).toContain(body);
    const back = await (await deskGet(response.headers.get('Location') ?? '', login.cookie)).text();
    expect(await textsOf(back, '.done')).toEqual(['اعتُمد: 1']);
  });

  it('bulk-spams several comments in one go: one log row each, each article version bumped once, search updated', async () => {
    const login = await signIn();
    const tag = unique();
    const ids = [
      await seedComment({ slug: ARTICLE, body: `بحث${tag} أ` }),
      await seedComment({ slug: ARTICLE, body: `بحث${tag} ب` }),
      await seedComment({ slug: SEED_SLUG, body: `بحث${tag} ج` }),
    ];
    await Promise.all(
      ids.map((id) => admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) })),
    );
    const search = async () =>
      (await (await request(`/api/search?q=${encodeURIComponent(`بحث${tag}`)}`)).json()) as { data: unknown[] };
    expect((await search()).data.length).toBe(3);
    const before = [await getCommentsVersion(env.DB, ARTICLE), await getCommentsVersion(env.DB, SEED_SLUG)];
    const response = await postDesk(
      '/admin/comments/bulk',
      { csrf: login.csrf, bulk_action: 'spam', action: 'bulk', ids: ids.map(String), back: '/admin/comments?status=approved' },
      login.cookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toContain('done=spam&n=3');
    for (const id of ids) {
      expect(await statusOf(id)).toBe('spam');
      expect((await logRows(id)).filter((r) => r.actor === login.name)).toEqual([
        { from_status: 'approved', to_status: 'spam', actor: login.name },
      ]);
    }
    expect([await getCommentsVersion(env.DB, ARTICLE), await getCommentsVersion(env.DB, SEED_SLUG)]).toEqual(
      before.map((v) => v + 1),
    );
    expect((await search()).data).toEqual([]);
  });

  it('refuses more than 100 ids and changes nothing', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `كثير ${unique()}`, status: 'pending' });
    const ids = [id, ...Array.from({ length: 100 }, (_, i) => 900_000 + i)].map(String);
    const response = await postDesk('/admin/comments/bulk', { csrf: login.csrf, bulk_action: 'trash', ids }, login.cookie);
    expect(response.status).toBe(422);
    expect(await textsOf(await response.text(), 'h1')).toEqual(['تعليقات كثيرة']);
    expect(await statusOf(id)).toBe('pending');
  });

  it('refuses an action on a comment that no longer exists, and changes none of the others', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `موجود ${unique()}`, status: 'pending' });
    const gone = await seedComment({ slug: ARTICLE, body: `سيحذف ${unique()}`, status: 'pending' });
    expect((await admin(`/comments/${gone}`, { method: 'DELETE' })).status).toBe(204);
    const bulk = await postDesk(
      '/admin/comments/bulk',
      { csrf: login.csrf, bulk_action: 'approve', ids: [String(id), String(gone)] },
      login.cookie,
    );
    expect(bulk.status).toBe(404);
    expect(await statusOf(id)).toBe('pending');
    const row = await postDesk(`/admin/comments/${gone}/moderate`, { csrf: login.csrf, action: 'approve' }, login.cookie);
    expect(row.status).toBe(404);
    expect((await deskGet(`/admin/comments/${gone}`, login.cookie)).status).toBe(404);
  });

  it('refuses an action without the CSRF token and changes nothing', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `بلا رمز ${unique()}`, status: 'pending' });
    const response = await postDesk(`/admin/comments/${id}/moderate`, { action: 'approve' }, login.cookie);
    expect(response.status).toBe(403);
    expect(await statusOf(id)).toBe('pending');
  });

  it('shows one comment with its history, and the site-wide log with the latest actions', async () => {
    const login = await signIn();
    const id = await seedComment({ slug: ARTICLE, body: `تاريخ ${unique()}`, status: 'pending' });
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'trash' }, login.cookie);
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'restore' }, login.cookie);
    const page = await (await deskGet(`/admin/comments/${id}`, login.cookie)).text();
    const rows = await textsOf(page, 'tbody tr');
    expect(rows.length).toBe(2);
    expect(rows[0]).toContain('في المهملات');
    expect(rows[1]).toContain(login.name);
    const log = await textsOf(await (await deskGet('/admin/log', login.cookie)).text(), 'tbody tr');
    expect(log[0]).toContain(login.name);
    expect(log[0]).toContain(String(id));
  });
});

describe('the desk and the moderators’ digest', () => {
  const seenAt = () => env.DB.prepare("SELECT value FROM notification_state WHERE name = 'queue_seen_at'").first<string>('value');

  it('opening the pending queue, or acting on a comment, counts as looking at the queue', async () => {
    const login = await signIn();
    const before = new Date().toISOString();
    await deskGet('/admin/comments?status=pending', login.cookie);
    expect(Date.parse((await seenAt()) ?? '')).toBeGreaterThanOrEqual(Date.parse(before));
    const id = await seedComment({ slug: ARTICLE, body: `مُشاهَد ${unique()}`, status: 'pending' });
    const beforeAction = new Date().toISOString();
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'spam' }, login.cookie);
    expect(Date.parse((await seenAt()) ?? '')).toBeGreaterThanOrEqual(Date.parse(beforeAction));
  });
});
