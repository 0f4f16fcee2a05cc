/**
 * Whether an article takes comments now: the desk's decision when it made one, otherwise front matter and the
 * site's COMMENTS_CLOSE_AFTER_DAYS (src/domain/comment.ts).
 */
import type { ArticleDocument } from '../domain/article.ts';
import { commentsOpen, type ModerationSettings } from '../domain/comment.ts';
import { getCommentState } from '../storage/article-comment-states.ts';
import type { Db } from '../storage/db.ts';

/** Whether `article` takes comments at `now`. */
export async function isOpenForComments(
  db: Db,
  article: ArticleDocument,
  settings: ModerationSettings,
  now: Date,
): Promise<boolean> {
  const state = await getCommentState(db, article.slug);
  return state === null ? commentsOpen(article, settings, now) : state === 'open';
}
