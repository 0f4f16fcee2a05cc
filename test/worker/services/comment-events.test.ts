// Which requests put an event on the COMMENT_EVENTS queue (the real local queue binding, observed with a spy).
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admin, newReader, postComment, postForm, seedComment, setStatus } from '../helpers/comments.ts';
import { requestWithEnv } from '../helpers/http.ts';

const ARTICLE = '/articles/benghazi-port';

/** Spies on the queue producer; returns the bodies sent. */
function watchQueue() {
  const send = vi.spyOn(env.COMMENT_EVENTS, 'send');
  return () => {
    // JSON, so the dashboard and any consumer can read the messages (the default, v8, only a Worker can).
    for (const [, options] of send.mock.calls) expect(options).toEqual({ contentType: 'json' });
    return send.mock.calls.map(([body]) => body as Record<string, unknown>);
  };
}

afterEach(() => vi.restoreAllMocks());

describe('comment events on the queue', () => {
  it('a held comment produces exactly one message, with ids only', async () => {
    const sent = watchQueue();
    const reader = newReader('منتظر');
    const response = await postComment(ARTICLE, { name: reader.name, email: reader.email, body: 'تعليق ينتظر' }, reader);
    expect(response.status).toBe(202);
    expect(sent()).toHaveLength(1);
    const [event] = sent();
    expect(Object.keys(event ?? {}).sort()).toEqual(['article_slug', 'comment_id', 'occurred_at', 'type']);
    expect(event).toMatchObject({ type: 'comment.held', article_slug: 'benghazi-port', comment_id: expect.any(Number) });
    expect(Math.abs(Date.parse(String(event?.occurred_at)) - Date.now())).toBeLessThan(60_000);
    expect(JSON.stringify(event)).not.toContain(reader.email);
    expect(JSON.stringify(event)).not.toContain('تعليق ينتظر');
  });

  it('a comment held through the form produces one message too', async () => {
    const sent = watchQueue();
    const reader = newReader();
    const response = await postForm(ARTICLE, { name: reader.name, email: reader.email, body: 'من النموذج' }, reader.ip);
    expect(response.status).toBe(303);
    expect(sent().map((e) => e.type)).toEqual(['comment.held']);
  });

  it('an approved comment, a spam comment and a honeypot hit produce none', async () => {
    const sent = watchQueue();
    const known = newReader();
    const first = await seedComment({ slug: 'benghazi-port', body: 'سابق', reader: known });
    expect(first).toBeGreaterThan(0);
    const approved = await postComment(ARTICLE, { name: known.name, email: known.email, body: 'يُنشر فوراً' }, known);
    expect(approved.status).toBe(201);

    const spammer = newReader();
    const spam = await requestWithEnv(
      `/api${ARTICLE}/comments`,
      { COMMENT_DISALLOWED_WORDS: 'قمار' },
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': spammer.ip },
        body: JSON.stringify({ name: spammer.name, email: spammer.email, body: 'ربح القمار' }),
      },
    );
    expect(spam.status).toBe(202);

    const bot = newReader();
    const honeypot = await postForm(ARTICLE, { name: bot.name, email: bot.email, body: 'آلي', fax: '123' }, bot.ip);
    expect(honeypot.status).toBe(303);
    expect(sent()).toEqual([]);
  });

  it('without the queue binding a held comment is stored exactly as before', async () => {
    const reader = newReader();
    const response = await requestWithEnv(
      `/api${ARTICLE}/comments`,
      { COMMENT_EVENTS: undefined as unknown as Queue },
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
        body: JSON.stringify({ name: reader.name, email: reader.email, body: 'بلا طابور' }),
      },
    );
    expect(response.status).toBe(202);
    const { data } = (await (await admin('/comments?status=pending&limit=100')).json()) as { data: Array<{ body: string }> };
    expect(data.some((c) => c.body === 'بلا طابور')).toBe(true);
  });

  it('a failing queue never fails the reader', async () => {
    vi.spyOn(env.COMMENT_EVENTS, 'send').mockRejectedValue(new Error('queue down'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reader = newReader();
    const response = await postComment(ARTICLE, { name: reader.name, email: reader.email, body: 'الطابور معطل' }, reader);
    expect(response.status).toBe(202);
    await vi.waitFor(() =>
      expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)))).toContainEqual(
        expect.objectContaining({ event: 'comment event not queued', type: 'comment.held' }),
      ),
    );
  });

  it('moderators approving, spamming, trashing and deleting produce one event each', async () => {
    const sent = watchQueue();
    const ids = await Promise.all(
      ['أ', 'ب', 'ج', 'د'].map((body) => seedComment({ slug: 'benghazi-port', body: `حدث ${body}`, status: 'pending' })),
    );
    const [a, b, c, d] = ids as [number, number, number, number];
    await setStatus(a, 'approved');
    await setStatus(b, 'spam');
    await setStatus(c, 'trash');
    expect((await admin(`/comments/${d}`, { method: 'DELETE' })).status).toBe(204);
    expect(sent().map((e) => [e.type, e.comment_id])).toEqual([
      ['comment.approved', a],
      ['comment.spam', b],
      ['comment.trashed', c],
      ['comment.deleted', d],
    ]);
  });
});
