// The «أتفق» button: POST /comments/:id/agree, its counts in the page and the public JSON.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { forgetReactionClients } from '../../src/storage/reactions.ts';
import { admin, newReader, postSiteForm, seedComment } from './helpers/comments.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { request } from './helpers/http.ts';
import { startOfLimiterWindow } from './helpers/limiter.ts';

const SLUG = 'benghazi-port';
const PATH = `/articles/${SLUG}`;

/** Presses «أتفق» as a browser on the site would, from `ip`; a header given as null is not sent. */
const press = (id: number, ip: string, query = '', headers: Record<string, string | null> = {}) =>
  postSiteForm(`/comments/${id}/agree${query}`, {}, ip, headers);

const agreeCount = async (id: number): Promise<number | undefined> => {
  const response = await request(`/api/articles/${SLUG}/comments/${id}`);
  return response.status === 200 ? ((await response.json()) as { agree_count: number }).agree_count : undefined;
};

const buttonOf = async (html: string, id: number) => ({
  text: await textsOf(html, `#comment-${id} .agree button`),
  action: await attributesOf(html, `#comment-${id} form.agree`, 'action'),
});

const reactionRows = async (id: number) =>
  (await env.DB.prepare('SELECT count(*) AS n FROM comment_reactions WHERE comment_id = ?1').bind(id).first<number>('n')) ?? 0;

describe('POST /comments/:id/agree', () => {
  it('counts one agreement per client, takes it back on a second press, and returns to the comment', async () => {
    const id = await seedComment({ slug: SLUG, body: 'رأي صائب' });
    const [one, two] = [newReader(), newReader()];
    const first = await press(id, one.ip);
    expect(first.status).toBe(303);
    expect(first.headers.get('Location')).toBe(`${PATH}#comment-${id}`);
    expect(await agreeCount(id)).toBe(1);
    await press(id, two.ip);
    expect(await agreeCount(id)).toBe(2);
    const page = await (await request(PATH)).text();
    expect((await buttonOf(page, id)).text).toEqual(['أتفق (2)']);
    expect((await buttonOf(page, id)).action).toEqual([`/comments/${id}/agree`]);
    // The same client again: its agreement is taken back, the other stays.
    expect((await press(id, one.ip)).status).toBe(303);
    expect(await agreeCount(id)).toBe(1);
    await press(id, one.ip);
    expect(await agreeCount(id)).toBe(2);
  });

  it('keeps the reader’s view: the form posts with the order and page, the redirect goes back to them', async () => {
    const id = await seedComment({ slug: SLUG, body: 'في الصفحة' });
    const page = await (await request(`${PATH}?sort=most-agreed`)).text();
    const [action] = (await buttonOf(page, id)).action;
    expect(action).toBe(`/comments/${id}/agree?sort=most-agreed`);
    const response = await press(id, newReader().ip, `?sort=newest&comments_after=${id + 1}`);
    expect(response.headers.get('Location')).toBe(`${PATH}?sort=newest&comments_after=${id + 1}#comment-${id}`);
  });

  it('returns to the comment on its own article', async () => {
    const elsewhere = await seedComment({ slug: 'ankara-energy', body: 'في مقال آخر' });
    const response = await press(elsewhere, newReader().ip);
    expect(response.headers.get('Location')).toBe(`/articles/ankara-energy#comment-${elsewhere}`);
  });

  it('takes no agreement for a comment that is not approved, spam or unknown: 404, nothing stored', async () => {
    const pending = await seedComment({ slug: SLUG, body: 'معلّق', status: 'pending' });
    const spam = await seedComment({ slug: SLUG, body: 'مزعج', status: 'spam' });
    const ip = newReader().ip;
    for (const id of [pending, spam, 999_999]) expect((await press(id, ip)).status).toBe(404);
    const form = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://minbar.test' };
    expect((await request('/comments/abc/agree', { method: 'POST', headers: form })).status).toBe(404);
    expect(await reactionRows(pending)).toBe(0);
    expect(await reactionRows(spam)).toBe(0);
  });

  it('shows counts only on approved comments: hidden while held back, back when approved again', async () => {
    const id = await seedComment({ slug: SLUG, body: 'سيُراجع' });
    await press(id, newReader().ip);
    await admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'pending' }) });
    expect(await agreeCount(id)).toBeUndefined();
    const page = await (await request(PATH)).text();
    expect(page).not.toContain(`comment-${id}"`);
    expect(JSON.stringify(await (await request(`/api/articles/${SLUG}/comments?limit=100`)).json())).not.toContain('سيُراجع');
    await admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) });
    expect(await agreeCount(id)).toBe(1);
  });

  it('forgets a deleted comment’s agreements', async () => {
    const id = await seedComment({ slug: SLUG, body: 'سيُحذف' });
    await press(id, newReader().ip);
    expect(await reactionRows(id)).toBe(1);
    await admin(`/comments/${id}`, { method: 'DELETE' });
    expect(await reactionRows(id)).toBe(0);
  });

  it('forgets who agreed after the retention period, keeping the count; a second run changes nothing', async () => {
    const id = await seedComment({ slug: SLUG, body: 'قديم' });
    const reader = newReader();
    await press(id, reader.ip);
    const hashes = async () =>
      (
        await env.DB.prepare('SELECT client_hash FROM comment_reactions WHERE comment_id = ?1')
          .bind(id)
          .all<{ client_hash: string }>()
      ).results.map((r) => r.client_hash);
    const [original] = await hashes();
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(await forgetReactionClients(env.DB, new Date(Date.now() - 60_000).toISOString())).toBe(0);
    expect(await forgetReactionClients(env.DB, new Date(Date.now() + 60_000).toISOString())).toBeGreaterThanOrEqual(1);
    const [forgotten] = await hashes();
    expect(forgotten).toMatch(/^-[0-9a-f]{63}$/);
    expect(await forgetReactionClients(env.DB, new Date(Date.now() + 60_000).toISOString())).toBe(0);
    expect(await hashes()).toEqual([forgotten]);
    expect(await agreeCount(id)).toBe(1);
    // The client is no longer known: its next press is a new agreement, not an undo.
    await press(id, reader.ip);
    expect(await agreeCount(id)).toBe(2);
  });

  it('refuses a cross-site form (403) and anything but a form post (415), storing nothing', async () => {
    const id = await seedComment({ slug: SLUG, body: 'محمي' });
    const ip = newReader().ip;
    expect((await press(id, ip, '', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // A body-less POST without Origin: csrf() judges it as text/plain, and refuses it.
    expect((await press(id, ip, '', { 'Content-Type': null, Origin: null, 'Sec-Fetch-Site': null })).status).toBe(403);
    expect((await press(id, ip, '', { 'Content-Type': null })).status).toBe(415);
    expect((await press(id, ip, '', { 'Content-Type': 'application/json' })).status).toBe(415);
    expect(await reactionRows(id)).toBe(0);
  });

  // Up to 30 s waiting for room in the limiter's window, then the presses.
  it('answers 429 in Arabic with Retry-After once a client has pressed 30 times in a minute', { timeout: 90_000 }, async () => {
    const id = await seedComment({ slug: SLUG, body: 'زر مزدحم' });
    const ip = newReader().ip;
    await startOfLimiterWindow(60, 30);
    for (let i = 0; i < 30; i++) expect((await press(id, ip)).status).toBe(303);
    const limited = await press(id, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(await textsOf(await limited.text(), 'h1')).toEqual(['طلبات كثيرة']);
    // 30 presses: agreed and taken back 15 times.
    expect(await agreeCount(id)).toBe(0);
    // Another client is not limited.
    expect((await press(id, newReader().ip)).status).toBe(303);
  });
});

describe('«أتفق» counts and ETags', () => {
  it('changes the ETag of exactly the responses whose content shows the count', async () => {
    const slug = 'hostile-title';
    const path = `/articles/${slug}`;
    const first = await seedComment({ slug, body: 'أول', minutesAgo: 30 });
    const second = await seedComment({ slug, body: 'ثان', minutesAgo: 20 });
    const held = await seedComment({ slug, body: 'معلّق', minutesAgo: 10, status: 'pending' });
    const snapshot = async () => {
      const responses = await Promise.all([
        request(path),
        request(`/api/articles/${slug}/comments?limit=1`),
        request(`/api/articles/${slug}/comments?limit=1&cursor=${first}`),
      ]);
      return Promise.all(responses.map(async (r) => ({ etag: r.headers.get('ETag'), body: await r.text() })));
    };
    const before = await snapshot();
    // A refused press on a held comment changes nothing anyone sees, and no tag.
    const pressOn = (id: number) =>
      request(`/comments/${id}/agree`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'https://minbar.test',
          'CF-Connecting-IP': '192.0.2.77',
        },
      });
    expect((await pressOn(held)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    // An agreement with the second comment: the page and the API page showing it change, page 1 does not.
    await pressOn(second);
    const after = await snapshot();
    expect(after[0]?.etag).not.toBe(before[0]?.etag);
    expect(after[0]?.body).not.toBe(before[0]?.body);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]?.etag).not.toBe(before[2]?.etag);
    expect(after[2]?.body).toContain('"agree_count":1');
    // Revalidating with the old tag gets the new page, not a 304.
    const revalidated = await request(path, { headers: { 'If-None-Match': before[0]?.etag ?? '' } });
    expect(revalidated.status).toBe(200);
  });
});
