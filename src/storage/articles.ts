/**
 * Reading published articles from Workers KV. Writing is the publisher's job (scripts/publish.ts).
 * What is listed (pages, sitemaps) lives in D1 (article-catalog.ts). A missing article is "not published" (null); a missing site feed, a value that is not JSON or not of the
 * shape this code reads, and a failing KV are StorageUnavailableError (503), never an empty page that caches keep.
 */
import type { ArticleDocument, ArticleFeed } from '../domain/article.ts';
import { API_DOCUMENT_KEY, articleKey, feedKey, kvKeyFits } from './article-keys.ts';
import { isArticleDocument, isArticleFeed } from './document-shapes.ts';
import { StorageUnavailableError } from './unavailable.ts';

/** The document under `key` if it has the expected shape, null when the key is absent. */
async function readDocument<T>(kv: KVNamespace, key: string, isValid: (value: unknown) => value is T): Promise<T | null> {
  let value: unknown;
  try {
    value = await kv.get(key, 'json');
  } catch (error) {
    throw new StorageUnavailableError(`KV ${key} cannot be read`, error);
  }
  if (value === null) return null;
  if (!isValid(value)) throw new StorageUnavailableError(`KV ${key} is not a document of the expected shape`);
  return value;
}

/** The article stored under `slug`, or null when none is published. */
export async function getArticle(kv: KVNamespace, slug: string): Promise<ArticleDocument | null> {
  const key = articleKey(slug);
  return kvKeyFits(key) ? readDocument(kv, key, isArticleDocument) : null;
}

/** The feed document of the site, or of a category (null when no such category is published). */
export async function getFeed(kv: KVNamespace, categorySlug?: string): Promise<ArticleFeed | null> {
  const key = feedKey(categorySlug);
  const feed = kvKeyFits(key) ? await readDocument(kv, key, isArticleFeed) : null;
  if (!feed && categorySlug === undefined) throw new StorageUnavailableError(`KV ${feedKey()} is missing`);
  return feed;
}

/** The published OpenAPI document with its hash, or null before the first publish. */
export async function getApiDocument(kv: KVNamespace): Promise<{ hash: string; document: unknown } | null> {
  return kv.get<{ hash: string; document: unknown }>(API_DOCUMENT_KEY, 'json');
}
