/**
 * The article a route names, loaded once for every route that shows it (page, JSON, comments, feeds), and its JSON
 * representation, which both the API and the article page's `Accept: application/json` answer with.
 */
import type { Context } from 'hono';
import { readConfig } from '../config.ts';
import type { ArticleDocument } from '../domain/article.ts';
import { commentsOpen, readModerationSettings } from '../domain/comment.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { notModified, versionTag } from '../http/caching.ts';
import { getArticle } from '../storage/articles.ts';
import { countApproved, getCommentsVersion } from '../storage/comments.ts';
import { articleJson } from '../views/article-json.ts';
import { unlessCommentsUnavailable } from './article-comments.ts';

/** Reads a published article or fails with 404. */
export async function requireArticle(c: Context<AppEnv>, slug: string): Promise<ArticleDocument> {
  const article = await getArticle(c.env.ARTICLES, slug);
  if (!article) throw new ProblemError(404, `No article is published with the slug "${slug}".`);
  return article;
}

/** The JSON representation of an article, with its ETag and a 304 when the client has it. */
export async function sendArticleJson(c: Context<AppEnv>, article: ArticleDocument): Promise<Response> {
  const db = c.get('db');
  const open = commentsOpen(article, readModerationSettings(readConfig(c.env)), new Date());
  const count = await unlessCommentsUnavailable(c, async () => {
    const version = await getCommentsVersion(db, article.slug);
    const tag = versionTag(c, article.hash, 'json', version, open ? 'open' : 'closed');
    return notModified(c, tag) ?? countApproved(db, article.slug);
  });
  if (count instanceof Response) return count;
  return c.json(articleJson(article, c.env.SITE_URL, { open, count }));
}
