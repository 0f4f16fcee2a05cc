/**
 * The public comments API of an article: `GET` the approved threads (cursor-paginated), `GET` one comment,
 * `POST` a new one (JSON only, idempotent with `Idempotency-Key`).
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { ResponseOf } from '../../contracts/responses.ts';
import type { ArticleDocument } from '../../domain/article.ts';
import { buildThreads, type PublicComment } from '../../domain/comment.ts';
import { compareThreads, threadQuery } from '../../domain/comment-sort.ts';
import { parseId } from '../../domain/ids.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { agreementsDigest, notModified, versionTag } from '../../http/caching.ts';
import { type ClientIdentity, identifyClient } from '../../http/client.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { refusalProblem } from '../../http/refusals.ts';
import { forgetArticle } from '../../http/response-cache.ts';
import { submissionContext } from '../../http/submission.ts';
import { readThreadCursor } from '../../http/thread-cursor.ts';
import { requireArticle } from '../../loaders/article.ts';
import { claimOrReplay, releaseClaim, requestFingerprint } from '../../services/idempotency.ts';
import { checkRateLimit, refused, submitComment } from '../../services/submit-comment.ts';
import { getApprovedComment, getCommentsVersion, listApprovedThreads } from '../../storage/comments.ts';
import { absoluteUrl, articleCommentsApiPath } from '../../urls.ts';
import { COMMENT_MAX_BYTES, commentListQuerySchema, parseCommentInput } from '../../validation/comment.ts';
import { validate } from '../../validation/validate.ts';
import { commentJson, threadJson } from '../../views/comment-json.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const commentId = (c: Context<AppEnv>): number => {
  const id = c.req.param('id') ?? '';
  const number = parseId(id);
  if (number === null) throw new ProblemError(404, `No comment has the id "${id}".`);
  return number;
};

const slugOf = (c: Context<AppEnv>): string => c.req.param('slug') ?? '';

/** The request's Idempotency-Key, undefined without one; a malformed key is a 400. */
function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new ProblemError(400, 'Idempotency-Key must be 1–255 visible ASCII characters.', {
      type: 'invalid-parameters',
      errors: { 'Idempotency-Key': ['must be 1–255 visible ASCII characters'] },
    });
  return key;
}

/** The first response under an Idempotency-Key, exactly as it was sent. */
function replayResponse(
  c: Context<AppEnv>,
  article: ArticleDocument,
  first: { status: 201 | 202; body: string; commentId: number },
) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'Idempotent-Replayed': 'true',
  };
  if (first.status === 201)
    headers.Location = absoluteUrl(c.env.SITE_URL, `${articleCommentsApiPath(article.slug)}/${first.commentId}`);
  return c.body(first.body, first.status, headers);
}

/** A new comment: the rate limit counts this attempt, then validation, then the submission itself. */
async function postComment(
  c: Context<AppEnv>,
  article: ArticleDocument,
  raw: unknown,
  client: ClientIdentity,
  key: string | undefined,
): Promise<Response> {
  const limited = await checkRateLimit(c.env.COMMENT_LIMITER, client.ipHash);
  if (limited) throw refusalProblem(limited);
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

  const outcome = await submitComment(
    article,
    parsed.input,
    submissionContext(c, article, client, {
      honeypot: false,
      ...(key
        ? {
            idempotency: {
              key,
              response: (approved) => ({
                responseStatus: approved ? 201 : 202,
                responseBody: JSON.stringify(responseJson(approved)),
              }),
            },
          }
        : {}),
    }),
  );
  if (outcome.kind === 'refused') throw refusalProblem(outcome);
  c.header('Cache-Control', 'no-store');
  if (!outcome.approved) return c.json(responseJson(null), 202);
  forgetArticle(article.slug);
  c.header('Location', absoluteUrl(c.env.SITE_URL, `${articleCommentsApiPath(article.slug)}/${outcome.id}`));
  return c.json(commentJson(outcome.approved), 201);
}

/** The body of a successful POST: the comment when it is approved at once, otherwise only that it is held. */
const responseJson = (approved: PublicComment | null) =>
  approved ? commentJson(approved) : ({ status: 'pending' } satisfies ResponseOf<'PendingComment'>);

const comments = new Hono<AppEnv>()
  .get('/', validate('query', commentListQuerySchema), async (c) => {
    const article = await requireArticle(c, slugOf(c));
    const { sort, cursor, limit } = c.req.valid('query');
    const after = readThreadCursor(sort, cursor, 'cursor');
    const db = c.get('db');
    const version = await getCommentsVersion(db, article.slug);
    const page = await listApprovedThreads(db, article.slug, after, limit, sort);
    const agreements = await agreementsDigest(page.comments);
    const cached = notModified(c, versionTag(c, article.hash, 'comments', version, sort, cursor ?? '', limit, agreements));
    if (cached) return cached;
    if (page.nextCursor !== null) {
      const next = `${articleCommentsApiPath(article.slug)}?${threadQuery({ sort, cursor: page.nextCursor, limit })}`;
      c.header('Link', `<${absoluteUrl(c.env.SITE_URL, next)}>; rel="next"`);
    }
    return c.json({
      data: buildThreads(page.comments).sort(compareThreads(sort)).map(threadJson),
      meta: { total: page.total, sort, limit, next_cursor: page.nextCursor },
    } satisfies ResponseOf<'CommentPage'>);
  })
  .get('/:id', async (c) => {
    const article = await requireArticle(c, slugOf(c));
    const id = commentId(c);
    const db = c.get('db');
    const [comment, version] = await Promise.all([
      getApprovedComment(db, article.slug, id),
      getCommentsVersion(db, article.slug),
    ]);
    if (!comment) throw new ProblemError(404, `No approved comment ${id} on this article.`);
    return notModified(c, versionTag(c, article.hash, 'comment', version, id)) ?? c.json(commentJson(comment));
  })
  .post('/', async (c) => {
    const client = await identifyClient(c);
    const raw = await readJsonBody(c, COMMENT_MAX_BYTES);
    const article = await requireArticle(c, slugOf(c));
    const key = idempotencyKeyOf(c);
    if (key === undefined) return postComment(c, article, raw, client, undefined);
    // A retry is answered from the first response before it counts as an attempt (rate limit, flood control).
    const db = c.get('db');
    const state = await claimOrReplay(db, key, await requestFingerprint(article.slug, raw), () => new Date());
    if (state.kind === 'replay') return replayResponse(c, article, state);
    if (state.kind === 'mismatch') throw refusalProblem(refused('idempotency-mismatch'));
    if (state.kind === 'in-progress') throw refusalProblem(refused('idempotency-in-progress', 1));
    let stored = false;
    try {
      const response = await postComment(c, article, raw, client, key);
      stored = response.status < 300;
      return response;
    } finally {
      if (!stored) await releaseClaim(db, key);
    }
  });

export default comments;
