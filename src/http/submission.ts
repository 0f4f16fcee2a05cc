/**
 * What surrounds a comment submission, assembled once for both ways in (the JSON API and the form): the database
 * session, the moderation settings read from the configuration, who is asking, the time, and the held-comment event.
 */
import type { Context } from 'hono';
import { readConfig } from '../config.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { readModerationSettings } from '../domain/comment.ts';
import type { AppEnv } from '../env.ts';
import { publishCommentEvent } from '../services/comment-events.ts';
import type { SubmitContext } from '../services/submit-comment.ts';
import type { ClientIdentity } from './client.ts';

/** The context of one submission on `article`; `extra` says what only one way in knows (honeypot, idempotency). */
export const submissionContext = (
  c: Context<AppEnv>,
  article: ArticleDocument,
  client: ClientIdentity,
  extra: Pick<SubmitContext, 'honeypot' | 'idempotency'>,
): SubmitContext => ({
  db: c.get('db'),
  settings: readModerationSettings(readConfig(c.env)),
  ...client,
  now: new Date(),
  onHeld: (id) => publishCommentEvent(c.env, c.executionCtx, 'comment.held', { id, articleSlug: article.slug }),
  ...extra,
});
