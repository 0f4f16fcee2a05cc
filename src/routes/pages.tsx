import { Hono } from 'hono/tiny';
import { readConfig } from '../config.ts';
import { commentsOpen, readModerationSettings } from '../domain/comment.ts';
import { paginate } from '../domain/pagination.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { agreementsDigest, notModified, notModifiedInBrowsers, versionTag } from '../http/caching.ts';
import { negotiate } from '../http/negotiate.ts';
import { readThreadCursor } from '../http/thread-cursor.ts';
import { requireArticle, sendArticleJson } from '../loaders/article.ts';
import { articleCommentsState, loadArticleComments, unlessCommentsUnavailable } from '../loaders/article-comments.ts';
import { getArticleIndex } from '../storage/articles.ts';
import { categoryPath } from '../urls.ts';
import { articlePageQuerySchema, pageQuerySchema } from '../validation/article-query.ts';
import { validate } from '../validation/validate.ts';
import { ArticleListPage } from '../views/article-list-page.tsx';
import { ArticlePage } from '../views/article-page.tsx';

/** Teasers per list page. */
const PAGE_SIZE = 20;

const pages = new Hono<AppEnv>()
  .get('/', validate('query', pageQuerySchema), async (c) => {
    const { page } = c.req.valid('query');
    const index = await getArticleIndex(c.env.ARTICLES);
    const result = paginate(index.articles, page, PAGE_SIZE);
    if (page > result.pages) throw new ProblemError(404, `Page ${page} does not exist.`);
    const cached = notModified(c, versionTag(c, index.hash, 'home', page));
    if (cached) return cached;
    return c.html(<ArticleListPage heading="آخر الأخبار" path="/" siteUrl={c.env.SITE_URL} page={result} />);
  })
  .get('/categories/:slug', validate('query', pageQuerySchema), async (c) => {
    const slug = c.req.param('slug');
    const { page } = c.req.valid('query');
    const index = await getArticleIndex(c.env.ARTICLES);
    const inCategory = index.articles.filter((a) => a.category.slug === slug);
    const category = inCategory[0]?.category;
    if (!category) throw new ProblemError(404, `No category "${slug}" is published.`);
    const result = paginate(inCategory, page, PAGE_SIZE);
    if (page > result.pages) throw new ProblemError(404, `Page ${page} does not exist.`);
    const cached = notModified(c, versionTag(c, index.hash, 'category', slug, page));
    if (cached) return cached;
    return c.html(<ArticleListPage heading={category.name} path={categoryPath(slug)} siteUrl={c.env.SITE_URL} page={result} />);
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
  });

export default pages;
