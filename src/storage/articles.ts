/**
 * Reading published articles from Workers KV. Writing is the publisher's job (scripts/publish.ts).
 */
import type { ArticleDocument, ArticleIndex } from '../domain/article.ts';
import { articleKey, INDEX_KEY } from './article-keys.ts';

const EMPTY_INDEX: ArticleIndex = { hash: 'empty', articles: [] };

/** The article stored under `slug`, or null when none is published. */
export async function getArticle(kv: KVNamespace, slug: string): Promise<ArticleDocument | null> {
  return kv.get<ArticleDocument>(articleKey(slug), 'json');
}

/** The index of all published articles (empty before the first publish). */
export async function getArticleIndex(kv: KVNamespace): Promise<ArticleIndex> {
  return (await kv.get<ArticleIndex>(INDEX_KEY, 'json')) ?? EMPTY_INDEX;
}
