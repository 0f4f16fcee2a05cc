/**
 * The JSON representations of articles, typed by their contracts (src/contracts/responses.ts).
 */
import type { ResponseOf } from '../contracts/responses.ts';
import type { ArticleDocument, ArticleSummary, Category } from '../domain/article.ts';
import { absoluteUrl, articleCommentsApiPath, articlePath, categoryPath } from '../urls.ts';

const categoryJson = (category: Category, siteUrl: string): ResponseOf<'Category'> => ({
  slug: category.slug,
  name: category.name,
  url: absoluteUrl(siteUrl, categoryPath(category.slug)),
});

/** An article as listed by `GET /api/articles`. */
export const articleSummaryJson = (article: ArticleSummary, siteUrl: string): ResponseOf<'ArticleSummary'> => ({
  slug: article.slug,
  url: absoluteUrl(siteUrl, articlePath(article.slug)),
  title: article.title,
  dek: article.dek,
  category: categoryJson(article.category, siteUrl),
  published_at: article.published_at,
  updated_at: article.updated_at,
});

/** A whole article, as served by `GET /api/articles/:slug` and by the article page to `Accept: application/json`. */
export const articleJson = (
  article: ArticleDocument,
  siteUrl: string,
  comments: { open: boolean; count: number | null },
): ResponseOf<'Article'> => ({
  slug: article.slug,
  url: absoluteUrl(siteUrl, articlePath(article.slug)),
  lang: 'ar' as const,
  dir: 'rtl' as const,
  title: article.title,
  dek: article.dek,
  category: categoryJson(article.category, siteUrl),
  tags: article.tags,
  authors: article.authors.map((a) => (a.url ? { name: a.name, url: a.url } : { name: a.name })),
  image: article.image,
  published_at: article.published_at,
  updated_at: article.updated_at,
  body_html: article.body_html,
  headings: article.headings,
  word_count: article.word_count,
  reading_minutes: article.reading_minutes,
  comments: {
    open: comments.open,
    count: comments.count,
    url: absoluteUrl(siteUrl, articleCommentsApiPath(article.slug)),
  },
});
