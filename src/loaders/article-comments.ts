/**
 * Loads what the article page shows of comments: approved threads in the reader's chosen order, the reader's own
 * held comments (preview cookie) and whether the form is open. Used by the page and by the form's re-render after a
 * failure. The version and preview come first (a preview makes the page private); the ETag also covers the «أتفق»
 * counts of the comments shown, so it is decided after the thread is read and before anything is rendered.
 */
import type { Context } from 'hono';
import { readConfig } from '../config.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { readRetentionSettings } from '../domain/background-settings.ts';
import { buildThreads, commentsOpen, readModerationSettings } from '../domain/comment.ts';
import { type CommentSort, compareThreads, DEFAULT_SORT, type ThreadCursor } from '../domain/comment-sort.ts';
import type { AppEnv } from '../env.ts';
import { markCommentsUnavailable } from '../http/caching.ts';
import { readPreviewIds } from '../http/preview-cookie.ts';
import { logError } from '../log.ts';
import { getApprovedComment, getCommentsVersion, getHeldComments, listApprovedThreads } from '../storage/comments.ts';
import { StorageUnavailableError } from '../storage/unavailable.ts';
import type { ArticleComments } from '../views/article-page.tsx';
import { type CommentFormState, EMPTY_FORM } from '../views/components/comment-form.tsx';

/** Top-level comments per page of the article page (each with all its replies). */
const THREADS_PER_PAGE = 100;

/**
 * Runs the comments part of an article response; when the comments database cannot be read, logs it, marks the
 * response short-lived without a validator, and returns null so the article is still served.
 */
export async function unlessCommentsUnavailable<T>(c: Context<AppEnv>, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    logError('comments unavailable; serving the article without them', error, { status: 200 });
    markCommentsUnavailable(c);
    return null;
  }
}

/** What decides whether the article page can be answered from the client's cache: the comments version, and a preview. */
export async function articleCommentsState(
  c: Context<AppEnv>,
  article: ArticleDocument,
): Promise<{ version: number; previewIds: number[] }> {
  const [version, previewIds] = await Promise.all([getCommentsVersion(c.get('db'), article.slug), readPreviewIds(c)]);
  return { version, previewIds };
}

/** The comments part of the article page, with this browser's own held comments in place. */
export async function loadArticleComments(
  c: Context<AppEnv>,
  article: ArticleDocument,
  options: {
    form?: CommentFormState;
    sort?: CommentSort;
    after?: ThreadCursor | null;
    /** The cursor as the reader's URL wrote it, kept in the view's links and forms. */
    afterText?: string;
    replyTo?: number;
    previewIds?: number[];
  } = {},
): Promise<ArticleComments> {
  const db = c.get('db');
  const sort = options.sort ?? DEFAULT_SORT;
  const [page, previewIds] = await Promise.all([
    listApprovedThreads(db, article.slug, options.after ?? null, THREADS_PER_PAGE, sort),
    options.previewIds ?? readPreviewIds(c),
  ]);
  const held = await getHeldComments(db, article.slug, previewIds);
  const open = commentsOpen(article, readModerationSettings(readConfig(c.env)), new Date());
  const form = options.form ?? EMPTY_FORM;
  const replyTarget = options.replyTo && open ? await getApprovedComment(db, article.slug, options.replyTo) : null;
  return {
    open,
    total: page.total,
    threads: buildThreads([...page.comments, ...held].sort((a, b) => a.id - b.id)).sort(compareThreads(sort)),
    shown: page.comments,
    sort,
    ...(options.afterText ? { after: options.afterText } : {}),
    nextCursor: page.nextCursor,
    held: new Set(held.map((h) => h.id)),
    form: replyTarget ? { ...form, replyTo: { id: replyTarget.id, authorName: replyTarget.authorName } } : form,
    retention: readRetentionSettings(c.env),
  };
}
