/**
 * The public comments API of an article: `GET` the approved threads (cursor-paginated), `GET` one comment,
 * `POST` a new one (JSON only, idempotent with `Idempotency-Key`).
 */
import { type Context, Hono } from 'hono';
import { readConfig } from '../../config.ts';
import { sha256Hex } from '../../crypto.ts';
import type { ArticleDocument } from '../../domain/article.ts';
import { buildThreads, readModerationSettings } from '../../domain/comment.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { notModified, versionTag } from '../../http/caching.ts';
import { type ClientIdentity, identifyClient } from '../../http/client.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { publishCommentEvent } from '../../services/comment-events.ts';
import { checkRateLimit, type RefusalReason, type SubmitOutcome, submitComment } from '../../services/submit-comment.ts';
import { getApprovedComment, getCommentsVersion, listApprovedThreads } from '../../storage/comments.ts';
import { absoluteUrl, articleCommentsApiPath } from '../../urls.ts';
import { commentListQuerySchema, parseCommentInput } from '../../validation/comment.ts';
import { validate } from '../../validation/validate.ts';
import { commentJson, threadJson } from '../../views/comment-json.ts';
import { requireArticle } from './articles.ts';

/** How each refusal is answered by the API. */
export const REFUSALS: Record<RefusalReason, { status: 403 | 409 | 422 | 429; type: string; detail: string }> = {
  closed: { status: 403, type: 'comments-closed', detail: 'Comments on this article are closed.' },
  'invalid-parent': {
    status: 403,
    type: 'invalid-parent',
    detail: 'parent_id must be an approved comment of this article, less than 5 levels deep.',
  },
  duplicate: { status: 409, type: 'duplicate-comment', detail: 'The same comment from this email is already on this article.' },
  'too-fast': { status: 429, type: 'too-fast', detail: 'Comments from one client or email must be at least 15 seconds apart.' },
  'rate-limited': { status: 429, type: 'rate-limited', detail: 'Too many comments from this client; wait a minute.' },
  'idempotency-mismatch': {
    status: 422,
    type: 'idempotency-key-reused',
    detail: 'This Idempotency-Key was used for a different request within the last 24 hours.',
  },
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const commentId = (c: Context<AppEnv>): number => {
  const id = c.req.param('id') ?? '';
  if (!/^\d{1,12}$/.test(id)) throw new ProblemError(404, `No comment has the id "${id}".`);
  return Number(id);
};

const slugOf = (c: Context<AppEnv>): string => c.req.param('slug') ?? '';

/** Turns a refusal into its problem. */
function refuse(outcome: Extract<SubmitOutcome, { kind: 'refused' }>): never {
  const refusal = REFUSALS[outcome.reason];
  throw new ProblemError(refusal.status, refusal.detail, {
    type: refusal.type,
    ...(outcome.reason === 'invalid-parent' ? { errors: { parent_id: [refusal.detail] } } : {}),
    ...(outcome.retryAfter ? { headers: { 'Retry-After': String(outcome.retryAfter) } } : {}),
  });
}

async function postComment(
  c: Context<AppEnv>,
  article: ArticleDocument,
  raw: unknown,
  client: ClientIdentity,
): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new ProblemError(400, 'Idempotency-Key must be 1–255 visible ASCII characters.', { type: 'invalid-parameters' });
  const parsed = parseCommentInput(raw);
  if (!parsed.ok && parsed.unknownFields.length > 0)
    throw new ProblemError(
      400,
      `Unknown fields: ${parsed.unknownFields.join(', ')}. Allowed: name, email, url, body, parent_id.`,
      {
        type: 'unknown-fields',
        errors: Object.fromEntries(parsed.unknownFields.map((f) => [f, ['This field is not accepted.']])),
      },
    );
  if (!parsed.ok)
    throw new ProblemError(422, `Invalid fields: ${Object.keys(parsed.errors).join(', ')}.`, { errors: parsed.errors });

  const outcome = await submitComment(article, parsed.input, {
    db: c.get('db'),
    settings: readModerationSettings(readConfig(c.env)),
    ...client,
    now: new Date(),
    honeypot: false,
    onHeld: (id) => publishCommentEvent(c.env, c.executionCtx, 'comment.held', { id, articleSlug: article.slug }),
    ...(key ? { idempotency: { key, requestFingerprint: await sha256Hex(`${article.slug}\n${JSON.stringify(raw)}`) } } : {}),
  });
  if (outcome.kind === 'refused') refuse(outcome);
  c.header('Cache-Control', 'no-store');
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  if (!outcome.approved) return c.json({ status: 'pending' }, 202);
  c.header('Location', absoluteUrl(c.env.SITE_URL, `${articleCommentsApiPath(article.slug)}/${outcome.id}`));
  return c.json(commentJson(outcome.approved), 201);
}

const comments = new Hono<AppEnv>()
  .get('/', validate('query', commentListQuerySchema), async (c) => {
    const article = await requireArticle(c, slugOf(c));
    const { cursor, limit } = c.req.valid('query');
    const db = c.get('db');
    const version = await getCommentsVersion(db, article.slug);
    const cached = notModified(c, versionTag(c, article.hash, 'comments', version, cursor ?? '', limit));
    if (cached) return cached;
    const page = await listApprovedThreads(db, article.slug, Number(cursor ?? 0), limit);
    if (page.nextCursor !== null) {
      const next = `${articleCommentsApiPath(article.slug)}?cursor=${page.nextCursor}&limit=${limit}`;
      c.header('Link', `<${absoluteUrl(c.env.SITE_URL, next)}>; rel="next"`);
    }
    return c.json({
      data: buildThreads(page.comments).map(threadJson),
      meta: { total: page.total, limit, next_cursor: page.nextCursor === null ? null : String(page.nextCursor) },
    });
  })
  .get('/:id', async (c) => {
    const article = await requireArticle(c, slugOf(c));
    const id = commentId(c);
    const comment = await getApprovedComment(c.get('db'), article.slug, id);
    if (!comment) throw new ProblemError(404, `No approved comment ${id} on this article.`);
    return c.json(commentJson(comment));
  })
  .post('/', async (c) => {
    const client = await identifyClient(c);
    const limited = await checkRateLimit(c.env.COMMENT_LIMITER, client.ipHash);
    if (limited?.kind === 'refused') refuse(limited);
    const raw = await readJsonBody(c);
    const article = await requireArticle(c, slugOf(c));
    return postComment(c, article, raw, client);
  });

export default comments;
