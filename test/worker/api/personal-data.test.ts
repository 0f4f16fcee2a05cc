// Personal-data requests through the admin API: export and erasure by email, seen on every public surface.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admin, newReader, postComment, seedComment, setStatus } from '../helpers/comments.ts';
import { request } from '../helpers/http.ts';
import { expectProblem } from '../helpers/schemas.ts';

const SLUG = 'istanbul-talks';
const PATH = `/articles/${SLUG}`;

afterEach(() => vi.restoreAllMocks());

/** One reader's comments in every status, a reply to one of them from someone else, and some moderation history. */
async function readerWithHistory(tag: string) {
  const reader = newReader(`سلمى ${tag}`);
  const body = (what: string) => `${what} ${tag}`;
  const url = `https://${reader.email.split('@')[0]}.example/`;
  const approved = await seedComment({ slug: SLUG, body: body('منشور'), reader, url });
  const pending = await seedComment({ slug: SLUG, body: body('معلق'), reader, status: 'pending' });
  const spam = await seedComment({ slug: SLUG, body: body('مزعج'), reader, status: 'spam' });
  const trashed = await seedComment({ slug: SLUG, body: body('مهمل'), reader, status: 'pending' });
  await setStatus(trashed, 'trash');
  const other = newReader('جار');
  const reply = await seedComment({ slug: SLUG, body: body('رد الجار'), reader: other, parentId: approved, depth: 2 });
  return { reader, other, url, ids: { approved, pending, spam, trashed, reply }, body };
}

const post = (path: string, body: unknown) => admin(`/personal-data/${path}`, { method: 'POST', body: JSON.stringify(body) });

/** The public surfaces of the article: page, comments API, comments feed (body and ETag of each). */
async function surfaces() {
  const responses = await Promise.all([
    request(PATH),
    request(`/api${PATH}/comments`),
    request(`${PATH}/comments/feed.xml`),
    request(`${PATH}/comments/feed.json`),
  ]);
  return Promise.all(responses.map(async (r) => ({ etag: r.headers.get('ETag'), text: await r.text() })));
}

describe('POST /api/admin/personal-data/export', () => {
  it('returns every comment of the email in any status, with personal data and moderation history, as a download', async () => {
    const { reader, url, ids } = await readerWithHistory('تصدير');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const response = await post('export', { email: reader.email.toUpperCase() });
    // The log says what was done, never whose data it was.
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: 'privacy.export', comments: 4 }),
    );
    expect(lines.join('\n')).not.toContain(reader.email);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="minbar-personal-data.json"');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const data = (await response.json()) as {
      email: string;
      comments: Array<{
        id: number;
        status: string;
        author: { email: string; url: string | null };
        ip_hash: string;
        user_agent: string;
        moderation_log: unknown[];
      }>;
    };
    expect(data.comments.map((c) => [c.id, c.status])).toEqual([
      [ids.approved, 'approved'],
      [ids.pending, 'pending'],
      [ids.spam, 'spam'],
      [ids.trashed, 'trash'],
    ]);
    expect(
      data.comments.every((c) => c.author.email === reader.email && c.ip_hash.length === 64 && c.user_agent === 'seed'),
    ).toBe(true);
    expect(data.comments[0]?.author.url).toBe(url);
    expect(data.comments[3]?.moderation_log).toEqual([{ from: 'pending', to: 'trash', actor: 'admin', at: expect.any(String) }]);
  });

  it('needs the admin token, a JSON body and a valid email', async () => {
    await expectProblem(
      await request('/api/admin/personal-data/export', { method: 'POST', body: '{"email":"a@b.example"}' }),
      401,
    );
    const invalid = await expectProblem(await post('export', { email: 'not-an-email' }), 422);
    expect(invalid.errors).toHaveProperty('email');
    await expectProblem(await post('export', { email: 'a@b.example', extra: 1 }), 422);
  });
});

describe('POST /api/admin/personal-data/erase', () => {
  it('anonymises every comment of the email, keeps the text, and every public surface shows it at once', async () => {
    const { reader, other, url, ids, body } = await readerWithHistory('محو');
    const before = await surfaces();
    expect(before.every((s) => s.text.includes(reader.name))).toBe(true);
    expect(before[0]?.text).toContain(url);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));

    const response = await post('erase', { email: reader.email });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ anonymised: 4, removed: 0 });

    const after = await surfaces();
    for (const [i, surface] of after.entries()) {
      expect(surface.etag).not.toBe(before[i]?.etag);
      expect(surface.text).not.toContain(reader.name);
      expect(surface.text).not.toContain(url);
      expect(surface.text).toContain('مجهول');
      expect(surface.text).toContain(body('منشور'));
      expect(surface.text).toContain(other.name);
    }
    const search = await (await request(`/api/search?q=${encodeURIComponent(body('منشور'))}`)).json();
    expect(JSON.stringify(search)).toContain(`#comment-${ids.approved}`);

    for (const id of [ids.approved, ids.pending, ids.spam, ids.trashed]) {
      const comment = (await (await admin(`/comments/${id}`)).json()) as Record<string, unknown>;
      expect(comment).toMatchObject({
        author: { name: 'مجهول', email: `erased-${id}@anonymous.invalid`, url: null },
        ip_hash: '0'.repeat(64),
        user_agent: '',
      });
    }
    expect((await (await post('export', { email: reader.email })).json()) as { comments: unknown[] }).toMatchObject({
      comments: [],
    });
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: 'privacy.erase', remove_text: false, anonymised: 4, removed: 0 }),
    );
    expect(lines.join('\n')).not.toContain(reader.email);
  });

  it('with remove_text deletes the comments (replies kept) and search forgets them', async () => {
    const { reader, other, ids, body } = await readerWithHistory('إزالة');
    const before = await surfaces();
    const response = await post('erase', { email: reader.email, remove_text: true });
    expect(await response.json()).toEqual({ anonymised: 0, removed: 4 });
    const after = await surfaces();
    for (const [i, surface] of after.entries()) {
      expect(surface.etag).not.toBe(before[i]?.etag);
      expect(surface.text).not.toContain(body('منشور'));
      expect(surface.text).toContain(body('رد الجار'));
      expect(surface.text).toContain(other.name);
    }
    const search = await (await request(`/api/search?q=${encodeURIComponent(body('منشور'))}`)).json();
    expect(JSON.stringify(search)).not.toContain(`#comment-${ids.approved}`);
    const reply = (await (await admin(`/comments/${ids.reply}`)).json()) as Record<string, unknown>;
    expect(reply).toMatchObject({ parent_id: null, depth: 1, status: 'approved' });
    const log = await env.DB.prepare('SELECT to_status, actor FROM moderation_log WHERE comment_id = ?1').bind(ids.spam).all();
    expect(log.results).toContainEqual({ to_status: 'deleted', actor: 'privacy-request' });
  });

  it('an erased reader can comment again, and erasing an unknown email changes nothing', async () => {
    const reader = newReader('عائد');
    await seedComment({ slug: 'benghazi-port', body: 'قبل المحو', reader });
    await post('erase', { email: reader.email });
    const again = await postComment(
      '/articles/benghazi-port',
      { name: reader.name, email: reader.email, body: 'قبل المحو' },
      reader,
    );
    expect(again.status).toBe(202);
    expect(await (await post('erase', { email: 'nobody@example.org' })).json()).toEqual({ anonymised: 0, removed: 0 });
  });
});
