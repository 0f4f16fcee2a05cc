/**
 * The comment form's POST (`/articles/:slug/comments`), for readers without JavaScript: same-origin and size checks,
 * then the submission every way in shares; a refusal or an invalid field re-renders the article page with the
 * reader's text kept and an Arabic message by the field, a success redirects (303) to the comment on the page.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Hono } from 'hono/tiny';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ArticleDocument } from '../domain/article.ts';
import { parseId } from '../domain/ids.ts';
import type { AppEnv } from '../env.ts';
import { identifyClient } from '../http/client.ts';
import { addPreviewId } from '../http/preview-cookie.ts';
import { REFUSALS } from '../http/refusals.ts';
import { forgetArticle } from '../http/response-cache.ts';
import { sameOriginForms } from '../http/same-origin-forms.ts';
import { submissionContext } from '../http/submission.ts';
import { requireArticle } from '../loaders/article.ts';
import { loadArticleComments } from '../loaders/article-comments.ts';
import { checkRateLimit, type Refusal, submitComment } from '../services/submit-comment.ts';
import { articlePath } from '../urls.ts';
import { COMMENT_MAX_BYTES, COMMENT_MESSAGES, parseCommentInput } from '../validation/comment.ts';
import { ArticlePage } from '../views/article-page.tsx';
import { refusalMessage } from '../views/comment-messages.ts';
import { type CommentField, type CommentFormState, EMPTY_FORM } from '../views/components/comment-form.tsx';

/** Shown when the form's body cannot be read (a broken multipart or urlencoded body): nothing typed could be kept. */
const UNREADABLE_FORM = 'تعذّر قراءة التعليق المرسَل. أعد كتابته وأرسله مرة أخرى.';

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
function refuseForm(c: Context<AppEnv>, article: ArticleDocument, form: CommentFormState, outcome: Refusal) {
  if (outcome.retryAfter) c.header('Retry-After', String(outcome.retryAfter));
  const alert = refusalMessage(outcome.reason, outcome.retryAfter);
  return renderFailedForm(c, article, { ...form, alert }, REFUSALS[outcome.reason].status);
}

const commentForm = new Hono<AppEnv>().post(
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
    if (limited) return refuseForm(c, article, { values, errors: {} }, limited);
    const parsed = parseCommentInput({
      name: values.name,
      email: values.email,
      ...(values.url ? { url: values.url } : {}),
      body: values.body,
      ...(parentText ? { parent_id: parseId(parentText) ?? parentText } : {}),
    });
    if (!parsed.ok) {
      const errors = Object.fromEntries(Object.entries(parsed.errors).map(([name, messages]) => [name, messages[0]]));
      return renderFailedForm(c, article, { values, errors }, 422);
    }
    const outcome = await submitComment(
      article,
      parsed.input,
      submissionContext(c, article, client, { honeypot: field('fax') !== '' }),
    );
    if (outcome.kind === 'refused') return refuseForm(c, article, { values, errors: {} }, outcome);
    if (!outcome.approved) await addPreviewId(c, article.slug, outcome.id);
    else forgetArticle(article.slug);
    c.header('Cache-Control', 'no-store');
    return c.redirect(`${articlePath(article.slug)}#comment-${outcome.id}`, 303);
  },
);

export default commentForm;
