import { describe, expect, it } from 'vitest';
import { newReader, seedComment } from '../worker/helpers/comments.ts';
import { attributesOf, textsOf } from '../worker/helpers/html.ts';
import { deskGet, postDesk, signIn } from './helpers/desk.ts';
import { request, SEED_SLUG } from './helpers/http.ts';

describe('the personal-data export from the desk (GDPR article 15)', () => {
  it('downloads every comment of an email, in every status, with its history, as the admin API exports it', async () => {
    const reader = newReader('صاحب البيانات');
    const ids = [
      await seedComment({ slug: SEED_SLUG, body: 'منشور', reader }),
      await seedComment({ slug: SEED_SLUG, body: 'محجوز', reader, status: 'pending' }),
      await seedComment({ slug: SEED_SLUG, body: 'مزعج', reader, status: 'spam' }),
    ];
    await seedComment({ slug: SEED_SLUG, body: 'لغيره', reader: newReader() });
    const login = await signIn();
    await postDesk(`/admin/comments/${ids[1]}/moderate`, { csrf: login.csrf, action: 'trash' }, login.cookie);

    const page = await (await deskGet('/admin/privacy', login.cookie)).text();
    expect(await attributesOf(page, 'form[action="/admin/privacy/export"] input[name=email]', 'type')).toEqual(['email']);

    const download = await postDesk('/admin/privacy/export', { csrf: login.csrf, email: reader.email }, login.cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Disposition')).toBe('attachment; filename="minbar-personal-data.json"');
    expect(download.headers.get('Cache-Control')).toBe('no-store');
    const data = (await download.json()) as { comments: Array<{ id: number; status: string; moderation_log: unknown[] }> };
    expect(data.comments.map((c) => [c.id, c.status]).sort()).toEqual([
      [ids[0], 'approved'],
      [ids[1], 'trash'],
      [ids[2], 'spam'],
    ]);
    const trashed = data.comments.find((c) => c.id === ids[1]);
    expect(trashed?.moderation_log).toMatchObject([{ from: 'pending', to: 'trash', actor: login.name }]);

    // The same file as the admin API's export.
    const api = await request('/api/admin/personal-data/export', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: reader.email }),
    });
    const fromApi = (await api.json()) as { comments: unknown[] };
    expect(fromApi.comments).toEqual(data.comments);
  });

  it('asks again for a malformed email, and refuses without a session or without the CSRF token', async () => {
    const login = await signIn();
    const wrong = await postDesk('/admin/privacy/export', { csrf: login.csrf, email: 'not an email' }, login.cookie);
    expect(wrong.status).toBe(422);
    expect(await textsOf(await wrong.text(), '.form-alert')).toEqual(['اكتب عنوان بريد إلكتروني صحيحاً.']);
    expect((await postDesk('/admin/privacy/export', { email: 'a@example.com' }, login.cookie)).status).toBe(403);
    expect((await postDesk('/admin/privacy/export', { csrf: login.csrf, email: 'a@example.com' })).status).toBe(401);
  });
});
