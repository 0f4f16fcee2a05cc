// One webhook delivery as the site's operator sees it: delivered or not, and a log line saying which event failed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommentEvent } from '../../../src/domain/comment-events.ts';
import { deliverWebhook } from '../../../src/services/webhook.ts';

const HOOK = { url: 'https://hooks.example.org/minbar', secret: 'whsec-test' };
const EVENT: CommentEvent = {
  type: 'comment.approved',
  comment_id: 5,
  article_slug: 'benghazi-port',
  occurred_at: '2026-11-30T08:00:00.000Z',
};

afterEach(() => vi.restoreAllMocks());

/** A receiver that answers `status` after `ms`, or gives up when the sender aborts, as a real connection does. */
const receiver = (ms: number, status: number) => async (_url: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((resolve, reject) => {
    const timer = setTimeout(() => resolve(new Response(null, { status })), ms);
    init?.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(init.signal?.reason);
    });
  });

describe('deliverWebhook', () => {
  it('waits for a receiver that takes a moment to answer, and counts its 2xx as delivered', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(receiver(300, 200));
    expect(await deliverWebhook(HOOK, 'msg-1', EVENT, new Date())).toBe(true);
    expect(fetchSpy.mock.calls[0]?.[1]?.method).toBe('POST');
  });

  it('counts a non-2xx answer or a refused connection as not delivered, and logs which event failed', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(globalThis, 'fetch').mockImplementation(receiver(0, 500));
    expect(await deliverWebhook(HOOK, 'msg-2', EVENT, new Date())).toBe(false);
    expect(logged).not.toHaveBeenCalled();
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('connection refused'));
    expect(await deliverWebhook(HOOK, 'msg-3', EVENT, new Date())).toBe(false);
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)))).toContainEqual(
      expect.objectContaining({ event: 'webhook delivery failed', type: 'comment.approved' }),
    );
  });
});
