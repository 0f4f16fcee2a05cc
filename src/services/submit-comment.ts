/**
 * The one path a new comment takes, from the JSON API and from the form alike: open/closed and the parent check
 * first (they do not depend on timing, so they win over flood control), then flood control, moderation, and one
 * transactional insert. Idempotent replay happens before this (services/idempotency.ts).
 * It returns an outcome; each route turns it into its own answer (problem+json or the Arabic page).
 */

import { sha256Hex } from '../crypto.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { commentsOpen, MAX_DEPTH, type ModerationSettings, moderate, type PublicComment } from '../domain/comment.ts';
import { getApprovedComment, hasApprovedComment, insertComment, lastCommentSince } from '../storage/comments.ts';
import type { Db } from '../storage/db.ts';
import { foldForMatching } from '../text/fold.ts';
import type { CommentInput } from '../validation/comment.ts';

/** Seconds within which a second comment from the same IP or email is refused, as WordPress's flood check. */
export const FLOOD_SECONDS = 15;
/** Characters of the user agent kept. */
const USER_AGENT_LIMIT = 254;

/** Who is commenting and what surrounds the request. */
export interface SubmitContext {
  db: Db;
  settings: ModerationSettings;
  /** HMAC of the client IP (never the IP itself). */
  ipHash: string;
  userAgent: string;
  now: Date;
  /** The honeypot field was filled. */
  honeypot: boolean;
  /**
   * A claimed Idempotency-Key, and the first response to keep under it, given the comment when it is approved at
   * once (the route decides the response; this service only knows what happened).
   */
  idempotency?: {
    key: string;
    response: (approved: PublicComment | null) => { responseStatus: 201 | 202; responseBody: string };
  };
  /** Called once when a new comment is held for moderation (not for spam, honeypot hits or replays). */
  onHeld?: (id: number) => void;
}

/** Why a comment was not stored. */
export type RefusalReason =
  | 'closed'
  | 'invalid-parent'
  | 'duplicate'
  | 'too-fast'
  | 'rate-limited'
  | 'idempotency-mismatch'
  | 'idempotency-in-progress';

/** What happened to a submission. */
export type SubmitOutcome =
  | { kind: 'stored'; id: number; approved: PublicComment | null }
  | { kind: 'refused'; reason: RefusalReason; retryAfter?: number };

/** A submission that was not stored, and why. */
export type Refusal = Extract<SubmitOutcome, { kind: 'refused' }>;

/** A refusal, with the seconds to wait when waiting helps. */
export const refused = (reason: RefusalReason, retryAfter?: number): Refusal => ({
  kind: 'refused',
  reason,
  ...(retryAfter ? { retryAfter } : {}),
});

/** Seconds a rate-limited client is asked to wait (the limiter's period). */
const RATE_LIMIT_PERIOD = 60;

/**
 * Counts one comment attempt of a client against the `[[ratelimits]]` binding, valid or not, so that a flood of
 * rejected requests is stopped as early as one of accepted ones. Returns the refusal, or null to go on.
 */
export async function checkRateLimit(limiter: RateLimit | undefined, ipHash: string): Promise<Refusal | null> {
  if (!limiter || (await limiter.limit({ key: ipHash })).success) return null;
  return refused('rate-limited', RATE_LIMIT_PERIOD);
}

/** Submits a validated comment on `article`. */
export async function submitComment(article: ArticleDocument, input: CommentInput, ctx: SubmitContext): Promise<SubmitOutcome> {
  const { db, now } = ctx;
  const since = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  if (!commentsOpen(article, ctx.settings, now)) return refused('closed');

  let depth = 1;
  const parentId = input.parent_id ?? null;
  if (parentId !== null) {
    // Only a comment readers can see can be replied to (approved, and its whole ancestry too).
    const parent = await getApprovedComment(db, article.slug, parentId);
    if (!parent || parent.depth >= MAX_DEPTH) return refused('invalid-parent');
    depth = parent.depth + 1;
  }

  const last = await lastCommentSince(db, ctx.ipHash, input.email, since(FLOOD_SECONDS));
  if (last) return refused('too-fast', Math.max(1, Math.ceil(FLOOD_SECONDS - (now.getTime() - Date.parse(last)) / 1000)));

  const url = input.url || null;
  // Stryker disable next-line ConditionalExpression: only mode first reads knownAuthor; the mode test saves a query in the others
  const knownAuthor = ctx.settings.mode === 'first' && (await hasApprovedComment(db, input.email, input.name));
  const decision = moderate(
    { name: input.name, email: input.email, url, body: input.body, honeypot: ctx.honeypot, knownAuthor },
    ctx.settings,
  );
  const createdAt = now.toISOString();
  const approved = (id: number): PublicComment | null =>
    decision.status === 'approved'
      ? { id, parentId, depth, authorName: input.name, authorUrl: url, body: input.body, createdAt, replyCount: 0, agreeCount: 0 }
      : null;
  const result = await insertComment(db, {
    articleSlug: article.slug,
    parentId,
    depth,
    authorName: input.name,
    authorEmail: input.email,
    authorUrl: url,
    body: input.body,
    bodyFingerprint: await sha256Hex(foldForMatching(input.body)),
    status: decision.status,
    createdAt,
    ipHash: ctx.ipHash,
    userAgent: [...ctx.userAgent].slice(0, USER_AGENT_LIMIT).join(''),
    ...(ctx.idempotency
      ? {
          // The id is not known yet: storage puts the new one in place of this 0.
          idempotency: { key: ctx.idempotency.key, ...ctx.idempotency.response(approved(0)) },
        }
      : {}),
  });

  if ('conflict' in result) return refused(result.conflict);
  if (decision.status === 'pending') ctx.onHeld?.(result.id);
  return { kind: 'stored', id: result.id, approved: approved(result.id) };
}
