/**
 * The HTML pages readers see: the front page, category pages, article pages (which also answer
 * `Accept: application/json` with the article's JSON) and the comment form's POST.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { readConfig } from '../config.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { commentsOpen, readModerationSettings } from '../domain/comment.ts';
import { pageOf } from '../domain/pagination.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { agreementsDigest, listDigest, notModified, notModifiedInBrowsers, versionTag } from '../http/caching.ts';
import { identifyClient } from '../http/client.ts';
import { negotiate } from '../http/negotiate.ts';
import { addPreviewId } from '../http/preview-cookie.ts';
import { forgetArticle } from '../http/response-cache.ts';
import { sameOriginForms } from '../http/same-origin-forms.ts';
import { readThreadCursor } from '../http/thread-cursor.ts';
import { publishCommentEvent } from '../services/comment-events.ts';
import { checkRateLimit, type SubmitOutcome, submitComment } from '../services/submit-comment.ts';
import { listPage } from '../storage/article-catalog.ts';
import { articlePath } from '../urls.ts';
import { articlePageQuerySchema, pageQuerySchema } from '../validation/article-query.ts';
import { COMMENT_MAX_BYTES, COMMENT_MESSAGES, parseCommentInput } from '../validation/comment.ts';
import { validate } from '../validation/validate.ts';
import { ArticleListPage } from '../views/article-list-page.tsx';
import { ArticlePage } from '../views/article-page.tsx';
import { refusalMessage } from '../views/comment-messages.ts';
import { type CommentField, type CommentFormState, EMPTY_FORM } from '../views/components/comment-form.tsx';
import { requireArticle, sendArticleJson } from './api/articles.ts';
import { REFUSALS } from './api/comments.ts';
import { articleCommentsState, loadArticleComments, unlessCommentsUnavailable } from './article-comments.ts';

/** Shown when the form's body cannot be read (a broken multipart or urlencoded body): nothing typed could be kept. */
const UNREADABLE_FORM = 'تعذّر قراءة التعليق المرسَل. أعد كتابته وأرسله مرة أخرى.';

/** Teasers per list page. */
const PAGE_SIZE = 20;
const FORM_FIELDS: CommentField[] = ['name', 'email', 'url', 'body', 'parent_id'];

/** The article page with a failed submission: its status, the reason, and everything the reader typed. */
async function renderFailedForm(
  c: Context<AppEnv>,
  article: ArticleDocument,
  form: CommentFormState,
  status: ContentfulStatusCode,
) {
  const parent = Number(form.values.parent_id);
  const comments = await loadArticleComments(c, article, { form, ...(parent > 0 ? { replyTo: parent } : {}) });
  c.header('Cache-Control', 'no-store');
  return c.html(<ArticlePage article={article} siteUrl={c.env.SITE_URL} comments={comments} />, status);
}

/** The article page explaining, in Arabic, why the comment was refused. */
function refuseForm(
  c: Context<AppEnv>,
  article: ArticleDocument,
  form: CommentFormState,
  outcome: Extract<SubmitOutcome, { kind: 'refused' }>,
) {
  if (outcome.retryAfter) c.header('Retry-After', String(outcome.retryAfter));
  const alert = refusalMessage(outcome.reason, outcome.retryAfter);
  return renderFailedForm(c, article, { ...form, alert }, REFUSALS[outcome.reason].status);
}

const pages = new Hono<AppEnv>()
  .get('/', validate('query', pageQuerySchema), async (c) => {
    const { page } = c.req.valid('query');
    const { list, items } = await listPage(c.get('db'), null, page, PAGE_SIZE);
    const result = pageOf(items, page, PAGE_SIZE, list?.total ?? 0);
    if (page > result.pages) throw new ProblemError(404, `Page ${page} does not exist.`);
    const cached = notModified(c, versionTag(c, await listDigest(result), 'home', page));
    if (cached) return cached;
    return c.html(<ArticleListPage heading="آخر الأخبار" path="/" siteUrl={c.env.SITE_URL} page={result} />);
  })
  .get('/categories/:slug', validate('query', pageQuerySchema), async (c) => {
    const slug = c.req.param('slug');
    const { page } = c.req.valid('query');
    const { list, items } = await listPage(c.get('db'), slug, page, PAGE_SIZE);
    const category = list?.category;
    if (!category) throw new ProblemError(404, `No category "${slug}" is published.`);
    const result = pageOf(items, page, PAGE_SIZE, list.total);
    if (page > result.pages) throw new ProblemError(404, `Page ${page} does not exist.`);
    const cached = notModified(c, versionTag(c, await listDigest(result), 'category', slug, page));
    if (cached) return cached;
    return c.html(
      <ArticleListPage
        heading={category.name}
        path={`/categories/${encodeURIComponent(slug)}`}
        siteUrl={c.env.SITE_URL}
        page={result}
      />,
    );
  })
  .get('/articles/:slug', validate('query', articlePageQuerySchema), async (c) => {
    const representation = negotiate(c, ['text/html', 'application/json']);
    c.header('Vary', 'Accept');
    if (representation === null) throw new ProblemError(406, 'This page is available as text/html or application/json.');
    const article = await requireArticle(c, c.req.param('slug'));
    if (representation === 'application/json') return sendArticleJson(c, article);
    const { replyto, sort, comments_after } = c.req.valid('query');
    const after = readThreadCursor(sort, comments_after, 'comments_after');
    const comments = await unlessCommentsUnavailable(c, async () => {
      const { version, previewIds } = await articleCommentsState(c, article);
      const loaded = await loadArticleComments(c, article, {
        previewIds,
        sort,
        after,
        ...(comments_after ? { afterText: comments_after } : {}),
        ...(replyto ? { replyTo: Number(replyto) } : {}),
      });
      if (previewIds.length > 0) {
        // The author's own held comment may be on this page: for their eyes only, never in a shared cache.
        c.header('Cache-Control', 'private, no-store');
      } else {
        // Whether the form is open is part of the version: a page whose comments closed since is not "not modified";
        // the «أتفق» counts shown are too, so a reaction changes exactly the pages that show it.
        const open = commentsOpen(article, readModerationSettings(readConfig(c.env)), new Date());
        const agreements = await agreementsDigest(loaded.shown);
        const tag = versionTag(
          c,
          article.hash,
          'html',
          version,
          open ? 'open' : 'closed',
          sort,
          replyto ?? '',
          comments_after ?? '',
          agreements,
        );
        const cached = notModifiedInBrowsers(c, tag);
        if (cached) return cached;
      }
      return loaded;
    });
    if (comments instanceof Response) return comments;
    return c.html(<ArticlePage article={article} siteUrl={c.env.SITE_URL} comments={comments} />);
  })
  .post(
    '/articles/:slug/comments',
    sameOriginForms(),
    bodyLimit({
      maxSize: COMMENT_MAX_BYTES,
      // Sized so any comment within its character limits fits; beyond that, say the limit in characters.
      onError: async (c) =>
        renderFailedForm(
          c,
          await requireArticle(c, c.req.param('slug') ?? ''),
          { ...EMPTY_FORM, alert: COMMENT_MESSAGES.bodyTooLong },
          413,
        ),
    }),
    async (c) => {
      const client = await identifyClient(c);
      const article = await requireArticle(c, c.req.param('slug'));
      let body: Awaited<ReturnType<typeof c.req.parseBody>>;
      try {
        body = await c.req.parseBody();
      } catch {
        return renderFailedForm(c, article, { ...EMPTY_FORM, alert: UNREADABLE_FORM }, 400);
      }
      const limited = await checkRateLimit(c.env.COMMENT_LIMITER, client.ipHash);
      const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      const values = Object.fromEntries(FORM_FIELDS.map((name) => [name, field(name)])) as CommentFormState['values'];
      const parentText = values.parent_id ?? '';
      if (limited?.kind === 'refused') return refuseForm(c, article, { values, errors: {} }, limited);
      const parsed = parseCommentInput({
        name: values.name,
        email: values.email,
        ...(values.url ? { url: values.url } : {}),
        body: values.body,
        ...(parentText ? { parent_id: /^\d{1,12}$/.test(parentText) ? Number(parentText) : parentText } : {}),
      });
      if (!parsed.ok) {
        const errors = Object.fromEntries(Object.entries(parsed.errors).map(([name, messages]) => [name, messages[0]]));
        return renderFailedForm(c, article, { values, errors }, 422);
      }
      const outcome = await submitComment(article, parsed.input, {
        db: c.get('db'),
        settings: readModerationSettings(readConfig(c.env)),
        ...client,
        now: new Date(),
        honeypot: field('fax') !== '',
        onHeld: (id) => publishCommentEvent(c.env, c.executionCtx, 'comment.held', { id, articleSlug: article.slug }),
      });
      if (outcome.kind === 'refused') return refuseForm(c, article, { values, errors: {} }, outcome);
      if (!outcome.approved) await addPreviewId(c, article.slug, outcome.id);
      else forgetArticle(article.slug);
      c.header('Cache-Control', 'no-store');
      return c.redirect(`${articlePath(article.slug)}#comment-${outcome.id}`, 303);
    },
  );

export default pages;
