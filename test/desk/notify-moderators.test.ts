// The COMMENT_EVENTS consumer: the moderators' digest through the real send_email binding (observed with a spy) and
// the signed webhook. Only the webhook receiver is mocked (it is outside this machine): vi.spyOn(globalThis, 'fetch').
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/desk/index.ts';
import type { CommentEvent } from '../../src/domain/comment-events.ts';
import type { Bindings } from '../../src/env.ts';
import { handleCommentEvents, type NotifyEnv, retryDelay } from '../../src/services/notify-moderators.ts';
import { markModerationQueueSeen } from '../../src/storage/notifications.ts';
import wranglerConfig from '../../wrangler.desk.jsonc?raw';
import { admin, newReader, seedComment } from '../worker/helpers/comments.ts';

const MAIL = { MODERATOR_EMAILS: 'huda@minbar.test, omar@minbar.test', NOTIFY_FROM: 'desk@minbar.test' };
const HOOK = { WEBHOOK_URL: 'https://hooks.example.org/minbar', WEBHOOK_SECRET: 'whsec-test' };

afterEach(() => vi.restoreAllMocks());

let batchNumber = 0;

/** Runs the Worker's queue handler on `events` with some settings, returning the ack/retry outcome. */
async function consume(events: CommentEvent[], settings: Partial<Bindings>, attempts = 1) {
  batchNumber += 1;
  const batch = createMessageBatch<CommentEvent>(
    'minbar-comment-events',
    events.map((body, i) => ({ id: `msg-${batchNumber}-${i}`, timestamp: new Date(), attempts, body })),
  );
  // getQueueResult reports which messages were retried, not the delay asked for: that is read from retry() itself.
  const retries = batch.messages.map((message) => vi.spyOn(message, 'retry'));
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, { ...env, ...settings } as Bindings);
  const delays = retries.flatMap((retry) => retry.mock.calls.map(([options]) => options?.delaySeconds));
  return { ids: batch.messages.map((m) => m.id), result: await getQueueResult(batch, ctx), delays };
}

const held = (id: number): CommentEvent => ({
  type: 'comment.held',
  comment_id: id,
  article_slug: 'benghazi-port',
  occurred_at: new Date().toISOString(),
});

/** Decodes the raw message given to the binding: headers and the base64 UTF-8 body. */
async function readMail(message: EmailMessage): Promise<{ to: string; subject: string; text: string; raw: string }> {
  // workerd's EmailMessage keeps the raw message under this own property (what the binding reads and delivers).
  const raw = await new Response((message as unknown as Record<string, BodyInit>)['EmailMessage::raw']).text();
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
  const subject = /^Subject: =\?UTF-8\?B\?(.+)\?=$/m.exec(head)?.[1] ?? '';
  return { to: message.to, subject: decode(subject), text: decode(body.replace(/\s+/g, '')), raw };
}

describe('the moderators digest', () => {
  it('a batch of held comments is one e-mail per moderator, and every message is acknowledged', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map((n) =>
        seedComment({ slug: 'benghazi-port', body: `ينتظر ${n}`, status: 'pending', reader: newReader(`كاتب ${n}`) }),
      ),
    );
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const { ids: messageIds, result } = await consume(ids.map(held), MAIL);
    expect(result.explicitAcks.sort()).toEqual(messageIds.sort());
    expect(result.retryMessages).toEqual([]);
    expect(send).toHaveBeenCalledTimes(2);
    const mails = await Promise.all(send.mock.calls.map(([message]) => readMail(message as EmailMessage)));
    expect(mails.map((m) => m.to).sort()).toEqual(['huda@minbar.test', 'omar@minbar.test']);
    const [mail] = mails;
    expect(mail?.subject).toMatch(/^منبر: \d+ تعليق.* بانتظار المراجعة$/);
    expect(mail?.text).toContain('https://minbar.test/admin/comments?status=pending');
    for (const id of ids) expect(mail?.text).toContain(`https://minbar.test/admin/comments/${id}`);
    expect(mail?.text).toContain('كاتب 2 على «ميناء بنغازي');
    expect(mail?.raw).toMatch(/^From: =\?UTF-8\?B\?.+\?= <desk@minbar\.test>$/m);
    const fromName = /^From: =\?UTF-8\?B\?(.+)\?= </m.exec(mail?.raw ?? '')?.[1] ?? '';
    expect(new TextDecoder().decode(Uint8Array.from(atob(fromName), (ch) => ch.charCodeAt(0)))).toBe('منبر');
    expect(mail?.raw).toMatch(/^Message-ID: <.+@minbar\.test>$/m);
  });
});

describe('the digest is not sent again for the same backlog', () => {
  it('mails once for a flood, and again only after a moderator has looked at the pending queue', async () => {
    await admin('/comments?status=pending');
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const first = await seedComment({ slug: 'benghazi-port', body: 'سيل 1', status: 'pending' });
    await consume([held(first)], MAIL);
    const afterFirst = send.mock.calls.length;
    expect(afterFirst).toBe(2);

    for (let n = 2; n <= 4; n++) {
      const id = await seedComment({ slug: 'benghazi-port', body: `سيل ${n}`, status: 'pending' });
      const { ids, result } = await consume([held(id)], MAIL);
      expect(result.explicitAcks).toEqual(ids);
    }
    expect(send.mock.calls.length).toBe(afterFirst);

    expect((await admin('/comments?status=pending')).status).toBe(200);
    const next = await seedComment({ slug: 'benghazi-port', body: 'سيل 5', status: 'pending' });
    await consume([held(next)], MAIL);
    expect(send.mock.calls.length).toBe(afterFirst + 2);
  });

  it('a moderator action also counts as looking at the queue', async () => {
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const a = await seedComment({ slug: 'benghazi-port', body: 'إجراء 1', status: 'pending' });
    await consume([held(a)], MAIL);
    const b = await seedComment({ slug: 'benghazi-port', body: 'إجراء 2', status: 'pending' });
    await consume([held(b)], MAIL);
    const before = send.mock.calls.length;
    expect((await admin(`/comments/${a}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) })).status).toBe(200);
    const c = await seedComment({ slug: 'benghazi-port', body: 'إجراء 3', status: 'pending' });
    await consume([held(c)], MAIL);
    expect(send.mock.calls.length).toBe(before + 2);
  });

  it('the desk marks the queue as seen with markModerationQueueSeen, which allows the next digest', async () => {
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const a = await seedComment({ slug: 'benghazi-port', body: 'مكتب 1', status: 'pending' });
    await consume([held(a)], MAIL);
    const b = await seedComment({ slug: 'benghazi-port', body: 'مكتب 2', status: 'pending' });
    await consume([held(b)], MAIL);
    const before = send.mock.calls.length;
    await markModerationQueueSeen(env.DB, new Date().toISOString());
    const c = await seedComment({ slug: 'benghazi-port', body: 'مكتب 3', status: 'pending' });
    await consume([held(c)], MAIL);
    expect(send.mock.calls.length).toBe(before + 2);
  });

  it('a digest that could not be sent is retried, and sent on the retry', async () => {
    await admin('/comments?status=pending');
    const id = await seedComment({ slug: 'benghazi-port', body: 'بريد معطل', status: 'pending' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send').mockRejectedValueOnce(new Error('destination not verified'));
    const failed = await consume([held(id)], MAIL);
    expect(failed.result.explicitAcks).toEqual([]);
    expect(failed.result.retryMessages).toEqual([{ msgId: failed.ids[0] }]);
    expect(failed.delays).toEqual([30]);
    const retried = await consume([held(id)], MAIL, 2);
    expect(retried.result.explicitAcks).toEqual(retried.ids);
    expect(send.mock.calls.length).toBe(1 + 2);
  });

  it('with no recipients configured nothing is mailed and every message is acknowledged', async () => {
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const id = await seedComment({ slug: 'benghazi-port', body: 'لا أحد', status: 'pending' });
    const { ids, result } = await consume([held(id)], {});
    expect(result.explicitAcks).toEqual(ids);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('a digest with no recipients is not a digest', () => {
  // Called directly, not through a Worker's queue handler: the consumer is the same whichever Worker hosts it.
  const handle = (events: CommentEvent[], settings: Partial<NotifyEnv>) =>
    handleCommentEvents(
      createMessageBatch<unknown>(
        'minbar-comment-events',
        events.map((body, i) => ({ id: `direct-${body.comment_id}-${i}`, timestamp: new Date(), attempts: 1, body })),
      ),
      { ...env, ...settings } as NotifyEnv,
    );

  it('mails nobody and logs no digest while MODERATOR_EMAILS is empty, and mails the moderators as soon as it is set', async () => {
    await markModerationQueueSeen(env.DB, new Date().toISOString());
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const first = await seedComment({ slug: 'benghazi-port', body: 'قبل ضبط العناوين', status: 'pending' });
    await handle([held(first)], { MODERATOR_EMAILS: '', NOTIFY_FROM: MAIL.NOTIFY_FROM });
    expect(send).not.toHaveBeenCalled();
    expect(lines.map((line) => JSON.parse(line))).not.toContainEqual(expect.objectContaining({ event: 'digest.sent' }));

    // The operator adds the recipients; no moderator has looked at the queue yet (nobody was told): the next held
    // comment is mailed at once, with both comments waiting.
    const next = await seedComment({ slug: 'benghazi-port', body: 'بعد ضبط العناوين', status: 'pending' });
    await handle([held(next)], MAIL);
    expect(send).toHaveBeenCalledTimes(2);
    const mail = await readMail(send.mock.calls[0]?.[0] as EmailMessage);
    for (const id of [first, next]) expect(mail.text).toContain(`https://minbar.test/admin/comments/${id}`);
  });
});

/** What a receiver does (README, "Webhooks"): HMAC-SHA-256 over `${t}.${raw body}`, compared in constant time. */
async function receiverAccepts(secret: string, header: string, body: string): Promise<boolean> {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  if (!t || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const signature = Uint8Array.from(v1.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  return crypto.subtle.verify('HMAC', key, signature, new TextEncoder().encode(`${t}.${body}`));
}

describe('the signed webhook', () => {
  it('posts each event as JSON with a signature the receiver can verify, and acknowledges it', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    const event: CommentEvent = { ...held(41), type: 'comment.approved' };
    const { ids, result } = await consume([event], HOOK);
    expect(result.explicitAcks).toEqual(ids);
    const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(HOOK.WEBHOOK_URL);
    const headers = new Headers(init.headers);
    expect(headers.get('Content-Type')).toBe('application/json');
    const body = String(init.body);
    expect(JSON.parse(body)).toEqual({ id: ids[0], ...event });
    const signature = headers.get('Minbar-Signature') ?? '';
    expect(signature).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    expect(Math.abs(Number(/t=(\d+)/.exec(signature)?.[1]) - Date.now() / 1000)).toBeLessThan(60);
    expect(await receiverAccepts(HOOK.WEBHOOK_SECRET, signature, body)).toBe(true);
    expect(await receiverAccepts(HOOK.WEBHOOK_SECRET, signature, body.replace('41', '42'))).toBe(false);
    expect(await receiverAccepts('another-secret', signature, body)).toBe(false);
  });

  it('a failing receiver gets each event again with growing delays until the queue dead-letters it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response('down', { status: 503 }))
      .mockRejectedValueOnce(new TypeError('connection refused'));
    const delays: Array<number | undefined> = [];
    for (let attempts = 1; attempts <= 6; attempts++) {
      const { ids, result, delays: asked } = await consume([{ ...held(7), type: 'comment.spam' }], HOOK, attempts);
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
      delays.push(...asked);
    }
    expect(fetchSpy).toHaveBeenCalledTimes(6);
    expect(delays).toEqual([30, 60, 120, 240, 480, 960]);
    expect(retryDelay(20)).toBe(3600);
  });

  it('after max_retries the queue moves the event to the dead-letter queue (wrangler.desk.jsonc)', () => {
    const consumer = /"consumers": \[\s*\{\s*"queue": "minbar-comment-events",([\s\S]*?)\}/.exec(wranglerConfig)?.[1] ?? '';
    expect(consumer).toMatch(/^\s*"max_retries": 5,?$/m);
    expect(consumer).toMatch(/^\s*"dead_letter_queue": "minbar-comment-events-dlq",?$/m);
  });

  it('a receiver that recovers gets the event and it is acknowledged', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('ok'));
    const { ids, result } = await consume([held(8)], HOOK, 3);
    expect(result.explicitAcks).toEqual(ids);
  });
});

describe('what the consumer does with every kind of message', () => {
  it('drops and logs a message that is no comment event, and still handles the others', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('ok'));
    const event: CommentEvent = { ...held(9), type: 'comment.trashed' };
    const bad = [null, 'comment.held', { comment_id: 9 }, { type: 'comment.held' }, { type: 'comment.held', comment_id: '9' }];
    const { ids, result } = await consume([...bad, event] as CommentEvent[], HOOK);
    expect(result.explicitAcks.sort()).toEqual([...ids].sort());
    expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)))).toEqual(
      ids
        .slice(0, bad.length)
        .map((id) => expect.objectContaining({ event: 'comment event dropped: not an event', message_id: id })),
    );
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('when the digest fails, retries the held event but still delivers the others to the webhook', async () => {
    await admin('/comments?status=pending');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(env.MODERATOR_MAIL, 'send').mockRejectedValue(new Error('mail down'));
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('ok'));
    const id = await seedComment({ slug: 'benghazi-port', body: 'بريد متوقف', status: 'pending' });
    const { ids, result } = await consume([held(id), { ...held(id), type: 'comment.approved' }], { ...MAIL, ...HOOK });
    expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    expect(result.explicitAcks).toEqual([ids[1]]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)))).toContainEqual(
      expect.objectContaining({ event: 'digest not sent' }),
    );
  });

  it('mails nothing when every held comment was moderated before the message arrived, and mails the next one at once', async () => {
    await admin('/comments?status=pending');
    await env.DB.prepare("UPDATE comments SET status = 'approved' WHERE status = 'pending'").run();
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const { ids, result } = await consume([held(1)], MAIL);
    expect(result.explicitAcks).toEqual(ids);
    expect(send).not.toHaveBeenCalled();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const next = await seedComment({ slug: 'benghazi-port', body: 'التالي', status: 'pending' });
    await consume([held(next)], MAIL);
    expect(send).toHaveBeenCalledTimes(2);
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: 'digest.sent', pending: 1, recipients: 2 }),
    );
  });

  it('without the mail binding nothing is mailed, and held events are acknowledged', async () => {
    await admin('/comments?status=pending');
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const id = await seedComment({ slug: 'benghazi-port', body: 'بلا بريد', status: 'pending' });
    const { ids, result } = await consume([held(id)], { ...MAIL, MODERATOR_MAIL: undefined });
    expect(result.explicitAcks).toEqual(ids);
    expect(send).not.toHaveBeenCalled();
  });

  it('mails nothing for a batch without a held comment, nor for a message that only looks like one', async () => {
    await admin('/comments?status=pending');
    await seedComment({ slug: 'benghazi-port', body: 'ينتظر بلا حدث', status: 'pending' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const { ids, result } = await consume(
      [{ ...held(3), type: 'comment.approved' }, { type: 'comment.held', comment_id: 'x' } as unknown as CommentEvent],
      MAIL,
    );
    expect(result.explicitAcks.sort()).toEqual([...ids].sort());
    expect(send).not.toHaveBeenCalled();
  });

  it("lists a held comment whose article is no longer published under the article's slug", async () => {
    await admin('/comments?status=pending');
    await env.DB.prepare("UPDATE comments SET status = 'approved' WHERE status = 'pending'").run();
    const send = vi.spyOn(env.MODERATOR_MAIL, 'send');
    const id = await seedComment({
      slug: 'withdrawn-article',
      body: 'على مقال مسحوب',
      status: 'pending',
      reader: newReader('كاتب'),
    });
    await consume([held(id)], MAIL);
    const [message] = send.mock.calls[0] ?? [];
    expect((await readMail(message as EmailMessage)).text).toContain('كاتب على «withdrawn-article»');
  });
});
