/**
 * The HTML pages readers see: the front page, category pages and article pages
 * (which also answer `Accept: application/json` with the article's JSON).
 */
import { Hono } from 'hono';
import { paginate } from '../domain/pagination.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { notModified, versionTag } from '../http/caching.ts';
import { negotiate } from '../http/negotiate.ts';
import { getArticleIndex } from '../storage/articles.ts';
import { pageQuerySchema } from '../validation/article-query.ts';
import { validate } from '../validation/validate.ts';
import { ArticleListPage } from '../views/article-list-page.tsx';
import { ArticlePage } from '../views/article-page.tsx';
import { requireArticle, sendArticleJson } from './api/articles.ts';

/** Teasers per list page. */
const PAGE_SIZE = 20;

const pages = new Hono<AppEnv>()
  .get('/', validate('query', pageQuerySchema), async (c) => {
    const { page } = c.req.valid('query');
    const index = await getArticleIndex(c.env.ARTICLES);
    const cached = notModified(c, versionTag(c, index.hash, 'home', page));
    if (cached) return cached;
    const result = paginate(index.articles, page, PAGE_SIZE);
    if (page > result.pages) throw new ProblemError(404, `Page ${page} does not exist.`);
    return c.html(<ArticleListPage heading="آخر الأخبار" path="/" siteUrl={c.env.SITE_URL} page={result} />);
  })
  .get('/categories/:slug', validate('query', pageQuerySchema), async (c) => {
    const slug = c.req.param('slug');
    const { page } = c.req.valid('query');
    const index = await getArticleIndex(c.env.ARTICLES);
    const inCategory = index.articles.filter((a) => a.category.slug === slug);
    const category = inCategory[0]?.category;
    if (!category) throw new ProblemError(404, `No category "${slug}" is published.`);
    const cached = notModified(c, versionTag(c, index.hash, 'category', slug, page));
    if (cached) return cached;
    const result = paginate(inCategory, page, PAGE_SIZE);
    if (page > result.pages) throw new ProblemError(404, `Page ${page} does not exist.`);
    return c.html(
      <ArticleListPage
        heading={category.name}
        path={`/categories/${encodeURIComponent(slug)}`}
        siteUrl={c.env.SITE_URL}
        page={result}
      />,
    );
  })
  .get('/articles/:slug', async (c) => {
    const representation = negotiate(c, ['text/html', 'application/json']);
    c.header('Vary', 'Accept');
    if (representation === null) throw new ProblemError(406, 'This page is available as text/html or application/json.');
    const article = await requireArticle(c, c.req.param('slug'));
    if (representation === 'application/json') return sendArticleJson(c, article);
    const cached = notModified(c, versionTag(c, article.hash, 'html'));
    if (cached) return cached;
    return c.html(<ArticlePage article={article} siteUrl={c.env.SITE_URL} />);
  });

export default pages;
