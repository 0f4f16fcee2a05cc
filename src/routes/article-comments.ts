/**
 * Loads what the article page shows of comments: approved threads, the reader's own held comments (preview
 * cookie) and whether the form is open. Used by the page and by the form's re-render after a failure.
 * The cheap part (version, preview) comes first, so a revalidation is answered 304 before any thread is read.
 */
import type { Context } from 'hono';
import { readConfig } from '../config.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { readRetentionSettings } from '../domain/background-settings.ts';
import { buildThreads, commentsOpen, readModerationSettings } from '../domain/comment.ts';
import type { AppEnv } from '../env.ts';
import { readPreviewIds } from '../http/preview-cookie.ts';
import { getApprovedComment, getCommentsVersion, getHeldComments, listApprovedThreads } from '../storage/comments.ts';
import type { ArticleComments } from '../views/article-page.tsx';
import { type CommentFormState, EMPTY_FORM } from '../views/components/comment-form.tsx';

/** Top-level comments per page of the article page (each with all its replies). */
export const THREADS_PER_PAGE = 100;

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
  options: { form?: CommentFormState; afterId?: number; replyTo?: number; previewIds?: number[] } = {},
): Promise<ArticleComments> {
  const db = c.get('db');
  const [page, previewIds] = await Promise.all([
    listApprovedThreads(db, article.slug, options.afterId ?? 0, THREADS_PER_PAGE),
    options.previewIds ?? readPreviewIds(c),
  ]);
  const held = await getHeldComments(db, article.slug, previewIds);
  const open = commentsOpen(article, readModerationSettings(readConfig(c.env)), new Date());
  const form = options.form ?? EMPTY_FORM;
  const replyTarget = options.replyTo && open ? await getApprovedComment(db, article.slug, options.replyTo) : null;
  return {
    open,
    total: page.total,
    threads: buildThreads([...page.comments, ...held].sort((a, b) => a.id - b.id)),
    nextCursor: page.nextCursor,
    held: new Set(held.map((h) => h.id)),
    form: replyTarget ? { ...form, replyTo: { id: replyTarget.id, authorName: replyTarget.authorName } } : form,
    retention: readRetentionSettings(c.env),
  };
}
