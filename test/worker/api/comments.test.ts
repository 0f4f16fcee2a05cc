import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findComments, newReader, postComment, seedComment, setStatus } from '../helpers/comments.ts';
import { ORIGIN, request, SEED_PATH, SEED_SLUG } from '../helpers/http.ts';
import { startOfLimiterWindow } from '../helpers/limiter.ts';
import { expectProblem } from '../helpers/schemas.ts';

const ARTICLE = '/articles/ankara-energy';
const CLOSED = '/articles/istanbul-talks';

type CommentJson = {
  id: number;
  parent_id: number | null;
  author: { name: string; url: string | null };
  body: string;
  created_at: string;
  replies: CommentJson[];
};

describe('POST /api/articles/:slug/comments', () => {
  it('holds a first comment: 202 {status: "pending"}, stored as pending with a hashed IP and a user agent', async () => {
    const reader = newReader('سالم');
    const response = await postComment(ARTICLE, { name: reader.name, email: reader.email, body: 'تعليق أول' }, reader, {
      'User-Agent': `Bot/${'x'.repeat(300)}`,
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });
    const [stored] = await findComments('تعليق أول');
    expect(stored).toMatchObject({ status: 'pending', author: { name: 'سالم', email: reader.email } });
    expect(stored?.ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.ip_hash).not.toContain(reader.ip);
    expect([...(stored?.user_agent ?? '')]).toHaveLength(254);
  });

  it('approves a known author at once: 201 with the comment and its Location', async () => {
    const reader = newReader('منى');
    await seedComment({ slug: 'ankara-energy', body: 'قديم ومعتمد', reader });
    const response = await postComment(
      ARTICLE,
      { name: reader.name, email: reader.email, url: 'https://mona.example', body: 'جديد' },
      reader,
    );
    expect(response.status).toBe(201);
    const comment = (await response.json()) as CommentJson;
    expect(comment).toMatchObject({ parent_id: null, author: { name: 'منى', url: 'https://mona.example/' }, body: 'جديد' });
    expect(Object.keys(comment).sort()).toEqual([
      'agree_count',
      'author',
      'body',
      'created_at',
      'id',
      'parent_id',
      'reply_count',
    ]);
    expect(response.headers.get('Location')).toBe(`${ORIGIN}/api${ARTICLE}/comments/${comment.id}`);
    const fetched = await request(new URL(response.headers.get('Location') ?? '').pathname);
    expect(await fetched.json()).toEqual(comment);
  });

  it('counts limits in characters: a 245-letter Arabic name fits, 246 does not', async () => {
    const fits = newReader('ب'.repeat(245));
    expect((await postComment(ARTICLE, { name: fits.name, email: fits.email, body: 'اسم طويل' }, fits)).status).toBe(202);
    const tooLong = newReader('ب'.repeat(246));
    const problem = await expectProblem(
      await postComment(ARTICLE, { name: tooLong.name, email: tooLong.email, body: 'x' }, tooLong),
      422,
    );
    expect(problem.errors).toEqual({ name: ['الاسم أطول من 245 حرفاً.'] });
  });

  it.each([
    [{ name: '  ', email: 'a@example.com', body: 'x' }, 'name'],
    [{ email: 'a@example.com', body: 'x' }, 'name'],
    [{ name: 'a', email: 'not-an-email', body: 'x' }, 'email'],
    [{ name: 'a', email: `${'a'.repeat(95)}@x.com`, body: 'x' }, 'email'],
    [{ name: 'a', email: 'a@example.com', url: 'javascript:alert(1)', body: 'x' }, 'url'],
    [{ name: 'a', email: 'a@example.com', url: `https://x.com/${'a'.repeat(190)}`, body: 'x' }, 'url'],
    [{ name: 'a', email: 'a@example.com', body: ' \n ' }, 'body'],
    [{ name: 'a', email: 'a@example.com', body: 'ب'.repeat(65_526) }, 'body'],
    [{ name: 'a', email: 'a@example.com', body: 'x', parent_id: 'one' }, 'parent_id'],
    [{ name: 42, email: 'a@example.com', body: 'x' }, 'name'],
  ])('answers 422 with the field error for %j', async (body, field) => {
    const reader = newReader();
    const problem = await expectProblem(await postComment(ARTICLE, body, reader), 422);
    expect(Object.keys(problem.errors as object)).toEqual([field]);
    expect(problem.type).toBe(`${ORIGIN}/problems/validation-failed`);
  });

  it('answers 400 to fields a client may not set', async () => {
    const reader = newReader();
    const problem = await expectProblem(
      await postComment(
        ARTICLE,
        { name: 'a', email: reader.email, body: 'x', status: 'approved', id: 1, created_at: '2020-01-01' },
        reader,
      ),
      400,
    );
    expect(Object.keys(problem.errors as object).sort()).toEqual(['created_at', 'id', 'status']);
  });

  it('answers 400 to malformed JSON and to invalid UTF-8', async () => {
    const headers = { 'Content-Type': 'application/json', 'CF-Connecting-IP': newReader().ip };
    await expectProblem(await request(`/api${ARTICLE}/comments`, { method: 'POST', headers, body: '{"name": ' }), 400);
    await expectProblem(await request(`/api${ARTICLE}/comments`, { method: 'POST', headers, body: '[]' }), 422);
    const invalid = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const problem = await expectProblem(
      await request(`/api${ARTICLE}/comments`, { method: 'POST', headers, body: invalid }),
      400,
    );
    expect(problem.detail).toContain('UTF-8');
  });

  it('answers 415 to anything but application/json', async () => {
    const reader = newReader();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await request(`/api${ARTICLE}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': type, 'CF-Connecting-IP': reader.ip },
        body: 'name=a',
      });
      await expectProblem(response, 415);
    }
  });

  it('answers 413 to a 5 MB body and stores nothing', async () => {
    const reader = newReader();
    const body = 'ب'.repeat(2_500_000);
    await expectProblem(await postComment(ARTICLE, { name: 'a', email: reader.email, body }, reader), 413);
    expect(await findComments(body.slice(0, 100))).toEqual([]);
  });

  it('answers 404 for an unknown article', async () => {
    const reader = newReader();
    await expectProblem(
      await postComment('/articles/no-such-article', { name: 'a', email: reader.email, body: 'x' }, reader),
      404,
    );
  });

  it('answers 403 when comments are closed', async () => {
    const reader = newReader();
    const problem = await expectProblem(await postComment(CLOSED, { name: 'a', email: reader.email, body: 'x' }, reader), 403);
    expect(problem.type).toBe(`${ORIGIN}/problems/comments-closed`);
  });

  it('answers 403 to a reply to a comment that is not approved, of another article, or too deep', async () => {
    const held = await seedComment({ slug: 'ankara-energy', body: 'معلّق', status: 'pending' });
    const elsewhere = await seedComment({ slug: SEED_SLUG, body: 'في مقال آخر' });
    let parent = await seedComment({ slug: 'ankara-energy', body: 'جذر' });
    for (let depth = 2; depth <= 5; depth++)
      parent = await seedComment({ slug: 'ankara-energy', body: `عمق ${depth}`, parentId: parent, depth });
    for (const parentId of [held, elsewhere, parent, 999_999]) {
      const reader = newReader();
      const problem = await expectProblem(
        await postComment(ARTICLE, { name: 'a', email: reader.email, body: 'رد', parent_id: parentId }, reader),
        403,
      );
      expect(Object.keys(problem.errors as object)).toEqual(['parent_id']);
    }
  });

  it('answers 409 to the same comment twice (after folding), unless the first is in the trash', async () => {
    const reader = newReader();
    await seedComment({ slug: 'ankara-energy', body: 'تُرْكِيَا جميلة', reader, status: 'pending' });
    const again = await postComment(
      ARTICLE,
      { name: 'a', email: reader.email.toUpperCase(), body: 'تركيـــا جميلة' },
      newReader(),
    );
    await expectProblem(again, 409);
    const [first] = await findComments('تُرْكِيَا جميلة');
    await setStatus(first?.id ?? 0, 'trash');
    expect((await postComment(ARTICLE, { name: 'a', email: reader.email, body: 'تركيا جميلة' }, newReader())).status).toBe(202);
  });

  it('answers 429 with Retry-After to a second comment within 15 seconds from the same IP or email', async () => {
    const reader = newReader();
    expect((await postComment(ARTICLE, { name: 'a', email: reader.email, body: 'أول' }, reader)).status).toBe(202);
    const sameIp = await postComment(ARTICLE, { name: 'a', email: newReader().email, body: 'ثان' }, reader);
    await expectProblem(sameIp, 429);
    expect(Number(sameIp.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(sameIp.headers.get('Retry-After'))).toBeLessThanOrEqual(15);
    const sameEmail = await postComment(ARTICLE, { name: 'a', email: reader.email, body: 'ثالث' }, newReader());
    expect((await expectProblem(sameEmail, 429)).type).toBe(`${ORIGIN}/problems/too-fast`);
  });

  // Up to 20 s waiting for room in the limiter's window, then the attempts.
  it('answers 429 once a client has made 10 attempts in a minute, valid or not', { timeout: 90_000 }, async () => {
    const reader = newReader();
    const statuses: number[] = [];
    await startOfLimiterWindow(60, 20);
    for (let i = 0; i < 11; i++)
      statuses.push((await postComment(ARTICLE, { name: '', email: reader.email, body: 'x' }, reader)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    const limited = await postComment(ARTICLE, { name: 'a', email: newReader().email, body: 'x' }, reader);
    expect((await expectProblem(limited, 429)).type).toBe(`${ORIGIN}/problems/rate-limited`);
    expect(limited.headers.get('Retry-After')).toBe('60');
  });

  it('replays the first response to a retry with the same Idempotency-Key and stores nothing new', async () => {
    const reader = newReader();
    const body = { name: 'a', email: reader.email, body: 'مرة واحدة فقط' };
    const key = crypto.randomUUID();
    const first = await postComment(ARTICLE, body, reader, { 'Idempotency-Key': key });
    const retry = await postComment(ARTICLE, body, reader, { 'Idempotency-Key': key });
    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(await retry.json()).toEqual(await first.json());
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await findComments('مرة واحدة فقط')).toHaveLength(1);
    const changed = await postComment(ARTICLE, { ...body, body: 'شيء آخر' }, reader, { 'Idempotency-Key': key });
    expect((await expectProblem(changed, 422)).type).toBe(`${ORIGIN}/problems/idempotency-key-reused`);
  });

  it('stores 100 concurrent distinct comments exactly once each', async () => {
    const marker = `دفعة-${crypto.randomUUID().slice(0, 8)}`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const reader = newReader();
        return postComment(SEED_PATH, { name: `قارئ ${i}`, email: reader.email, body: `${marker} رقم ${i}` }, reader);
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(202));
    const { results } = await env.DB.prepare('SELECT body FROM comments WHERE body LIKE ?1')
      .bind(`${marker}%`)
      .all<{ body: string }>();
    expect(new Set(results.map((r) => r.body)).size).toBe(100);
    expect(results).toHaveLength(100);
  }, 30_000); // 100 writes on a shared 2-core machine: the default 5 s is about load, not correctness

  it('stores hostile input exactly as typed: markup, SQL, bidi controls in the body', async () => {
    const reader = newReader('أحمد<script>');
    await seedComment({ slug: 'ankara-energy', body: 'سابق', reader });
    const body = `<img src=x onerror=alert(1)> '); DROP TABLE comments; -- \u202Eمعكوس\u202C`;
    const response = await postComment(ARTICLE, { name: `\u202Eأحمد\u202C<script>`, email: reader.email, body }, reader);
    expect(response.status).toBe(201);
    const comment = (await response.json()) as CommentJson;
    expect(comment.body).toBe(body);
    expect(comment.author.name).toBe('أحمد<script>');
    expect(await env.DB.prepare('SELECT count(*) AS n FROM comments').first('n')).toBeGreaterThan(0);
  });

  it('stores a website as the URL standard writes it, so it is always a valid link', async () => {
    const reader = newReader();
    await seedComment({ slug: 'ankara-energy', body: 'سابق', reader });
    const url = 'https://x.example/"><script>alert(1)</script>';
    const comment = (await (
      await postComment(ARTICLE, { name: reader.name, email: reader.email, url, body: 'رابط' }, reader)
    ).json()) as CommentJson;
    expect(comment.author.url).toBe('https://x.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
  });

  it('normalises text to NFC', async () => {
    const reader = newReader('أنقرة');
    await seedComment({ slug: 'ankara-energy', body: 'سابق', reader });
    const nfd = 'أنقرة'.normalize('NFD');
    const comment = (await (
      await postComment(ARTICLE, { name: nfd, email: reader.email, body: nfd }, reader)
    ).json()) as CommentJson;
    expect(comment.author.name).toBe('أنقرة');
    expect(comment.body).toBe('أنقرة');
  });
});

describe('GET /api/articles/:slug/comments', () => {
  it('shows only approved comments, oldest first, threaded, without emails or IP hashes', async () => {
    const slug = 'benghazi-port';
    const reader = newReader('ليلى');
    const root = await seedComment({ slug, body: 'جذر', reader, minutesAgo: 50, url: 'https://laila.example' });
    const reply = await seedComment({ slug, body: 'رد', parentId: root, depth: 2, minutesAgo: 40 });
    await seedComment({ slug, body: 'رد على الرد', parentId: reply, depth: 3, minutesAgo: 30 });
    await seedComment({ slug, body: 'مخفي', status: 'pending', minutesAgo: 20 });
    await seedComment({ slug, body: 'مزعج', status: 'spam', minutesAgo: 20 });
    const second = await seedComment({ slug, body: 'جذر ثان', minutesAgo: 10 });
    const response = await request('/api/articles/benghazi-port/comments');
    expect(response.status).toBe(200);
    const { data, meta } = (await response.json()) as { data: CommentJson[]; meta: Record<string, unknown> };
    expect(meta).toEqual({ total: 4, sort: 'oldest', limit: 50, next_cursor: null });
    expect(data.map((c) => c.id)).toEqual([root, second]);
    expect(data[0]?.replies[0]?.replies[0]?.body).toBe('رد على الرد');
    expect(data[0]?.author).toEqual({ name: 'ليلى', url: 'https://laila.example' });
    const text = JSON.stringify(data);
    expect(text).not.toContain(reader.email);
    expect(text).not.toMatch(/[0-9a-f]{64}|ip_hash|email|user_agent/);
  });

  it('paginates by top-level comment with a cursor and a Link to the next page', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await seedComment({ slug: 'hostile-title', body: `صفحة ${i}`, minutesAgo: 30 - i }));
    const first = await request('/api/articles/hostile-title/comments?limit=2');
    const page1 = (await first.json()) as { data: CommentJson[]; meta: { next_cursor: number; total: number } };
    expect(page1.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(page1.meta.total).toBe(3);
    expect(first.headers.get('Link')).toContain(`cursor=${page1.meta.next_cursor}&limit=2>; rel="next"`);
    const page2 = (await (
      await request(`/api/articles/hostile-title/comments?limit=2&cursor=${page1.meta.next_cursor}`)
    ).json()) as typeof page1;
    expect(page2.data.map((c) => c.id)).toEqual(ids.slice(2));
    expect(page2.meta.next_cursor).toBeNull();
  });

  it('rejects a bad cursor or limit with 400 and an unknown article with 404', async () => {
    await expectProblem(await request('/api/articles/hostile-title/comments?limit=0'), 400);
    await expectProblem(await request('/api/articles/hostile-title/comments?limit=101'), 400);
    await expectProblem(await request('/api/articles/hostile-title/comments?cursor=abc'), 400);
    await expectProblem(await request('/api/articles/nothing/comments'), 404);
    await expectProblem(await request('/api/articles/hostile-title/comments/123456789'), 404);
  });

  it('changes its ETag when a comment is approved, and the article JSON counts it', async () => {
    const before = await request('/api/articles/ankara-energy/comments');
    const count = ((await (await request('/api/articles/ankara-energy')).json()) as { comments: { count: number } }).comments
      .count;
    const id = await seedComment({ slug: 'ankara-energy', body: 'سيُعتمد', status: 'pending' });
    await setStatus(id, 'approved');
    const after = await request('/api/articles/ankara-energy/comments', {
      headers: { 'If-None-Match': before.headers.get('ETag') ?? '' },
    });
    expect(after.status).toBe(200);
    const article = (await (await request('/api/articles/ankara-energy')).json()) as {
      comments: { count: number; open: boolean };
    };
    expect(article.comments).toMatchObject({ count: count + 1, open: true });
  });
});
