/**
 * Reading published articles from Workers KV. Writing is the publisher's job (scripts/publish.ts).
 */
import type { ArticleDocument, ArticleFeed, ArticleIndex } from '../domain/article.ts';
import { articleKey, feedKey, INDEX_KEY, kvKeyFits } from './article-keys.ts';

const EMPTY_INDEX: ArticleIndex = { hash: 'empty', articles: [] };

/** The article stored under `slug`, or null when none is published. */
export async function getArticle(kv: KVNamespace, slug: string): Promise<ArticleDocument | null> {
  const key = articleKey(slug);
  return kvKeyFits(key) ? kv.get<ArticleDocument>(key, 'json') : null;
}

/** The index of all published articles (empty before the first publish). */
export async function getArticleIndex(kv: KVNamespace): Promise<ArticleIndex> {
  return (await kv.get<ArticleIndex>(INDEX_KEY, 'json')) ?? EMPTY_INDEX;
}

/** The feed document of the site, or of a category (null when no such category is published). */
export async function getFeed(kv: KVNamespace, categorySlug?: string): Promise<ArticleFeed | null> {
  const key = feedKey(categorySlug);
  return kvKeyFits(key) ? kv.get<ArticleFeed>(key, 'json') : null;
}
