/**
 * The COMMENT_EVENTS queue consumer: one digest e-mail per batch of held comments (and none again until a
 * moderator has looked at the queue), and one signed webhook delivery per event. A failed delivery is retried with
 * exponential backoff; after the consumer's max_retries the queue moves it to the dead-letter queue.
 * Each part is off when it is not configured; the messages are then simply acknowledged.
 */
import { type BackgroundVars, type NotificationSettings, readNotificationSettings } from '../domain/background-settings.ts';
import type { CommentEvent } from '../domain/comment-events.ts';
import { logError, logInfo } from '../log.ts';
import { getArticle } from '../storage/articles.ts';
import { claimDigest, getPendingBacklog, releaseDigest } from '../storage/notifications.ts';
import { digestEmail } from '../views/digest-email.ts';
import { sendPlainMail } from './mail.ts';
import { deliverWebhook } from './webhook.ts';

/** Comments listed in one digest (the count covers all). */
const DIGEST_SIZE = 20;

/** What the consumer needs. The mail binding is optional: without it (or recipients) there is no digest. */
export interface NotifyEnv extends BackgroundVars {
  DB: D1Database;
  ARTICLES: KVNamespace;
  SITE_URL: string;
  MODERATOR_MAIL?: SendEmail;
}

/**
 * Seconds before retry number `attempts` (1 after the first failure): 30 s, 1, 2, 4, 8 minutes… at most an hour.
 * @example retryDelay(3) // 120
 */
export const retryDelay = (attempts: number): number => Math.min(30 * 2 ** (Math.max(attempts, 1) - 1), 3600);

const isEvent = (body: unknown): body is CommentEvent =>
  // Stryker disable next-line ConditionalExpression: a queue body that is no object (text, a number) has no string `type`, so the checks below refuse it anyway
  typeof body === 'object' &&
  body !== null &&
  typeof (body as CommentEvent).type === 'string' &&
  Number.isSafeInteger((body as CommentEvent).comment_id);

/** Sends the digest unless the last one has not been looked at yet; false when sending failed. */
async function sendDigest(env: NotifyEnv, mail: SendEmail, settings: NotificationSettings, now: Date): Promise<boolean> {
  const at = now.toISOString();
  if (!(await claimDigest(env.DB, at))) return true;
  try {
    const backlog = await getPendingBacklog(env.DB, DIGEST_SIZE);
    // Moderated before the message arrived: nothing waits, and the next held comment may mail at once.
    if (backlog.total === 0) return releaseDigest(env.DB, at).then(() => true);
    const slugs = [...new Set(backlog.comments.map((c) => c.articleSlug))];
    const articles = await Promise.all(slugs.map((slug) => getArticle(env.ARTICLES, slug)));
    const titles = new Map(articles.flatMap((a) => (a ? [[a.slug, a.title] as const] : [])));
    const { subject, text } = digestEmail({ siteUrl: env.SITE_URL, total: backlog.total, comments: backlog.comments, titles });
    await sendPlainMail(mail, { from: settings.from, fromName: 'منبر', to: settings.moderatorEmails, subject, text }, now);
    logInfo('digest.sent', { pending: backlog.total, recipients: settings.moderatorEmails.length });
    return true;
  } catch (error) {
    await releaseDigest(env.DB, at);
    logError('digest not sent', error);
    return false;
  }
}

/** Handles one batch of comment events: every message is acknowledged or retried, never left undecided. */
export async function handleCommentEvents(batch: MessageBatch<unknown>, env: NotifyEnv, now = new Date()): Promise<void> {
  const settings = readNotificationSettings(env);
  const held = batch.messages.some((m) => isEvent(m.body) && m.body.type === 'comment.held');
  const mail = env.MODERATOR_MAIL;
  const digestSent = !held || !mail || settings.moderatorEmails.length === 0 || (await sendDigest(env, mail, settings, now));
  await Promise.all(
    batch.messages.map(async (message) => {
      const event = message.body;
      if (!isEvent(event)) {
        logError('comment event dropped: not an event', undefined, { message_id: message.id });
        return message.ack();
      }
      const delivered =
        (digestSent || event.type !== 'comment.held') &&
        (!settings.webhook || (await deliverWebhook(settings.webhook, message.id, event, now)));
      if (delivered) message.ack();
      else message.retry({ delaySeconds: retryDelay(message.attempts) });
    }),
  );
}
