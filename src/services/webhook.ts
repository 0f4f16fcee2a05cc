/**
 * Signed webhook deliveries. The body is the event as JSON; `Minbar-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA-256(WEBHOOK_SECRET, `${t}.${body}`). A receiver recomputes it over the raw body, compares in
 * constant time and refuses a `t` older than a few minutes (replays). README, "Webhooks", shows a receiver.
 */
import { hmacHex } from '../crypto.ts';
import type { CommentEvent } from '../domain/comment-events.ts';
import { logError } from '../log.ts';

/** Header that carries the signature. */
const SIGNATURE_HEADER = 'Minbar-Signature';

/** Seconds a delivery may take before it counts as failed. */
const TIMEOUT_SECONDS = 10;

/**
 * The signature header of `body` sent at `timestamp` (unix seconds).
 * @example await signWebhook('secret', 1764460800, '{"type":"comment.held"}') // 't=1764460800,v1=…'
 */
async function signWebhook(secret: string, timestamp: number, body: string): Promise<string> {
  return `t=${timestamp},v1=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Posts one event; true when the receiver answered 2xx in time. `id` lets the receiver drop duplicates. */
export async function deliverWebhook(
  webhook: { url: string; secret: string },
  id: string,
  event: CommentEvent,
  now: Date,
): Promise<boolean> {
  const body = JSON.stringify({ id, ...event });
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [SIGNATURE_HEADER]: await signWebhook(webhook.secret, Math.floor(now.getTime() / 1000), body),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
    });
    await response.body?.cancel();
    return response.ok;
  } catch (error) {
    logError('webhook delivery failed', error, { type: event.type });
    return false;
  }
}
