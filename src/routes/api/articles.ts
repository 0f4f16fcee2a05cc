/**
 * The articles JSON API: `GET /api/articles` (newest first, filtered and paginated) and `GET /api/articles/:slug`.
 */
import { type Context, Hono } from 'hono';
import { readConfig } from '../../config.ts';
import type { ResponseOf } from '../../contracts/responses.ts';
import type { ArticleDocument } from '../../domain/article.ts';
import { commentsOpen, readModerationSettings } from '../../domain/comment.ts';
import { pageOf } from '../../domain/pagination.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { listDigest, notModified, versionTag } from '../../http/caching.ts';
import { listPage } from '../../storage/article-catalog.ts';
import { getArticle } from '../../storage/articles.ts';
import { countApproved, getCommentsVersion } from '../../storage/comments.ts';
import { absoluteUrl } from '../../urls.ts';
import { articleListQuerySchema } from '../../validation/article-query.ts';
import { validate } from '../../validation/validate.ts';
import { articleJson, articleSummaryJson } from '../../views/article-json.ts';
import { unlessCommentsUnavailable } from '../article-comments.ts';

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

const articles = new Hono<AppEnv>()
  .get('/', validate('query', articleListQuerySchema), async (c) => {
    const { category, page, per_page } = c.req.valid('query');
    const { list, items } = await listPage(c.get('db'), category ?? null, page, per_page);
    const result = pageOf(items, page, per_page, list?.total ?? 0);
    const cached = notModified(c, versionTag(c, await listDigest(result), 'list', category ?? '', page, per_page));
    if (cached) return cached;
    const linkTo = (n: number) => {
      const query = new URLSearchParams({ ...(category ? { category } : {}), page: String(n), per_page: String(per_page) });
      return absoluteUrl(c.env.SITE_URL, `/api/articles?${query}`);
    };
    const links = [`<${linkTo(1)}>; rel="first"`, `<${linkTo(result.pages)}>; rel="last"`];
    if (page > 1) links.push(`<${linkTo(Math.min(page - 1, result.pages))}>; rel="prev"`);
    if (page < result.pages) links.push(`<${linkTo(page + 1)}>; rel="next"`);
    c.header('Link', links.join(', '));
    return c.json({
      data: result.items.map((a) => articleSummaryJson(a, c.env.SITE_URL)),
      meta: { pagination: { page, per_page, total: result.total, pages: result.pages } },
    } satisfies ResponseOf<'ArticleList'>);
  })
  .get('/:slug', async (c) => sendArticleJson(c, await requireArticle(c, c.req.param('slug'))));

export default articles;
