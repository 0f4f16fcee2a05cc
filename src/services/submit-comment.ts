/**
 * The one path a new comment takes, from the JSON API and from the form alike: idempotent replay, open/closed,
 * rate limit and flood control, the parent check, moderation, and one transactional insert.
 * It returns an outcome; each route turns it into its own answer (problem+json or the Arabic page).
 */

import { sha256Hex } from '../crypto.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { commentsOpen, MAX_DEPTH, type ModerationSettings, moderate, type PublicComment } from '../domain/comment.ts';
import {
  type Db,
  getApprovedComment,
  getComment,
  getIdempotentResponse,
  hasApprovedComment,
  insertComment,
  lastCommentSince,
} from '../storage/comments.ts';
import { foldArabic } from '../text/arabic.ts';
import type { CommentInput } from '../validation/comment.ts';

/** Seconds within which a second comment from the same IP or email is refused, as WordPress's flood check. */
export const FLOOD_SECONDS = 15;
/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_HOURS = 24;
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
  idempotency?: { key: string; requestFingerprint: string };
  /** Called once when a new comment is held for moderation (not for spam, honeypot hits or replays). */
  onHeld?: (id: number) => void;
}

/** Why a comment was not stored. */
export type RefusalReason = 'closed' | 'invalid-parent' | 'duplicate' | 'too-fast' | 'rate-limited' | 'idempotency-mismatch';

/** What happened to a submission. */
export type SubmitOutcome =
  | { kind: 'stored'; id: number; approved: PublicComment | null; httpStatus: 201 | 202; replayed: boolean }
  | { kind: 'refused'; reason: RefusalReason; retryAfter?: number };

const refused = (reason: RefusalReason, retryAfter?: number): SubmitOutcome => ({
  kind: 'refused',
  reason,
  ...(retryAfter ? { retryAfter } : {}),
});

async function replay(
  db: Db,
  article: ArticleDocument,
  key: string,
  fingerprint: string,
  since: string,
): Promise<SubmitOutcome | null> {
  const first = await getIdempotentResponse(db, key, since);
  if (!first) return null;
  if (first.requestFingerprint !== fingerprint) return refused('idempotency-mismatch');
  const approved = first.responseStatus === 201 ? await getApprovedComment(db, article.slug, first.commentId) : null;
  return { kind: 'stored', id: first.commentId, approved, httpStatus: approved ? 201 : 202, replayed: true };
}

/** Seconds a rate-limited client is asked to wait (the limiter's period). */
const RATE_LIMIT_PERIOD = 60;

/**
 * Counts one comment attempt of a client against the `[[ratelimits]]` binding, valid or not, so that a flood of
 * rejected requests is stopped as early as one of accepted ones. Returns the refusal, or null to go on.
 */
export async function checkRateLimit(limiter: RateLimit | undefined, ipHash: string): Promise<SubmitOutcome | null> {
  if (!limiter || (await limiter.limit({ key: ipHash })).success) return null;
  return refused('rate-limited', RATE_LIMIT_PERIOD);
}

/** Submits a validated comment on `article`. */
export async function submitComment(article: ArticleDocument, input: CommentInput, ctx: SubmitContext): Promise<SubmitOutcome> {
  const { db, now } = ctx;
  const since = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
  const idempotencySince = since(IDEMPOTENCY_HOURS * 3600);

  if (ctx.idempotency) {
    const previous = await replay(db, article, ctx.idempotency.key, ctx.idempotency.requestFingerprint, idempotencySince);
    if (previous) return previous;
  }
  if (!commentsOpen(article, ctx.settings, now)) return refused('closed');

  const last = await lastCommentSince(db, ctx.ipHash, input.email, since(FLOOD_SECONDS));
  if (last) return refused('too-fast', Math.max(1, Math.ceil(FLOOD_SECONDS - (now.getTime() - Date.parse(last)) / 1000)));

  let depth = 1;
  const parentId = input.parent_id ?? null;
  if (parentId !== null) {
    const parent = await getComment(db, parentId);
    if (!parent || parent.articleSlug !== article.slug || parent.status !== 'approved' || parent.depth >= MAX_DEPTH)
      return refused('invalid-parent');
    depth = parent.depth + 1;
  }

  const url = input.url || null;
  // Stryker disable next-line ConditionalExpression: only mode first reads knownAuthor; the mode test saves a query in the others
  const knownAuthor = ctx.settings.mode === 'first' && (await hasApprovedComment(db, input.email));
  const decision = moderate(
    { name: input.name, email: input.email, url, body: input.body, honeypot: ctx.honeypot, knownAuthor },
    ctx.settings,
  );
  const httpStatus = decision.status === 'approved' ? 201 : 202;
  const createdAt = now.toISOString();
  const result = await insertComment(db, {
    articleSlug: article.slug,
    parentId,
    depth,
    authorName: input.name,
    authorEmail: input.email,
    authorUrl: url,
    body: input.body,
    bodyFingerprint: await sha256Hex(foldArabic(input.body)),
    status: decision.status,
    createdAt,
    ipHash: ctx.ipHash,
    userAgent: [...ctx.userAgent].slice(0, USER_AGENT_LIMIT).join(''),
    ...(ctx.idempotency
      ? { idempotency: { ...ctx.idempotency, responseStatus: httpStatus, expiredBefore: idempotencySince } }
      : {}),
  });

  if ('conflict' in result) {
    if (result.conflict === 'duplicate') return refused('duplicate');
    // Another request with the same key won the race: answer with its response.
    const previous =
      ctx.idempotency && (await replay(db, article, ctx.idempotency.key, ctx.idempotency.requestFingerprint, idempotencySince));
    return previous || refused('duplicate');
  }
  if (decision.status === 'pending') ctx.onHeld?.(result.id);
  const approved: PublicComment | null =
    decision.status === 'approved'
      ? { id: result.id, parentId, depth, authorName: input.name, authorUrl: url, body: input.body, createdAt }
      : null;
  return { kind: 'stored', id: result.id, approved, httpStatus, replayed: false };
}
