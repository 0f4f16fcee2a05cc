// Idempotency-Key: every retry gets the first response, whatever happened since and however many arrive at once.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sessionStart } from '../../../src/http/d1-session.ts';
import { admin, newReader, postComment, seedComment } from '../helpers/comments.ts';
import { request } from '../helpers/http.ts';
import { expectProblem } from '../helpers/schemas.ts';

const ARTICLE = '/articles/ankara-energy';

/** Raw JSON text, so a test controls the order of keys. */
const postRaw = (json: string, reader: { ip: string }, key: string) =>
  request(`/api${ARTICLE}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip, 'Idempotency-Key': key },
    body: json,
  });

describe('POST /api/articles/:slug/comments with Idempotency-Key', () => {
  it('replays the first response to the same fields in another key order', async () => {
    const reader = newReader();
    const key = crypto.randomUUID();
    const body = `ترتيب ${key}`;
    const first = await postRaw(`{"name":"سالم","email":"${reader.email}","body":"${body}"}`, reader, key);
    const retry = await postRaw(`{"body":"${body}","email":"${reader.email}","name":"سالم"}`, reader, key);
    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    const other = await postRaw(`{"body":"${body} آخر","email":"${reader.email}","name":"سالم"}`, reader, key);
    expect((await expectProblem(other, 422)).type).toBe('https://minbar.test/problems/idempotency-key-reused');
  });

  it('replays the first status and body even after the comment was deleted', async () => {
    const reader = newReader('منى');
    await seedComment({ slug: 'ankara-energy', body: `سابق ${crypto.randomUUID()}`, reader });
    const key = crypto.randomUUID();
    const fields = { name: reader.name, email: reader.email, body: `سيُحذف ${key}` };
    const first = await postComment(ARTICLE, fields, reader, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const comment = (await first.json()) as { id: number };
    expect((await admin(`/comments/${comment.id}`, { method: 'DELETE' })).status).toBe(204);
    const retry = await postComment(ARTICLE, fields, reader, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(comment);
    expect(retry.headers.get('Location')).toBe(first.headers.get('Location'));
  });

  it('answers retries from the first response before the rate limit or flood control count them', async () => {
    const reader = newReader();
    const key = crypto.randomUUID();
    const fields = { name: reader.name, email: reader.email, body: `إعادة ${key}` };
    const responses = [];
    for (let i = 0; i < 15; i += 1) responses.push(await postComment(ARTICLE, fields, reader, { 'Idempotency-Key': key }));
    expect(responses.map((r) => r.status)).toEqual(Array(15).fill(202));
    expect(responses.slice(1).every((r) => r.headers.get('Idempotent-Replayed') === 'true')).toBe(true);
  });

  it('gives 50 concurrent retries the first response (or a retryable in-progress answer), never a duplicate', async () => {
    const reader = newReader();
    const key = crypto.randomUUID();
    const fields = { name: reader.name, email: reader.email, body: `متزامن ${key}` };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => postComment(ARTICLE, fields, reader, { 'Idempotency-Key': key })),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 202 && s !== 409)).toEqual([]);
    for (const [i, response] of responses.entries())
      if (response.status === 409) {
        expect(JSON.parse(bodies[i] as string).type).toBe('https://minbar.test/problems/idempotency-in-progress');
        expect(response.headers.get('Retry-After')).toBe('1');
      }
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(25);
    expect(responses.filter((r) => r.status === 202 && r.headers.get('Idempotent-Replayed') !== 'true')).toHaveLength(1);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM comments WHERE body = ?1').bind(fields.body).first('n');
    expect(stored).toBe(1);
    // A retry after the burst gets the replay.
    const later = await postComment(ARTICLE, fields, reader, { 'Idempotency-Key': key });
    expect([later.status, later.headers.get('Idempotent-Replayed')]).toEqual([202, 'true']);
  });

  it('gives the key back when the request is refused, so a corrected retry can use it', async () => {
    const reader = newReader();
    const key = crypto.randomUUID();
    await expectProblem(
      await postComment(ARTICLE, { name: '', email: reader.email, body: 'x' }, reader, { 'Idempotency-Key': key }),
      422,
    );
    const fixed = await postComment(ARTICLE, { name: 'a', email: reader.email, body: `مصحح ${key}` }, reader, {
      'Idempotency-Key': key,
    });
    expect(fixed.status).toBe(202);
  });
});

describe('D1 sessions', () => {
  it('start writes and the admin API on the primary, reads from the bookmark', () => {
    expect(sessionStart('POST', '/api/articles/x/comments', 'bookmark-1')).toBe('first-primary');
    expect(sessionStart('GET', '/api/admin/comments', 'bookmark-1')).toBe('first-primary');
    expect(sessionStart('GET', '/api/articles/x/comments', 'bookmark-1')).toBe('bookmark-1');
    expect(sessionStart('GET', '/articles/x', undefined)).toBe('first-unconstrained');
  });
});
