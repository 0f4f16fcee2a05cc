/**
 * The articles JSON API: `GET /api/articles` (newest first, filtered and paginated) and `GET /api/articles/:slug`.
 */
import { Hono } from 'hono/tiny';
import type { ResponseOf } from '../../contracts/responses.ts';
import { paginate } from '../../domain/pagination.ts';
import type { AppEnv } from '../../env.ts';
import { notModified, versionTag } from '../../http/caching.ts';
import { requireArticle, sendArticleJson } from '../../loaders/article.ts';
import { getArticleIndex } from '../../storage/articles.ts';
import { absoluteUrl } from '../../urls.ts';
import { articleListQuerySchema } from '../../validation/article-query.ts';
import { validate } from '../../validation/validate.ts';
import { articleSummaryJson } from '../../views/article-json.ts';

const articles = new Hono<AppEnv>()
  .get('/', validate('query', articleListQuerySchema), async (c) => {
    const { category, page, per_page } = c.req.valid('query');
    const index = await getArticleIndex(c.env.ARTICLES);
    const cached = notModified(c, versionTag(c, index.hash, 'list', category ?? '', page, per_page));
    if (cached) return cached;

    const matching = category ? index.articles.filter((a) => a.category.slug === category) : index.articles;
    const result = paginate(matching, page, per_page);
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
